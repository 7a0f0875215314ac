/**
 * Text folding, one module for every use: case and diacritics ignored, so that "Şahin", "Sahin"
 * and "ŞAHİN" compare equal and so do "Yıldız" and "Yildiz". Three variants:
 * - `foldForSearch`: one UTF-16 unit in for one out, so that an offset in the folded text is the
 *   same offset in the original (highlights map back exactly). SQLite's unicode61 tokenizer
 *   removes most diacritics itself but keeps letters that are not a base letter plus a mark, such
 *   as the Turkish dotless ı; those are mapped here.
 * - `foldForLookup`: a word as the redaction's lexicons key it, such letters spelled out (ß → ss).
 * - `foldForPlaces`: every combining mark dropped, for comparing place names as people type them.
 */

/**
 * Letters that Unicode does not write as a base letter and a mark, so dropping marks leaves them
 * as they are, with what each becomes: `unit` for search (one letter for one), `spelled` for
 * lookups. A letter stays itself in a variant that names nothing for it.
 */
const beyondMarks: ReadonlyArray<{ forms: string; unit?: string; spelled?: string }> = [
  { forms: 'ıİ', unit: 'i', spelled: 'i' },
  { forms: 'øØ', unit: 'o', spelled: 'o' },
  { forms: 'łŁ', unit: 'l', spelled: 'l' },
  { forms: 'đĐ', unit: 'd', spelled: 'd' },
  { forms: 'ß', unit: 's', spelled: 'ss' },
  { forms: 'æÆ', unit: 'a', spelled: 'ae' },
  { forms: 'œŒ', unit: 'o', spelled: 'oe' },
  { forms: 'ħ', unit: 'h' },
  { forms: 'þ', unit: 't' },
  { forms: 'ð', unit: 'd' },
  { forms: 'ĳ', spelled: 'ij' },
  { forms: '’', spelled: "'" },
];

const unitOf = new Map(beyondMarks.flatMap(({ forms, unit }) => (unit ? [...forms].map((f) => [f, unit] as const) : [])));
// A lookup lowers the case first, so only the lower-case forms are ever looked up.
const spelledOf = new Map(
  beyondMarks.flatMap(({ forms, spelled }) => (spelled ? [...forms].filter((f) => f === f.toLowerCase()).map((f) => [f, spelled] as const) : [])),
);

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const known = unitOf.get(ch) ?? cache.get(ch);
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

/** A word folded for a lookup: lower case, no diacritics, letters beyond marks spelled out. Cheap for plain ASCII, which most words are. */
export function foldForLookup(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 128;
  if (ascii) return word.toLowerCase();
  const lower = word.toLowerCase();
  let out = '';
  for (const ch of lower.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += spelledOf.get(ch) ?? ch;
  }
  return out;
}

/** A place name folded for comparison: every combining mark dropped, lower case, the Dutch ĳ written out. */
export function foldForPlaces(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ĳ/g, 'ij');
}
