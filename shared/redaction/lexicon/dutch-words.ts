import generated from './generated/dutch-words.json';

/**
 * Dutch word forms from the OpenTaal dictionary (see build/scripts/make-lexicons.mjs). Long
 * compounds whose two parts are both words were left out of the list; they are recognised here by
 * splitting them again, with the same rules as the script.
 */
const compoundMinLength = 9;
const compoundPartMin = 3;
/**
 * Longer than any Dutch compound in use (arbeidsongeschiktheidsverzekering has 33 letters): such a
 * "word" is not split, since trying every split costs its length squared or more.
 */
const compoundMaxLength = 60;
const linkers = ['', 's', 'en', 'e'];

let words: Set<string> | null = null;
const compoundCache = new Map<string, boolean>();

/** Forgets which long words were found to be compounds; returns how many were held. */
export function forgetCompounds(): number {
  const held = compoundCache.size;
  compoundCache.clear();
  return held;
}

function load(): Set<string> {
  const set = new Set<string>();
  const s = generated.frontCoded;
  let prev = '';
  let i = 0;
  while (i < s.length) {
    const shared = s.charCodeAt(i) - 48;
    let j = i + 1;
    // A prefix length is a character from '0' upwards, which no word contains.
    while (j < s.length && (s.charCodeAt(j) < 48 || s.charCodeAt(j) > 88)) j++;
    prev = prev.slice(0, shared) + s.slice(i + 1, j);
    set.add(prev);
    i = j;
  }
  return set;
}

function splits(word: string): boolean {
  for (let i = compoundPartMin; i <= word.length - compoundPartMin; i++) {
    if (!isDutchWord(word.slice(i))) continue;
    const head = word.slice(0, i);
    for (const link of linkers) {
      if (head.endsWith(link) && head.length - link.length >= compoundPartMin && isDutchWord(head.slice(0, head.length - link.length))) {
        return true;
      }
    }
  }
  return false;
}

/** Whether a lower-case word (diacritics as written) is an ordinary Dutch word form. */
export function isDutchWord(lower: string): boolean {
  words ??= load();
  if (words.has(lower)) return true;
  if (lower.length < compoundMinLength || lower.length > compoundMaxLength) return false;
  const cached = compoundCache.get(lower);
  if (cached !== undefined) return cached;
  const result = splits(lower);
  if (compoundCache.size > 50_000) compoundCache.clear();
  compoundCache.set(lower, result);
  return result;
}

/** Loads the list now rather than on the first lookup (for a warm start of live highlighting). */
export function preloadDutchWords(): number {
  words ??= load();
  return words.size;
}
