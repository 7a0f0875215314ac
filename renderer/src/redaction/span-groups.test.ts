import { describe, expect, it } from 'vitest';
import type { ReviewedSpan } from '../../../shared/redaction/redaction-review';
import { groupPage, groupSpans, groupsPerStep, listedNow, type SpanGroup } from './span-groups';

const span = (start: number, surface: string, more: Partial<ReviewedSpan> = {}): ReviewedSpan => ({
  start,
  end: start + surface.length,
  category: 'person',
  surface,
  status: 'undecided',
  origin: 'detected',
  needsDecision: false,
  reason: null,
  ...more,
});

describe('the review list’s groups of spans', () => {
  it('makes one group per surface, category, status, origin and reason, with its count and first occurrence', () => {
    const groups = groupSpans([
      span(0, 'Olga'),
      span(10, 'Olga'),
      span(20, 'Olga', { category: 'place' }),
      span(30, 'Olga'),
      span(40, 'Olga', { origin: 'manual', status: 'redact' }),
    ]);
    expect(groups.map((g) => [g.span.surface, g.span.category, g.span.origin, g.count, g.span.start])).toEqual([
      ['Olga', 'person', 'detected', 3, 0],
      ['Olga', 'place', 'detected', 1, 20],
      ['Olga', 'person', 'manual', 1, 40],
    ]);
  });

  it('keeps apart what differs only in the reason for keeping it readable', () => {
    const groups = groupSpans([span(0, 'Olga', { status: 'keep', reason: 'bewust' }), span(10, 'Olga', { status: 'keep', reason: 'publiek' })]);
    expect(groups.map((g) => g.span.reason)).toEqual(['bewust', 'publiek']);
  });

  it('lists undecided groups first, then the rest, each in text order', () => {
    const groups = groupSpans([
      span(0, 'Anna', { status: 'redact' }),
      span(10, 'Bram'),
      span(20, 'Cor', { status: 'keep', reason: 'bewust' }),
      span(30, 'Dirk'),
      span(40, 'Anna', { status: 'redact' }),
    ]);
    expect(groups.map((g) => g.span.surface)).toEqual(['Bram', 'Dirk', 'Anna', 'Cor']);
  });

  it('has no groups without spans', () => {
    expect(groupSpans([])).toEqual([]);
  });
});

describe('mounting the list a step at a time', () => {
  const groupsOf = (keys: string[]) => keys.map((key): SpanGroup => ({ key, span: span(0, key), count: 1 }));
  const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  /** The steps of mounting `groups` when `mounted` are already there: how many new items each adds. */
  function steps(groups: SpanGroup[], wanted: number, mounted: Set<string>): number[] {
    const added: number[] = [];
    for (;;) {
      const listed = groups.slice(0, listedNow(groups, wanted, mounted));
      const fresh = listed.filter((g) => !mounted.has(g.key));
      if (fresh.length === 0) return added;
      added.push(fresh.length);
      mounted = new Set(listed.map((g) => g.key));
    }
  }

  it('mounts a first page in steps of a bounded number of items', () => {
    const added = steps(groupsOf(keys('a', 80)), groupPage, new Set());
    expect(added.length).toBeGreaterThan(1);
    expect(Math.max(...added)).toBe(groupsPerStep);
    expect(added.reduce((a, b) => a + b)).toBe(groupPage);
  });

  it('lists at once what is already mounted, and only the new groups a step at a time', () => {
    const before = keys('a', 50);
    // An answer after a keystroke: one group more near the top, the rest as they were.
    const after = groupsOf([before[0]!, 'new', ...before.slice(1)]);
    expect(listedNow(after, groupPage, new Set(before))).toBe(groupPage);
    // A paste of another text: every group new.
    expect(steps(groupsOf(keys('b', 50)), groupPage, new Set(before))).toEqual([10, 10, 10, 10, 10]);
  });

  it('stops at what is wanted', () => {
    expect(listedNow(groupsOf(keys('a', 3)), 3, new Set())).toBe(3);
    expect(listedNow(groupsOf(keys('a', 60)), 7, new Set())).toBe(7);
  });
});
