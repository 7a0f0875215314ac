/**
 * The taxonomy's `nl-obi:severity`: four numbered levels, one per signal. The work queues sort by
 * it, and the highest level proposes marking a signal urgent.
 */
export const severityPredicate = 'nl-obi:severity';
export const highestSeverity = 4;

const severityTag = /^nl-obi:severity="([1-4])"$/;

/** The signal's severity level (1–4), or null when it has none. */
export function severityOf(tags: readonly string[]): number | null {
  for (const tag of tags) {
    const m = severityTag.exec(tag);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Whether the tags propose marking the signal urgent (the officer decides). */
export const proposesUrgency = (tags: readonly string[]): boolean => severityOf(tags) === highestSeverity;
