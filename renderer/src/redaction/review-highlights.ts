import type { ReviewedSpan, SpanStatus } from '../../../shared/redaction/redaction-review';

/** One highlight per status, styled by `::highlight(…)` in styles.css. */
export const highlightNames: Readonly<Record<SpanStatus, string>> = {
  undecided: 'obi-undecided',
  redact: 'obi-redact',
  keep: 'obi-keep',
};

/** The longest piece of the mirror: a few screen lines, so a changed piece is cheap to lay out again. */
export const mirrorPiece = 2000;

/**
 * The mirror's text cut into pieces of at most `mirrorPiece` characters: after a line end where
 * there is one, else after a space, else (a very long word) at the limit, never inside a
 * surrogate pair. Each piece is its own block that the browser lays out only while it is on
 * screen, so a new answer never lays out the whole of a long summary again. The cuts depend
 * only on the text, so typing changes the pieces from the cursor on to the next line end.
 */
export function mirrorPieces(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + mirrorPiece, text.length);
    if (end < text.length) {
      const part = text.slice(at, end);
      const line = part.lastIndexOf('\n');
      const space = part.lastIndexOf(' ');
      if (line >= 0) end = at + line + 1;
      else if (space >= mirrorPiece / 2) end = at + space + 1;
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** False where the CSS Custom Highlight API is missing (then the mirror shows plain text; the list carries the meaning). */
export const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** Where an offset into the whole text lies among the pieces' nodes (`starts`: each node's offset): the node's index and the offset in it. */
export function locate(starts: readonly number[], offset: number, isEnd: boolean): [node: number, offset: number] {
  // The last node that starts before the offset (an end) or at or before it (a start).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isEnd ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo, offset - starts[lo]!];
}

/**
 * How much one step of painting does at most: a unit is one span placed, one painted range checked,
 * or one range made or dropped. An answer for a long text has thousands of spans; handled at once
 * they held the UI thread for longer than a frame, so the work is cut into steps, each its own task.
 */
export const unitsPerStep = 300;

/** What the painter needs of a range: its ends, to see whether it still covers what it was made for. */
export interface PaintedRange {
  readonly startContainer: unknown;
  readonly startOffset: number;
  readonly endContainer: unknown;
  readonly endOffset: number;
}

/** Where the painter paints: the browser's highlights and ranges, or stand-ins in tests. */
export interface PaintHost<R extends PaintedRange> {
  highlights: Readonly<Record<SpanStatus, { add(range: R): unknown; delete(range: R): unknown }>>;
  range(startNode: Text, startOffset: number, endNode: Text, endOffset: number): R;
  /** Runs `step` in a later task, so the browser can paint and handle input between steps; returns a cancel. */
  later(step: () => void): () => void;
}

/** One range to be painted: under which status, between which node offsets. */
interface Wanted {
  status: SpanStatus;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * Paints the spans in the mirror's text nodes (one per piece, in order) as highlights. The text
 * stays plain text and the browser paints the highlights, so thousands of spans cost thousands of
 * ranges instead of thousands of elements. A new answer changes only what differs: a range whose
 * text node and offsets are unchanged stays (typing changes one or two pieces, the rest keep their
 * ranges). The work is done `perStep` units at a time, one step per task; a span that overlaps an
 * earlier one is left out, so no text is painted twice. A newer answer cancels the steps left of
 * an older one and starts from what is painted.
 */
export class HighlightPainter<R extends PaintedRange> {
  /** What is painted now, by status, piece indices and offsets. */
  private readonly painted = new Map<string, { status: SpanStatus; range: R }>();
  private cancel: (() => void) | null = null;

  constructor(
    private readonly host: PaintHost<R>,
    private readonly perStep = unitsPerStep,
  ) {}

  /** Paints `spans` over `nodes`; `onDone` runs once everything of this answer is painted (not when a newer one came first). */
  paint(nodes: readonly Text[], spans: readonly ReviewedSpan[], onDone: () => void = () => {}): void {
    this.stop();
    const units = this.units(nodes, spans);
    // The first step runs at once, inside the caller's task.
    const step = (): void => {
      for (let i = 0; i < this.perStep; i++)
        if (units.next().done) {
          this.cancel = null;
          return onDone();
        }
      this.cancel = this.host.later(step);
    };
    step();
  }

  /** Cancels the steps still to come (on a newer answer, or when the review closes). */
  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** The painting as units of work: each `yield` ends one. */
  private *units(nodes: readonly Text[], spans: readonly ReviewedSpan[]): Generator<void, void, void> {
    const starts: number[] = [];
    let length = 0;
    for (const node of nodes) {
      starts.push(length);
      length += node.length;
    }
    // Where each span goes, keyed like `painted`.
    const wanted = new Map<string, Wanted>();
    let at = 0;
    for (const span of nodes.length > 0 ? spans : []) {
      yield;
      if (span.start < at) continue;
      at = span.end;
      if (span.end > length) continue;
      const [first, startOffset] = locate(starts, span.start, false);
      const [last, endOffset] = locate(starts, span.end, true);
      wanted.set(`${span.status} ${first}:${startOffset} ${last}:${endOffset}`, {
        status: span.status,
        startNode: nodes[first]!,
        startOffset,
        endNode: nodes[last]!,
        endOffset,
      });
    }
    // What is painted and still wanted stays; the rest goes.
    for (const [key, { status, range }] of this.painted) {
      yield;
      const want = wanted.get(key);
      if (want && covers(range, want)) wanted.delete(key);
      else {
        this.host.highlights[status].delete(range);
        this.painted.delete(key);
      }
    }
    for (const [key, want] of wanted) {
      yield;
      const range = this.host.range(want.startNode, want.startOffset, want.endNode, want.endOffset);
      this.host.highlights[want.status].add(range);
      this.painted.set(key, { status: want.status, range });
    }
  }
}

/** Whether a painted range still covers what is wanted: a text node whose text changed has collapsed its ranges, or is another node. */
const covers = (range: PaintedRange, want: Wanted) =>
  range.startContainer === want.startNode &&
  range.startOffset === want.startOffset &&
  range.endContainer === want.endNode &&
  range.endOffset === want.endOffset;

/** A painter over the page's CSS highlights (registered here, removed again by `clearHighlights`). */
export function pageHighlightPainter(): HighlightPainter<Range> {
  const highlights = { undecided: new Highlight(), redact: new Highlight(), keep: new Highlight() };
  for (const status of Object.keys(highlightNames) as SpanStatus[]) CSS.highlights.set(highlightNames[status], highlights[status]);
  return new HighlightPainter<Range>({
    highlights,
    range(startNode, startOffset, endNode, endOffset) {
      const range = new Range();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
      return range;
    },
    // A message, not a timer: nested timers wait at least 4 ms each, messages only for the frame.
    later(step) {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        step();
      };
      port2.postMessage(null);
      return () => port1.close();
    },
  });
}

/** Removes the review's highlights (when the review closes). */
export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const name of Object.values(highlightNames)) CSS.highlights.delete(name);
}
