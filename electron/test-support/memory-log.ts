import { EventLog } from '../core/logging/event-log';

/** A log kept in memory, for tests that look at what was logged. */
export function memoryLog(): { log: EventLog; lines: string[]; events: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const log = new EventLog({ write: (line) => void lines.push(line), close: () => Promise.resolve() });
  return { log, lines, events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
