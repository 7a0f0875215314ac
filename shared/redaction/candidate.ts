import type { RedactionCategory } from './categories';

/** A proposed span before overlaps are resolved; the higher priority wins an overlap. */
export interface Candidate {
  start: number;
  end: number;
  category: RedactionCategory;
  priority: number;
  needsDecision?: boolean;
}

/** Priorities: what a pattern proves outranks what the lexicon suggests. */
export const priority: Readonly<Record<RedactionCategory, number>> = {
  email: 100,
  url: 95,
  handle: 95,
  iban: 90,
  phone: 85,
  bsn: 85,
  document: 84,
  plate: 83,
  postcode: 82,
  date: 80,
  address: 70,
  age: 60,
  organisation: 50,
  place: 40,
  person: 30,
};

export const candidate = (start: number, end: number, category: RedactionCategory, needsDecision = false): Candidate =>
  needsDecision ? { start, end, category, priority: priority[category], needsDecision } : { start, end, category, priority: priority[category] };
