import { isDutchWord } from '../lexicon/dutch-words';
import { getLexicon } from '../lexicon/lexicon';
import type { Token } from '../tokenise';
import { nameKeyOf } from './context';

/**
 * Facts about a token that depend on its word alone (is it a listed first name, a Dutch word, …),
 * worked out on the first question and remembered on the word's forms, which every occurrence of
 * the word shares. The lists hold tens of thousands of words and the Dutch one hundreds of
 * thousands: a look-up in them costs more than the rest of a token's handling, and notes repeat
 * their words. Each fact is one bit; the function that works it out must read nothing but the
 * token's word.
 */
export function remembered(t: Token, fact: number, workOut: (t: Token) => boolean): boolean {
  const w = t.word;
  if ((w.known & fact) === 0) {
    w.known |= fact;
    if (workOut(t)) w.facts |= fact;
  }
  return (w.facts & fact) !== 0;
}

/** The bits of the facts, one per fact, whichever module works it out. */
export const Fact = {
  particle: 1 << 0,
  titleBefore: 1 << 1,
  titleAfter: 1 << 2,
  firstNameKey: 1 << 3,
  surnameKey: 1 << 4,
  firstName: 1 << 5,
  surname: 1 << 6,
  particleSurname: 1 << 7,
  dutch: 1 << 8,
  dutchName: 1 << 9,
  opensKept: 1 << 10,
  opensPlace: 1 << 11,
  strongName: 1 << 12,
  weakName: 1 << 13,
  lowerCaseName: 1 << 14,
  unknownLowerWord: 1 << 15,
  nameWordAfterName: 1 << 16,
  streetWord: 1 << 17,
  streetWordWithNumber: 1 << 18,
  placeAdjective: 1 << 19,
} as const;

/** The token's word without a possessive ending, lower case as written (Fatima's → fatima). */
const nameLower = (t: Token): string => (nameKeyOf(t) === t.key ? t.lower : t.lower.slice(0, -2));

const particle = (t: Token): boolean => getLexicon().particles.has(t.key);
const titleBefore = (t: Token): boolean => getLexicon().titlesBefore.has(t.key);
const titleAfter = (t: Token): boolean => getLexicon().titlesAfter.has(t.key);
const firstNameKey = (t: Token): boolean => getLexicon().firstNames.has(t.key);
const surnameKey = (t: Token): boolean => getLexicon().surnames.has(t.key);
const firstName = (t: Token): boolean => getLexicon().firstNames.has(nameKeyOf(t));
const surname = (t: Token): boolean => getLexicon().surnames.has(nameKeyOf(t));
const particleSurname = (t: Token): boolean => getLexicon().particleSurnames.has(nameKeyOf(t));
const dutch = (t: Token): boolean => isDutchWord(t.lower);
const dutchName = (t: Token): boolean => isDutchWord(nameLower(t));
const opensKeptPhrase = (t: Token): boolean => getLexicon().keep.opens(t.phraseKey);
const opensPlaceName = (t: Token): boolean => getLexicon().places.opens(t.phraseKey);

export const isParticle = (t: Token): boolean => remembered(t, Fact.particle, particle);
export const isTitleBefore = (t: Token): boolean => remembered(t, Fact.titleBefore, titleBefore);
export const isTitleAfter = (t: Token): boolean => remembered(t, Fact.titleAfter, titleAfter);
/** A listed first name or surname as written, possessive and all. */
export const isFirstNameKey = (t: Token): boolean => remembered(t, Fact.firstNameKey, firstNameKey);
export const isSurnameKey = (t: Token): boolean => remembered(t, Fact.surnameKey, surnameKey);
/** A listed first name or surname without its possessive ending (Karims, Fatima's). */
export const isFirstName = (t: Token): boolean => remembered(t, Fact.firstName, firstName);
export const isSurname = (t: Token): boolean => remembered(t, Fact.surname, surname);
export const isParticleSurname = (t: Token): boolean => remembered(t, Fact.particleSurname, particleSurname);
/** An ordinary Dutch word form as written. */
export const isDutch = (t: Token): boolean => remembered(t, Fact.dutch, dutch);
/** An ordinary Dutch word form without a possessive ending. */
export const isDutchName = (t: Token): boolean => remembered(t, Fact.dutchName, dutchName);
/** The first word of a phrase kept on purpose, or of a place name. */
export const opensKept = (t: Token): boolean => remembered(t, Fact.opensKept, opensKeptPhrase);
export const opensPlace = (t: Token): boolean => remembered(t, Fact.opensPlace, opensPlaceName);
