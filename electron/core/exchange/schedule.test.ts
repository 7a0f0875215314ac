import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { dueMoment, nextMoment } from './schedule';

const at = (s: string) => new Date(s);

describe('export schedules', () => {
  const weekly = '0 9 * * 1';
  it('is due once a scheduled moment passed since the last run', () => {
    expect(dueMoment(weekly, at('2026-11-23T09:30:00'), at('2026-11-30T08:59:00'))).toBeNull();
    expect(dueMoment(weekly, at('2026-11-23T09:30:00'), at('2026-11-30T09:00:00'))).toEqual(at('2026-11-30T09:00:00'));
  });

  it('collapses missed moments into one catch-up run', () => {
    const due = dueMoment(weekly, at('2026-10-01T00:00:00'), at('2026-11-30T12:00:00'));
    expect(due).toEqual(at('2026-11-30T09:00:00'));
    expect(dueMoment(weekly, due!, at('2026-11-30T12:00:00'))).toBeNull();
  });

  it('names the next moment and refuses nonsense', () => {
    expect(nextMoment('0 9 1 * *', at('2026-11-28T12:00:00'))).toEqual(at('2026-12-01T09:00:00'));
    expect(() => dueMoment('not cron at all', at('2026-01-01T00:00:00'), at('2026-02-01T00:00:00'))).toThrow(AppError);
  });
});
