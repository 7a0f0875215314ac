import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { isLogEventName, logEvents, type LogEventName, type LogFields } from './log-events';

function checkEvent(name: string, fields: unknown): Record<string, unknown> | null {
  if (!isLogEventName(name)) return null;
  const parsed = logEvents[name].safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/**
 * The app's log: one JSON line per event, events only. The API takes an event name and the typed,
 * non-content fields of that event (log-events.ts); each call is checked again at run time, and an
 * event that does not pass is written as `log.rejected` without its fields. Logging never throws:
 * a full disk must not stop an unlock.
 */
export interface LogSink {
  write(line: string): void;
  close(): Promise<void>;
}

type FieldsArg<E extends LogEventName> = Record<never, never> extends LogFields<E> ? [fields?: LogFields<E>] : [fields: LogFields<E>];

export class EventLog {
  constructor(
    private readonly sink: LogSink,
    private readonly now: () => Date = () => new Date(),
  ) {}

  event<E extends LogEventName>(name: E, ...[fields]: FieldsArg<E>): void {
    const line = EventLog.line(name, fields ?? {}, this.now());
    try {
      this.sink.write(line);
    } catch {
      // The log is a diagnostic aid; losing a line is better than failing the action it records.
    }
  }

  /** The line for an event, or a `log.rejected` line when name or fields are not in the table. */
  static line(name: string, fields: unknown, at: Date): string {
    const checked = checkEvent(name, fields);
    if (!checked) return JSON.stringify({ at: at.toISOString(), event: 'log.rejected', ...(isLogEventName(name) ? { rejected: name } : {}) });
    return JSON.stringify({ at: at.toISOString(), event: name, ...checked });
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}

/** A log that keeps nothing, for entry points and tests that do not look at it. */
export const silentLog = new EventLog({ write: () => undefined, close: () => Promise.resolve() });

export const logFileName = 'obi-werkplek.log';
/** Rotated at 1 MiB, five old files kept (obi-werkplek.log.1 … .5): a few months of events. */
const rotation = { size: '1M', rotate: 5 } as const;

/** The log in `dir` (mode 0700, file 0600), opened on the first event so a run without events leaves no file. */
export function fileLog(dir: string): EventLog {
  let stream: RotatingFileStream | undefined;
  const open = (): RotatingFileStream => {
    if (stream) return stream;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    stream = createStream(logFileName, { path: dir, ...rotation, mode: 0o600 });
    stream.on('error', () => undefined);
    return stream;
  };
  return new EventLog({
    write: (line) => void open().write(`${line}\n`),
    close: () =>
      new Promise<void>((resolve) => {
        if (!stream) return resolve();
        stream.end(() => resolve());
      }),
  });
}

/**
 * The last `maxLines` lines of the log, oldest first, each checked again against the event table:
 * a line that is not a known event (an edited file, say) is replaced by a marker, so whatever was
 * put in the file by hand does not travel on in a diagnostics bundle.
 */
export function readLogTail(dir: string, maxLines: number): string[] {
  const files = [...Array.from({ length: rotation.rotate }, (_, i) => `${logFileName}.${rotation.rotate - i}`), logFileName]
    .map((name) => join(dir, name))
    .filter((p) => existsSync(p));
  const lines = files.flatMap((p) =>
    readFileSync(p, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0),
  );
  return lines.slice(-maxLines).map(recheckLine);
}

const dropped = '(line dropped: not an event)';

function recheckLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return dropped;
  }
  if (typeof parsed !== 'object' || parsed === null) return dropped;
  const { at, event, ...fields } = parsed as Record<string, unknown>;
  if (typeof at !== 'string' || typeof event !== 'string' || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at)) return dropped;
  const checked = checkEvent(event, fields);
  return checked ? JSON.stringify({ at, event, ...checked }) : dropped;
}
