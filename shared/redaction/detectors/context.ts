import type { Token } from '../tokenise';

/** What the token detectors share for one text: the tokens and which of them are spoken for. */
export interface TokenState {
  tokens: readonly Token[];
  /** Tokens inside a span already proposed (or kept on purpose) are not looked at again. */
  taken: Uint8Array;
}

export const FREE = 0;
export const KEPT = 1;
export const SPANNED = 2;

export function markTaken(state: TokenState, from: number, to: number, how: number): void {
  for (let i = from; i < to; i++) state.taken[i] = how;
}

/** The index of the token before i, skipping up to three of the given words (articles, mostly). */
export function previousIndex(tokens: readonly Token[], i: number, skip: ReadonlySet<string>): number {
  let j = i - 1;
  while (j >= 0 && j >= i - 3 && skip.has(tokens[j]!.key)) j--;
  return j;
}

/** Tokens i and i+1 belong to one name or phrase: only spaces or a hyphen between them. */
export const adjacent = (tokens: readonly Token[], i: number): boolean => {
  const next = tokens[i + 1];
  if (!next) return false;
  return next.spaceBefore || next.hyphenBefore || (tokens[i]!.initial && next.start - tokens[i]!.end <= 2);
};

/** Trailing possessive of a name: Fatima's, Karims. */
export const possessiveLength = (t: Token): number => {
  const n = t.text.length;
  return n > 2 && (t.text[n - 1] === 's' || t.text[n - 1] === 'S') && (t.text[n - 2] === "'" || t.text[n - 2] === '’') ? 2 : 0;
};
export const nameKeyOf = (t: Token): string => (possessiveLength(t) ? t.key.slice(0, -2) : t.key);
