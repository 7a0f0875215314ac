import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeKey } from '../geo/normalise';
import { foldForLookup, foldForPlaces, foldForSearch, highlightRanges, queryTerms } from './fold';

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

describe('the folding variants', () => {
  // Every letter beyond marks in both cases, some letters with marks, and the typographic apostrophe.
  const letters = 'ıİøØłŁđĐßæÆœŒħĦþÞðÐĳĲ’ŞÇÖÜé';

  it('each treat letters that are no base letter plus a mark as they always did', () => {
    expect(foldForSearch(letters)).toBe('iioolldd' + 'saaoo' + 'hħtþdð' + 'ĳĳ’scoue');
    expect(foldForLookup(letters)).toBe('iiooll' + 'ddssaeaeoeoe' + 'ħħþþðð' + "ijij'scoue");
    expect(foldForPlaces(letters)).toBe('ıiøøłłđđßææœœħħþþððijij’scoue');
  });

  it('compare names typed with or without diacritics as equal', () => {
    expect(foldForLookup('ŞAHİN')).toBe(foldForLookup('Sahin'));
    expect(foldForLookup('Yıldız')).toBe('yildiz');
    expect(foldForLookup('Straße')).toBe('strasse');
    expect(placeKey('Súdwest-Fryslân')).toBe(placeKey('sudwest fryslan'));
  });
});
