import { describe, expect, it } from 'vitest';
import { orderLeadQueue, orderOfficerQueue, publicItem, type QueueItem } from './work-queue';

const item = (kind: QueueItem['kind'], ref: string, severity: number | null, since: string): QueueItem => ({
  kind,
  ref,
  reason: '',
  code: kind,
  severity,
  since,
  target: { page: 'signal', id: 1 },
  detail: null,
});

describe("the officer's queue order", () => {
  it('goes group by group: returned, urgent, undecided, incomplete, follow-ups, retention, ready', () => {
    const items = [
      item('ready-waiting', 'signal:1', 4, '2026-01-01'),
      item('retention-warning', 'meeting:2', null, '2026-01-01'),
      item('follow-up-due', 'follow-up:3', null, '2026-01-01'),
      item('incomplete', 'signal:4', 4, '2026-01-01'),
      item('undecided-redaction', 'signal:5', 1, '2026-01-01'),
      item('urgent', 'signal:6', null, '2026-12-01'),
      item('returned', 'signal:7', 1, '2026-12-01'),
    ];
    expect(orderOfficerQueue(items).map((i) => i.kind)).toEqual([
      'returned',
      'urgent',
      'undecided-redaction',
      'incomplete',
      'follow-up-due',
      'retention-warning',
      'ready-waiting',
    ]);
  });

  it('puts higher severity first within a group, then the oldest, then none last', () => {
    const items = [
      item('incomplete', 'signal:1', null, '2025-01-01'),
      item('incomplete', 'signal:2', 2, '2026-03-01'),
      item('incomplete', 'signal:3', 4, '2026-05-01'),
      item('incomplete', 'signal:4', 2, '2026-01-01'),
    ];
    expect(orderOfficerQueue(items).map((i) => i.ref)).toEqual(['signal:3', 'signal:4', 'signal:2', 'signal:1']);
  });

  it('keeps a stable order for equal items, by reference as a number', () => {
    const items = [item('ready-waiting', 'signal:10', 1, '2026-01-01'), item('ready-waiting', 'signal:9', 1, '2026-01-01')];
    expect(orderOfficerQueue(items).map((i) => i.ref)).toEqual(['signal:9', 'signal:10']);
  });
});

describe("the team lead's queue order", () => {
  it('puts urgent items first, then severity, then age, whether overdue or not', () => {
    const items = [
      item('review-overdue', 'review:1', 1, '2026-01-01'),
      item('review-pending', 'review:2', 4, '2026-06-01'),
      item('urgent', 'review:3', null, '2026-06-02'),
      item('review-pending', 'review:4', 1, '2026-05-01'),
    ];
    expect(orderLeadQueue(items).map((i) => i.ref)).toEqual(['review:3', 'review:2', 'review:1', 'review:4']);
  });
});

describe('the public form of an item', () => {
  it('has exactly kind, ref, reason, severity and since', () => {
    expect(Object.keys(publicItem(item('returned', 'signal:1', 3, '2026-01-01')))).toEqual(['kind', 'ref', 'reason', 'severity', 'since']);
  });
});
