/**
 * Folding for search: lower case without diacritics, one UTF-16 unit in for one out, so that an
 * offset in the folded text is the same offset in the original (highlights map back exactly).
 * SQLite's unicode61 tokenizer removes most diacritics itself but keeps letters that are not a
 * base letter plus a mark, such as the Turkish dotless ı; those are mapped here.
 */
const special: Record<string, string> = {
  ı: 'i',
  İ: 'i',
  I: 'i',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ħ: 'h',
  ß: 's',
  æ: 'a',
  Æ: 'a',
  œ: 'o',
  Œ: 'o',
  þ: 't',
  ð: 'd',
};

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const known = special[ch] ?? cache.get(ch);
  if (known !== undefined) return known;
  const base = ch.normalize('NFD')[0] ?? ch;
  const lower = base.toLowerCase();
  const folded = lower.length === 1 ? lower : ch;
  cache.set(ch, folded);
  return folded;
}

export function foldForSearch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    out += ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldChar(ch);
  }
  return out;
}

/** Words of a query, folded; anything but letters and digits separates words. */
export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 16);
}

/**
 * Ranges in `text` where a word starts with one of the terms (prefix match, as the search does),
 * merged and sorted, for highlighting.
 */
export function highlightRanges(text: string, terms: string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const folded = foldForSearch(text);
  const ranges: Array<[number, number]> = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (const m of folded.matchAll(word)) {
    const term = terms.find((t) => m[0].startsWith(t));
    if (term) ranges.push([m.index, m.index + term.length]);
  }
  return ranges;
}

const lookupSpecial: Readonly<Record<string, string>> = { ı: 'i', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ĳ: 'ij', '’': "'" };

/**
 * Lower case without diacritics, so that "Şahin", "Sahin" and "ŞAHİN" compare equal and so do
 * "Yıldız" and "Yildiz". Cheap for plain ASCII, which most words are.
 */
export function foldForLookup(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 128;
  if (ascii) return word.toLowerCase();
  const lower = word.toLowerCase();
  let out = '';
  for (const ch of lower.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += lookupSpecial[ch] ?? ch;
  }
  return out;
}
