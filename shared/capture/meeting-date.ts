import { addDays, format } from 'date-fns';

/**
 * When a meeting can have taken place. A date before 1990 or far in the future is a typing or
 * export error (0000-01-01, 9999-12-31), and a wrong date would put a signal in the wrong period
 * of every bundle and of the fenomeenbeeld. Tomorrow is allowed, in local time: a meeting planned
 * for the next day, or entered just after midnight.
 */
export const earliestMeetingDate = '1990-01-01';

export const latestMeetingDate = (now: Date): string => format(addDays(now, 1), 'yyyy-MM-dd');

/** Why a meeting date (YYYY-MM-DD) cannot be right, or null when it can. */
export function implausibleMeetingDate(date: string, now: Date): string | null {
  if (date < earliestMeetingDate) return `must not be before ${earliestMeetingDate}`;
  const latest = latestMeetingDate(now);
  if (date > latest) return `must not be after tomorrow (${latest})`;
  return null;
}
