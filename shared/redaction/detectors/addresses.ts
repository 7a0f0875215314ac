import { candidate, type Candidate } from '../candidate';
import type { Token } from '../tokenise';
import { getLexicon } from '../lexicon/lexicon';
import { adjacent, FREE, markTaken, SPANNED, type TokenState } from './context';
import { Fact, remembered } from './word-facts';

/**
 * Street addresses: a street name (a word ending in -straat, -laan, -weg, …, or a foreign street
 * word such as Caddesi or rue) with the words of its name before it (Van Goghstraat, Laan van
 * Meerdervoort, Burgemeester de Monchyplein) and a house number with its additions (14, 7a,
 * 104-III, 88-2, 12 bis). A capitalised street name counts without a number; a lower-case one only
 * with a number. "Postbus 1234" and "huisnummer 12" are addresses too.
 */

const suffixes = [
  'straat',
  'laan',
  'weg',
  'plein',
  'gracht',
  'kade',
  'singel',
  'dijk',
  'dreef',
  'steeg',
  'pad',
  'plantsoen',
  'markt',
  'boulevard',
  'allee',
  'burgwal',
  'kanaal',
  'straatweg',
  'dwarsstraat',
  'passage',
  'promenade',
];
const suffixPattern = new RegExp(`(?:${suffixes.join('|')})$`);
/** Endings that are also common in surnames and other names (Oosterhof, Rietveld): only with a number. */
const weakSuffixes = ['hof', 'baan', 'wal', 'haven', 'ring', 'erf', 'park', 'veld', 'hoven', 'zijde', 'gaarde', 'oord', 'hage', 'donk', 'brink'];
const weakSuffixPattern = new RegExp(`(?:${weakSuffixes.join('|')})$`);
/** Words that open a street name of several words: Laan van Meerdervoort, Weg naar Rhijnauwen. */
const streetHeads = new Set([
  'laan',
  'weg',
  'plein',
  'kade',
  'dijk',
  'straat',
  'singel',
  'gracht',
  'dreef',
  'park',
  'hof',
  'markt',
  'rue',
  'avenue',
  'via',
  'calle',
  'ulitsa',
]);
/** Foreign street words written after the name (Atatürk Caddesi, Baker Street). */
const foreignAfter = new Set([
  'caddesi',
  'sokak',
  'sokagi',
  'bulvari',
  'mahallesi',
  'street',
  'road',
  'avenue',
  'strasse',
  'straße',
  'gasse',
  'ulitsa',
  'prospekt',
  'boulevard',
  'lane',
  'square',
]);
const connectors = new Set(['van', 'de', 'der', 'den', 'het', 'naar', 'op', 'aan', 'la', 'le', 'du', 'des', 'di', 'del', 'da', "'t", 't', 'en', 'bij', 'in']);
/** Words that stand before a street name as part of it: titles and ordinals. */
const nameOpeners = new Set([
  'burgemeester',
  'prins',
  'prinses',
  'koningin',
  'koning',
  'graaf',
  'gravin',
  'hertog',
  'dokter',
  'dr',
  'professor',
  'prof',
  'pastoor',
  'president',
  'generaal',
  'kapitein',
  'admiraal',
  'sint',
  'st',
  'eerste',
  'tweede',
  'derde',
  'vierde',
  'oude',
  'nieuwe',
  'lange',
  'korte',
  'hoge',
  'lage',
  'grote',
  'kleine',
  'binnen',
  'buiten',
  'noord',
  'zuid',
  'oost',
  'west',
  'achter',
  'voor',
  'van',
  'jan',
  'mr',
  'ir',
]);
const houseNumber =
  /^[ \t]*(?:nr\.?[ \t]*)?\d{1,5}(?:[ \t]?[a-zA-Z](?![\p{L}\d]))?(?:[ \t]?[-/][ \t]?(?:\d{1,4}|[IVX]{1,4}|[a-zA-Z])(?![\p{L}\d]))?(?:[ \t](?:hs|bis|huis|boven|bg|zw|rd|I{1,3}|IV|[a-d])(?![\p{L}\d]))?/u;

/** 2: a street word; 1: a street word only with a house number after it; 0: no street word. */
function workOutStreetWord(t: Token): number {
  if (t.key.length <= 5 || t.hasDigit) return 0;
  if (suffixPattern.test(t.key)) return getLexicon().surnames.has(t.key) ? 1 : 2;
  return weakSuffixPattern.test(t.key) ? 1 : 0;
}
const streetWordAlone = (t: Token): boolean => workOutStreetWord(t) === 2;
const streetWordWithNumber = (t: Token): boolean => workOutStreetWord(t) === 1;

/** As workOutStreetWord, remembered per word: the suffix patterns are tried at every letter of it. */
function streetWord(t: Token): number {
  if (t.key.length <= 5 || t.hasDigit) return 0;
  if (remembered(t, Fact.streetWord, streetWordAlone)) return 2;
  return remembered(t, Fact.streetWordWithNumber, streetWordWithNumber) ? 1 : 0;
}

/**
 * The most words a street name has before its street word (Burgemeester Mr. Dr. van der
 * Kolk-straat): words are not looked at further back, so each street word costs the same.
 */
const maxStreetWords = 6;

/** How far the words of the street name reach back from the street word at index i. */
function nameStart(tokens: readonly Token[], i: number, taken: Uint8Array): number {
  let s = i;
  while (s > 0 && s > i - maxStreetWords && adjacent(tokens, s - 1) && taken[s - 1] === FREE) {
    const t = tokens[s - 1]!;
    if (t.cap && !t.sentenceStart) s--;
    else if (t.cap && t.sentenceStart && nameOpeners.has(t.key)) s--;
    else if (
      connectors.has(t.key) &&
      s - 2 >= 0 &&
      tokens[s - 2]!.cap &&
      adjacent(tokens, s - 2) &&
      (tokens[s - 2]!.key === 'van' || nameOpeners.has(tokens[s - 2]!.key))
    )
      s--;
    else break;
  }
  // "Van Goghstraat": a leading particle of the street's name; an article before it is not part of it.
  while (s < i && (tokens[s]!.key === 'de' || tokens[s]!.key === 'het') && !tokens[s]!.cap) s++;
  return s;
}

export function findAddresses(text: string, state: TokenState, out: Candidate[]): void {
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] !== FREE) continue;
    const t = tokens[i]!;
    let from = -1;
    let to = -1;
    let needsNumber = false;
    const street = streetWord(t);
    if (street > 0) {
      needsNumber = street === 1;
      from = nameStart(tokens, i, taken);
      to = i + 1;
    } else if (t.cap && streetHeads.has(t.key) && adjacent(tokens, i)) {
      // Laan van Meerdervoort: head, connectors, then capitalised words.
      let j = i + 1;
      const limit = Math.min(tokens.length, i + maxStreetWords);
      while (j < limit && connectors.has(tokens[j]!.key) && adjacent(tokens, j - 1)) j++;
      if (j > i + 1 && j < limit && tokens[j]?.cap && adjacent(tokens, j - 1) && taken[j] === FREE) {
        while (j + 1 < limit && tokens[j + 1]!.cap && adjacent(tokens, j) && taken[j + 1] === FREE) j++;
        from = i;
        to = j + 1;
      }
    } else if (t.cap && !t.sentenceStart && foreignAfter.has(tokens[i + 1]?.key ?? '') && adjacent(tokens, i) && taken[i + 1] === FREE) {
      from = i;
      while (
        from > 0 &&
        from > i - maxStreetWords &&
        tokens[from - 1]!.cap &&
        adjacent(tokens, from - 1) &&
        taken[from - 1] === FREE &&
        !tokens[from - 1]!.sentenceStart
      )
        from--;
      to = i + 2;
    } else if ((t.key === 'postbus' || t.key === 'huisnummer') && /^\s+\d/.test(text.slice(t.end, t.end + 3))) {
      const num = houseNumber.exec(text.slice(t.end, t.end + 30))!;
      const start = t.key === 'postbus' ? t.start : t.end + num[0].search(/\d/);
      out.push(candidate(start, t.end + num[0].length, 'address'));
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.start < t.end + num[0].length) j++;
      markTaken(state, i, j, SPANNED);
      i = j - 1;
      continue;
    }
    if (from < 0) continue;
    const last = tokens[to - 1]!;
    const num = houseNumber.exec(text.slice(last.end, last.end + 30));
    const hasNumber = num !== null && num[0].trim() !== '' && /^[ \t]/.test(num[0]);
    const first = tokens[from]!;
    // A lower-case street word, one at the start of a sentence, or one that may be a surname
    // (Rietveld, Oosterhof) needs a house number.
    if (!hasNumber && (needsNumber || !first.cap || (first.sentenceStart && from === i))) continue;
    let end = last.end;
    if (hasNumber) end += num[0].length;
    out.push(candidate(first.start, end, 'address'));
    let j = to;
    while (j < tokens.length && tokens[j]!.start < end) j++;
    markTaken(state, from, j, SPANNED);
    i = j - 1;
  }
}
