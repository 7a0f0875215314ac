import { replacementLabels, type RedactionCategory } from './categories';
import { foldForLookup as fold } from '../text/fold';

/** Categories whose values are compared by their letters and digits only (06-1234 5678 = 0612345678). */
const byCharacters = new Set<RedactionCategory>(['phone', 'iban', 'bsn', 'postcode', 'plate', 'document']);

function surfaceKey(category: RedactionCategory, surface: string): string {
  if (byCharacters.has(category)) return surface.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  return fold(surface)
    .replace(/['’]s$/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Numbers replacements consistently: the same value gets the same number (`[PERSOON-1]` each time
 * "Karim Haddad" occurs), a new value the next number of its category. One instance can be shared by
 * all summaries of a bundle so numbers agree across them. A person's single name ("Haddad") gets the
 * number of the one full name it is part of ("Karim Haddad"), when exactly one such name was seen.
 */
export class Pseudonymiser {
  private readonly numbers = new Map<string, number>();
  private readonly counters = new Map<RedactionCategory, number>();
  /** For persons: each word of a full name → the numbers of the full names it occurs in. */
  private readonly personWords = new Map<string, Set<number>>();

  replacementFor(category: RedactionCategory, surface: string): string {
    return `[${replacementLabels[category]}-${this.numberFor(category, surface)}]`;
  }

  numberFor(category: RedactionCategory, surface: string): number {
    const key = surfaceKey(category, surface);
    const id = `${category}\u0000${key}`;
    const known = this.numbers.get(id);
    if (known !== undefined) return known;
    let n: number | undefined;
    if (category === 'person') n = this.personNumber(key);
    if (n === undefined) {
      n = (this.counters.get(category) ?? 0) + 1;
      this.counters.set(category, n);
    }
    this.numbers.set(id, n);
    if (category === 'person') {
      for (const w of key.split(' ')) {
        if (w.length < 2) continue;
        const set = this.personWords.get(w) ?? new Set<number>();
        set.add(n);
        this.personWords.set(w, set);
      }
    }
    return n;
  }

  /** A single name that belongs to exactly one full name seen before. */
  private personNumber(key: string): number | undefined {
    if (key.includes(' ')) return undefined;
    const owners = this.personWords.get(key);
    if (owners?.size !== 1) return undefined;
    return [...owners][0];
  }
}
