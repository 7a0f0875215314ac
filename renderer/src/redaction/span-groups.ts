import type { ReviewedSpan } from '../../../shared/redaction/redaction-review';

/**
 * The spans the officer decides on together: decisions are per surface and category, so a name
 * that occurs 4 000 times is one item with its count, not 4 000 items.
 */
export interface SpanGroup {
  key: string;
  /** The group's first occurrence in the text; the fields it shares with the others describe the group. */
  span: ReviewedSpan;
  count: number;
}

/** How many groups the list shows at first, and how many more each "show more" adds. */
export const groupPage = 50;

/**
 * How many items of the list mount in one step. A page of items with their buttons took longer
 * than a frame to mount at once, so the page fills a step per frame.
 */
export const groupsPerStep = 10;

/**
 * How many of the first `wanted` groups to list now: every group whose item is already mounted
 * (by key: an answer after a keystroke brings mostly the same groups) and at most `groupsPerStep`
 * that are not, so an answer with new groups (a paste) mounts them a step at a time.
 */
export function listedNow(groups: readonly SpanGroup[], wanted: number, mounted: ReadonlySet<string>): number {
  let fresh = 0;
  for (let i = 0; i < wanted; i++) if (!mounted.has(groups[i]!.key) && ++fresh > groupsPerStep) return i;
  return wanted;
}

/** The spans grouped by surface, category, status, origin and reason: undecided groups first, then in text order. */
export function groupSpans(spans: readonly ReviewedSpan[]): SpanGroup[] {
  const groups = new Map<string, SpanGroup>();
  for (const span of spans) {
    const key = JSON.stringify([span.surface, span.category, span.status, span.origin, span.reason, span.needsDecision]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { key, span, count: 1 });
  }
  const undecidedFirst = (g: SpanGroup) => (g.span.status === 'undecided' ? 0 : 1);
  return [...groups.values()].sort((a, b) => undecidedFirst(a) - undecidedFirst(b) || a.span.start - b.span.start || b.span.end - a.span.end);
}
