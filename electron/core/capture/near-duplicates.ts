import { foldForSearch } from '../../../shared/text/fold';

/**
 * Likely duplicates among meetings: two meetings of the same date, municipality and community whose
 * notes are near-copies. Notes are compared as sets of word shingles (runs of three consecutive
 * words, folded for case and diacritics) by their Jaccard similarity, the classic measure for
 * near-duplicate text: the share of shingles the two have in common. A copy with a word changed
 * here and there stays well above the threshold; two accounts of different conversations, even on
 * the same subject, fall far below it.
 */
export const shingleWords = 3;

/** Similarity from which two notes count as near-copies (1 is identical word for word). */
export const nearCopyThreshold = 0.7;

/** The word shingles of a text; a text shorter than a shingle is one shingle of all its words. */
export function shingles(text: string): Set<string> {
  const words = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  const size = Math.min(shingleWords, words.length);
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length && size > 0; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when either has no words (nothing to compare is no evidence of a copy). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

export interface NotedMeeting {
  id: number;
  date: string;
  municipality: string;
  community: string;
  body: string;
}

export interface NearDuplicate {
  first: number;
  second: number;
  /** Jaccard similarity of the notes' shingles, 0–1, to two decimals. */
  similarity: number;
}

/** The key of a pair regardless of order. */
export const pairKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

/**
 * Every pair of meetings with the same date, municipality and community whose notes are
 * near-copies, except pairs in `keptApart` (keys from `pairKey`). Meetings are grouped first, so
 * the work is linear in the notes plus the pairs within each group; a group (one community, one
 * place, one day) holds a handful of meetings.
 */
export function nearDuplicates(meetings: readonly NotedMeeting[], keptApart: ReadonlySet<string>): NearDuplicate[] {
  const groups = new Map<string, NotedMeeting[]>();
  for (const m of meetings) {
    const key = JSON.stringify([m.date, m.municipality, m.community]);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const pairs: NearDuplicate[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => a.id - b.id);
    const sets = sorted.map((m) => shingles(m.body));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const first = sorted[i]!.id;
        const second = sorted[j]!.id;
        if (keptApart.has(pairKey(first, second))) continue;
        // Jaccard is at most the smaller set over the larger: notes of very different length are skipped unread.
        const [a, b] = [sets[i]!.size, sets[j]!.size];
        if (Math.min(a, b) < nearCopyThreshold * Math.max(a, b)) continue;
        const similarity = jaccard(sets[i]!, sets[j]!);
        if (similarity >= nearCopyThreshold) pairs.push({ first, second, similarity: Math.floor(similarity * 100) / 100 });
      }
    }
  }
  return pairs.sort((a, b) => a.first - b.first || a.second - b.second);
}
