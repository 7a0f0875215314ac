import { Cron } from 'croner';
import { AppError } from '../app-error';

/**
 * When sending is due. The schedule is a cron expression in local time; a run is due when a
 * scheduled moment passed since the last run. Moments missed while the laptop was off or the vault
 * locked collapse into one catch-up run: what matters is that the signals leave, not how often.
 */
export function parseSchedule(expression: string): Cron {
  try {
    return new Cron(expression, { paused: true });
  } catch {
    throw new AppError('policy_invalid', `The schedule "${expression}" is not a valid cron expression.`);
  }
}

/** The latest scheduled moment after `since` and at or before `now`, or null when none passed. */
export function dueMoment(expression: string, since: Date, now: Date): Date | null {
  const cron = parseSchedule(expression);
  const [latest] = cron.previousRuns(1, new Date(now.getTime() + 1));
  return latest && latest > since ? latest : null;
}

/** The next scheduled moment after `now`, for the UI. */
export function nextMoment(expression: string, now: Date): Date | null {
  return parseSchedule(expression).nextRun(now);
}
