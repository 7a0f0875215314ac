import { describe, expect, it } from 'vitest';
import type { ReviewedSpan } from '../../../shared/redaction/redaction-review';
import { HighlightPainter, locate, mirrorPiece, mirrorPieces, type PaintHost, type PaintedRange } from './review-highlights';

const span = (start: number, end: number, status: ReviewedSpan['status']): ReviewedSpan => ({
  start,
  end,
  category: 'phone',
  surface: 'x'.repeat(end - start),
  status,
  origin: 'detected',
  needsDecision: false,
  reason: null,
});

describe('the review mirror’s pieces', () => {
  it('are the whole text, cut after a line end where there is one', () => {
    const text = `${'a'.repeat(1500)}\n${'b'.repeat(1000)}`;
    expect(mirrorPieces(text)).toEqual([`${'a'.repeat(1500)}\n`, 'b'.repeat(1000)]);
  });

  it('cut a long line after a space, keep every piece within the limit and lose nothing', () => {
    const text = 'Bel later 06-12345678 terug. '.repeat(10_000);
    const pieces = mirrorPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(text.length / mirrorPiece);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeLessThanOrEqual(mirrorPiece);
      expect(piece.endsWith(' ')).toBe(true);
    }
  });

  it('cut a text without spaces at the limit, but never inside a surrogate pair', () => {
    const text = `${'x'.repeat(mirrorPiece - 1)}😀${'y'.repeat(10)}`;
    expect(mirrorPieces(text)).toEqual(['x'.repeat(mirrorPiece - 1), `😀${'y'.repeat(10)}`]);
  });

  it('are none for an empty text', () => {
    expect(mirrorPieces('')).toEqual([]);
  });
});

describe('an offset among the pieces', () => {
  // The pieces' offsets in the whole text: lengths 5, 5 and 3.
  const starts = [0, 5, 10];

  it('starts in the piece that holds its first character and ends in the piece that holds its last', () => {
    expect(locate(starts, 0, false)).toEqual([0, 0]);
    expect(locate(starts, 5, false)).toEqual([1, 0]);
    expect(locate(starts, 5, true)).toEqual([0, 5]);
    expect(locate(starts, 7, true)).toEqual([1, 2]);
    expect(locate(starts, 13, true)).toEqual([2, 3]);
  });
});

/** A stand-in text node: only its length matters to the painter. */
const textNode = (length: number) => ({ length }) as unknown as Text;

interface FakeRange extends PaintedRange {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/**
 * A host that records each step's work (ranges made and dropped) and runs the next step only
 * when the test says so.
 */
function fakeHost() {
  const shown: Record<string, Set<FakeRange>> = { undecided: new Set(), redact: new Set(), keep: new Set() };
  const steps: number[] = [];
  let work = 0;
  let next: (() => void) | null = null;
  const counted = (status: string) => ({
    add: (r: FakeRange) => (work++, shown[status]!.add(r)),
    delete: (r: FakeRange) => (work++, shown[status]!.delete(r)),
  });
  const host: PaintHost<FakeRange> = {
    highlights: { undecided: counted('undecided'), redact: counted('redact'), keep: counted('keep') },
    range: (startContainer, startOffset, endContainer, endOffset) => ({ startContainer, startOffset, endContainer, endOffset }),
    later(step) {
      next = step;
      return () => (next = null);
    },
  };
  /** Ends the step under way: its work is counted; then runs the next one, if any. */
  const endStep = () => {
    steps.push(work);
    work = 0;
    const run = next;
    next = null;
    run?.();
    return run !== null;
  };
  const runAll = () => {
    while (endStep());
  };
  const offsets = (status: string) => [...shown[status]!].map((r) => [r.startContainer, r.startOffset, r.endContainer, r.endOffset]);
  return { host, steps, endStep, runAll, shown, offsets, pending: () => next !== null };
}

/** `count` undecided spans of 3 characters, one every 10 characters from `from`. */
const spans = (count: number, from = 0, status: ReviewedSpan['status'] = 'undecided') =>
  Array.from({ length: count }, (_, i) => span(from + i * 10, from + i * 10 + 3, status));

describe('painting an answer’s highlights', () => {
  it('works in steps of a bounded size, one task each, and says when all is painted', () => {
    const { host, steps, runAll, shown } = fakeHost();
    const painter = new HighlightPainter(host, 100);
    const nodes = [textNode(5000), textNode(5000)];
    let done = 0;
    painter.paint(nodes, spans(950), () => done++);
    expect(done).toBe(0);
    runAll();
    // 950 spans placed, then 950 ranges made: 1 900 units, 100 at most in a step.
    expect(steps.length).toBeGreaterThanOrEqual(19);
    expect(Math.max(...steps)).toBe(100);
    expect(steps.reduce((a, b) => a + b)).toBe(950);
    expect(shown.undecided!.size).toBe(950);
    expect(done).toBe(1);
  });

  it('puts each span under its status in its piece’s node, also one that crosses into the next piece, and leaves out one that overlaps an earlier one', () => {
    const { host, runAll, offsets } = fakeHost();
    const nodes = [textNode(10), textNode(10)];
    new HighlightPainter(host, 100).paint(nodes, [span(2, 5, 'redact'), span(3, 4, 'keep'), span(8, 13, 'keep'), span(15, 20, 'undecided')]);
    runAll();
    expect(offsets('redact')).toEqual([[nodes[0], 2, nodes[0], 5]]);
    expect(offsets('keep')).toEqual([[nodes[0], 8, nodes[1], 3]]);
    expect(offsets('undecided')).toEqual([[nodes[1], 5, nodes[1], 10]]);
  });

  it('paints nothing without spans or without text', () => {
    const { host, runAll, shown } = fakeHost();
    const painter = new HighlightPainter(host, 100);
    painter.paint([textNode(100)], spans(5));
    runAll();
    painter.paint([textNode(100)], []);
    runAll();
    expect(shown.undecided!.size).toBe(0);
    painter.paint([], spans(5));
    runAll();
    expect(shown.undecided!.size).toBe(0);
  });

  it('on a new answer makes and drops only what changed: ranges in unchanged pieces stay', () => {
    const { host, steps, runAll, shown } = fakeHost();
    const painter = new HighlightPainter(host, 100);
    const nodes = [textNode(5000), textNode(5000)];
    painter.paint(nodes, spans(950));
    runAll();
    const before = new Set(shown.undecided);
    steps.length = 0;
    // One more span typed at the end, and one span decided: three ranges made or dropped.
    const next = [...spans(950), span(9600, 9603, 'undecided')];
    next[3] = { ...next[3]!, status: 'redact' };
    painter.paint(nodes, next);
    runAll();
    expect(steps.reduce((a, b) => a + b)).toBe(3);
    expect(Math.max(...steps)).toBeLessThanOrEqual(100);
    expect(shown.undecided!.size).toBe(950);
    expect(shown.redact!.size).toBe(1);
    expect([...shown.undecided!].filter((r) => before.has(r))).toHaveLength(949);
  });

  it('makes again a range whose node’s text changed under it', () => {
    const { host, runAll, shown } = fakeHost();
    const painter = new HighlightPainter(host, 100);
    const nodes = [textNode(100)];
    painter.paint(nodes, spans(5));
    runAll();
    const [first] = shown.undecided!;
    // What a text node does to its ranges when its text is replaced: they collapse to its start.
    Object.assign(first!, { startOffset: 0, endOffset: 0 });
    painter.paint(nodes, spans(5));
    runAll();
    expect(shown.undecided!.size).toBe(5);
    expect(shown.undecided!.has(first!)).toBe(false);
  });

  it('drops the steps left of a stale answer and paints the newest from what is there', () => {
    const { host, endStep, runAll, shown, pending } = fakeHost();
    const painter = new HighlightPainter(host, 100);
    const nodes = [textNode(10_000)];
    let staleDone = 0;
    painter.paint(nodes, spans(500), () => staleDone++);
    while (shown.undecided!.size === 0) endStep();
    painter.paint(nodes, spans(300, 5000, 'keep'));
    runAll();
    expect(staleDone).toBe(0);
    expect(shown.undecided!.size).toBe(0);
    expect(shown.keep!.size).toBe(300);
    expect(pending()).toBe(false);
  });

  it('stops painting when the review closes', () => {
    const { host, endStep, shown, pending } = fakeHost();
    const painter = new HighlightPainter(host, 100);
    painter.paint([textNode(10_000)], spans(500));
    while (shown.undecided!.size === 0) endStep();
    painter.stop();
    expect(pending()).toBe(false);
    expect(shown.undecided!.size).toBeLessThan(500);
  });
});
