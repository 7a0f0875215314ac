import { describe, expect, it } from 'vitest';
import type { ReviewedSpan } from '../../../shared/redaction/redaction-review';
import { groupPage, groupSpans, groupsPerStep, nextMounted } from './span-groups';

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
  it('mounts a page in steps of a bounded number of items', () => {
    const sizes: number[] = [];
    for (let mounted = 0; mounted < groupPage;) {
      const next = nextMounted(mounted, groupPage);
      sizes.push(next - mounted);
      mounted = next;
    }
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBe(groupsPerStep);
    expect(sizes.reduce((a, b) => a + b)).toBe(groupPage);
  });

  it('stops at what is wanted and drops at once to fewer', () => {
    expect(nextMounted(0, 3)).toBe(3);
    expect(nextMounted(50, 50)).toBe(50);
    expect(nextMounted(50, 7)).toBe(7);
  });
});
