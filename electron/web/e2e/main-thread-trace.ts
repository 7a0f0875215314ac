import type { Page } from 'playwright-core';

/**
 * What the page's main thread did, from a Chromium trace: its tasks, how long each ran and what
 * took the time inside it. The longtask observer the page offers sees only tasks of 50 ms or
 * more; a trace sees every task, so a task longer than a frame (16.7 ms) can be named.
 */

/** One event of a Chromium trace (the Trace Event Format); only the fields read here. */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event: less than `dur` when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/** One task of the renderer's main thread; times in milliseconds on the trace's clock. */
export interface MainThreadTask {
  start: number;
  duration: number;
  /** The CPU time the thread had in the task; on a loaded machine the rest it waited for a core. */
  cpu: number;
  /** The events that ran inside, by own time (time not spent in an event nested in them), longest first. */
  inside: Array<[what: string, ms: number]>;
}

export interface MainThreadTrace {
  tasks: MainThreadTask[];
  /** The last `performance.measure` of this name the page made while traced, on the trace's clock. */
  measure(name: string): { start: number; end: number } | null;
}

/** The timeline categories DevTools records, and the page's own marks and measures. */
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/** Records a Chromium trace of the page while `run` runs, and reads its renderer main thread. */
export async function traced(page: Page, run: () => Promise<void>): Promise<MainThreadTrace> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a launched browser');
  await browser.startTracing(page, { categories });
  let buffer: Buffer;
  try {
    await run();
  } finally {
    buffer = await browser.stopTracing();
  }
  return mainThreadOf((JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
}

/** An event's name as shown: a dispatched DOM event says which; V8's many garbage collection phases are one. */
const label = (e: TraceEvent) =>
  e.name === 'EventDispatch' && e.args?.data?.type ? `${e.name}(${e.args.data.type})` : /^V8\.GC|^(Major|Minor)GC$|marking/.test(e.name) ? 'GC' : e.name;

function mainThreadOf(events: TraceEvent[]): MainThreadTrace {
  // The renderer's main thread: of the threads named so, the one that ran the most tasks.
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const runs = new Map<string, number>();
  for (const e of events) if (e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)) runs.set(`${e.pid}:${e.tid}`, (runs.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...runs].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events.filter((e) => `${e.pid}:${e.tid}` === main);
  const complete = own.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  const found: Array<{ event: TraceEvent; selfTimes: Map<string, number> }> = [];
  const open: TraceEvent[] = [];
  for (const e of complete) {
    while (open.length && open.at(-1)!.ts + open.at(-1)!.dur! <= e.ts) open.pop();
    const task = found.at(-1);
    if (open.length === 0) {
      if (e.name === 'RunTask') found.push({ event: e, selfTimes: new Map() });
    } else if (task && open[0] === task.event) {
      const { selfTimes } = task;
      selfTimes.set(label(e), (selfTimes.get(label(e)) ?? 0) + e.dur!);
      const parent = open.at(-1)!;
      if (parent !== task.event) selfTimes.set(label(parent), selfTimes.get(label(parent))! - e.dur!);
    }
    open.push(e);
  }
  const tasks = found.map(({ event, selfTimes }): MainThreadTask => ({
    start: event.ts / 1000,
    duration: event.dur! / 1000,
    cpu: (event.tdur ?? event.dur!) / 1000,
    inside: [...selfTimes].map(([what, us]): [string, number] => [what, us / 1000]).sort((a, b) => b[1] - a[1]),
  }));

  return {
    tasks,
    measure(name) {
      const marks = own.filter((e) => e.name === name);
      const begin = marks.filter((e) => e.ph === 'b').at(-1);
      const end = marks.filter((e) => e.ph === 'e').at(-1);
      return begin && end ? { start: begin.ts / 1000, end: end.ts / 1000 } : null;
    },
  };
}

/** The length of one frame at 60 Hz. */
export const frame = 1000 / 60;

/** A task in a line: its length, its CPU time and the three events that took most of it. */
export const described = (task: MainThreadTask) =>
  `${Math.round(task.duration)} ms (CPU ${Math.round(task.cpu)}; ${task.inside
    .slice(0, 3)
    .map(([what, ms]) => `${what} ${Math.round(ms)}`)
    .join(', ')})`;
