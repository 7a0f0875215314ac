import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, highlightRanges, queryTerms } from './fold';

describe('search folding', () => {
  it('folds case and diacritics, including Turkish dotless and dotted i', () => {
    expect(foldForSearch('Yıldız ÇELİK Öğretmen Ærø Łódź')).toBe('yildiz celik ogretmen aro lodz');
    expect(foldForSearch('Ğ ş Ş é È ñ')).toBe('g s s e e n');
  });

  it('keeps the length of any text, so offsets map back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldForSearch(s).length).toBe(s.length);
      }),
    );
  });

  it('splits a query into at most 16 folded words', () => {
    expect(queryTerms('  Yıldız, "consulaat"  -- 2026 ')).toEqual(['yildiz', 'consulaat', '2026']);
    expect(queryTerms('a '.repeat(40))).toHaveLength(16);
    expect(queryTerms('!!!')).toEqual([]);
  });

  it('highlights word prefixes in the original text', () => {
    const text = 'Mevrouw Yıldız sprak over de ambassade; yildizen.';
    expect(highlightRanges(text, ['yildiz'])).toEqual([
      [8, 14],
      [40, 46],
    ]);
    expect(highlightRanges(text, ['ambas'])).toEqual([[29, 34]]);
    expect(highlightRanges(text, ['over'])).toEqual([[21, 25]]);
    expect(highlightRanges(text, [])).toEqual([]);
  });
});
