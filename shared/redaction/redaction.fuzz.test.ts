import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from '../test-support/fuzz';
import { isRedactionCategory, redactionCategories } from './categories';
import { detect } from './detect';
import { redact, type SpanToRedact } from './redact';

/**
 * Fuzz: the redaction entry points on text of any shape. `detect` never throws and proposes only
 * spans inside the text, on whole characters; `redact` either replaces valid spans or refuses the
 * first span outside the text by name, never anything else.
 */

/** Units of the detectors' vocabulary, so that repetition reaches every detector. */
const vocabulary = [
  'Jan',
  'de',
  'van der',
  'Yıldız',
  'Kerkstraat 12',
  '1012 AB',
  '06-12345678',
  '+31 6 12345678',
  '12-12-2012',
  '3 maart 1980',
  'A.A.',
  '1.1.',
  'AB12AB12',
  'NL91ABNA0417164300',
  '123456782',
  'k.haddad@example.org',
  '@vrije_stem',
  'www.voorbeeld.nl',
  'Deventer',
  '56 jaar',
  'مريم',
  '王芳',
  'ሰላም',
  'Ольга',
  '\ud83d\ude00',
  '\ud800',
  '\n',
  ' ',
  ',',
  '.',
  '-',
];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...vocabulary), { maxLength: 60 }).map((parts) => parts.join(' ')),
  fc
    .tuple(fc.constantFrom(...vocabulary), fc.integer({ min: 1, max: 80 }), fc.constantFrom('', ' ', ', ', '\n'))
    .map(([unit, n, sep]) => Array(n).fill(unit).join(sep)),
);

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
/** Whether an offset falls between the halves of a surrogate pair. */
const splitsPair = (s: string, at: number) => at > 0 && at < s.length && isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at));

describe('redaction on text of any shape (fuzz)', () => {
  it('detect proposes only spans inside the text, on whole characters, with a known category', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const span of detect(input)) {
          expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(input.length);
          expect(isRedactionCategory(span.category), span.category).toBe(true);
          expect(span.text).toBe(input.slice(span.start, span.end));
          expect(splitsPair(input, span.start) || splitsPair(input, span.end), JSON.stringify(span)).toBe(false);
        }
      }),
      fuzzParameters('detect'),
    );
  });

  it('redact replaces valid spans and refuses a span outside the text by name', () => {
    const spans = (length: number) =>
      fc.array(
        fc.record({
          start: fc.oneof(fc.integer({ min: -3, max: length + 3 }), fc.constantFrom(0.5, Number.NaN, Number.MAX_SAFE_INTEGER)),
          end: fc.oneof(fc.integer({ min: -3, max: length + 3 }), fc.constantFrom(1.5, Number.POSITIVE_INFINITY)),
          category: fc.constantFrom(...redactionCategories),
        }),
        { maxLength: 8 },
      );
    const input = fc.string({ unit: 'grapheme', maxLength: 80 }).chain((t) => fc.tuple(fc.constant(t), spans(t.length)));
    fc.assert(
      fc.property(input, ([t, given]: [string, SpanToRedact[]]) => {
        const valid = given.every((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= t.length && s.start < s.end);
        if (!valid) {
          expect(() => redact(t, given)).toThrow(RangeError);
          expect(() => redact(t, given)).toThrow(/^span \S+–\S+ lies outside a text of \d+ characters$/);
          return;
        }
        const result = redact(t, given);
        let at = 0;
        for (const s of result.spans) {
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(s.replacement).toMatch(/^\[[A-Z-]+-\d+\]$/);
          at = s.end;
        }
        for (const s of given) expect(result.spans.some((r) => r.start <= s.start && s.end <= r.end)).toBe(true);
      }),
      fuzzParameters('redact'),
    );
  });
});
