import type { DetectedSpan } from './categories';
import type { Candidate } from './candidate';
import { FREE, KEPT, markTaken, SPANNED, type TokenState } from './detectors/context';
import { findAddresses } from './detectors/addresses';
import { findAges } from './detectors/ages';
import { findOrganisations } from './detectors/organisations';
import { findPatterns } from './detectors/patterns';
import { findJoinedFirstNames, findPeople, propagateNames } from './detectors/people';
import { findPlaces } from './detectors/places';
import { findNonLatinRuns } from './detectors/scripts';
import { opensKept } from './detectors/word-facts';
import { getLexicon } from './lexicon/lexicon';
import { tokenise } from './tokenise';

/**
 * Marks the tokens inside pattern spans (e-mail, IBAN, …) so the word detectors skip them. One sweep
 * over tokens and spans, both by position: a token is covered when a span starting before its end
 * reaches past its start.
 */
function markCovered(state: TokenState, spans: readonly Candidate[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let s = 0;
  let reach = -1;
  for (let i = 0; i < state.tokens.length; i++) {
    const t = state.tokens[i]!;
    while (s < sorted.length && sorted[s]!.start < t.end) reach = Math.max(reach, sorted[s++]!.end);
    if (reach > t.start) state.taken[i] = SPANNED;
  }
}

/** Marks words the analysis needs (countries, institutions, platforms, …) so nothing takes them. */
function markKept(state: TokenState): void {
  const { keep } = getLexicon();
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] !== FREE) continue;
    const t = tokens[i]!;
    // "X" is a platform, but "X." is an initial.
    if (t.initial || !opensKept(t)) continue;
    const m = keep.match(tokens, i);
    if (!m) continue;
    markTaken(state, i, i + m.length, KEPT);
    i += m.length - 1;
  }
}

/**
 * Where c goes among the kept spans (sorted, without overlaps), found by binary search, or -1 when
 * it overlaps one of them.
 */
function placeAmongKept(kept: readonly Candidate[], c: Candidate): number {
  let lo = 0;
  let hi = kept.length;
  // The first kept span that ends after c starts.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.end <= c.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < kept.length && kept[lo]!.start < c.end ? -1 : lo;
}

/**
 * Overlapping proposals: the higher priority wins, then the longer one. Proposals are sorted by
 * position and only runs of mutually overlapping ones are compared, each against the sorted spans
 * kept so far by binary search, so this costs n log n however the proposals overlap.
 */
function resolve(candidates: Candidate[]): Candidate[] {
  const byStart = [...candidates].filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  let i = 0;
  while (i < byStart.length) {
    let j = i + 1;
    let reach = byStart[i]!.end;
    while (j < byStart.length && byStart[j]!.start < reach) reach = Math.max(reach, byStart[j++]!.end);
    if (j === i + 1) chosen.push(byStart[i]!);
    else {
      const cluster = byStart.slice(i, j).sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
      const kept: Candidate[] = [];
      for (const c of cluster) {
        const at = placeAmongKept(kept, c);
        if (at >= 0) kept.splice(at, 0, c);
      }
      chosen.push(...kept);
    }
    i = j;
  }
  return chosen;
}

/**
 * Proposes every span of personal data in a Dutch text. Pure and synchronous: the renderer runs it
 * while the officer types, the core runs it again before a bundle is built. Offsets are JavaScript
 * string indices into `text`; spans are sorted and do not overlap.
 */
export function detect(text: string): DetectedSpan[] {
  const candidates: Candidate[] = [];
  findPatterns(text, candidates);
  const state: TokenState = { tokens: tokenise(text), taken: new Uint8Array(0) };
  state.taken = new Uint8Array(state.tokens.length);
  markCovered(state, candidates);
  markKept(state);

  const words: Candidate[] = [];
  findOrganisations(text, state, words);
  findPlaces(text, state, words);
  findAddresses(text, state, words);
  const people: Candidate[] = [];
  const contextPlaces: Candidate[] = [];
  findPeople(text, state, people, contextPlaces);
  findJoinedFirstNames(text, state, people);
  propagateNames(state, people, people);
  people.sort((a, b) => a.start - b.start);
  findAges(text, people, candidates);
  findNonLatinRuns(text, candidates);

  return resolve([...candidates, ...words, ...people, ...contextPlaces]).map((c) => {
    const span: DetectedSpan = { start: c.start, end: c.end, category: c.category, text: text.slice(c.start, c.end) };
    if (c.needsDecision) span.needsDecision = true;
    return span;
  });
}
