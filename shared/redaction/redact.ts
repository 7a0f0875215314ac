import type { RedactionCategory } from './categories';
import { Pseudonymiser } from './pseudonymiser';

export interface SpanToRedact {
  start: number;
  end: number;
  category: RedactionCategory;
}

export interface RedactedSpan {
  /** Offsets into the original text. */
  start: number;
  end: number;
  category: string;
  replacement: string;
}

export interface RedactionResult {
  text: string;
  spans: RedactedSpan[];
}

/**
 * Replaces each span by its numbered replacement. Offsets are JavaScript string indices into `text`
 * and stay so in the result. Spans may come in any order; overlapping spans are joined into one,
 * which takes the category of the longest. Throws a RangeError for a span outside the text.
 */
export function redact(text: string, spans: readonly SpanToRedact[], pseudonymiser: Pseudonymiser = new Pseudonymiser()): RedactionResult {
  for (const s of spans) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.start >= s.end) {
      throw new RangeError(`span ${s.start}–${s.end} lies outside a text of ${text.length} characters`);
    }
  }
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SpanToRedact[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      const category = s.end - s.start > last.end - last.start ? s.category : last.category;
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end), category };
    } else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  const result: RedactedSpan[] = [];
  for (const s of merged) {
    const replacement = pseudonymiser.replacementFor(s.category, text.slice(s.start, s.end));
    out += text.slice(at, s.start) + replacement;
    at = s.end;
    result.push({ start: s.start, end: s.end, category: s.category, replacement });
  }
  out += text.slice(at);
  return { text: out, spans: result };
}
