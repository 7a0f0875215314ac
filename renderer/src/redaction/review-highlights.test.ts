import { describe, expect, it } from 'vitest';
import type { ReviewedSpan } from '../../../shared/redaction/redaction-review';
import { highlightOffsets, locate, mirrorPiece, mirrorPieces } from './review-highlights';

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

describe('the highlights over the review mirror', () => {
  it('puts each span under its status', () => {
    expect(highlightOffsets([span(0, 3, 'undecided'), span(5, 8, 'redact'), span(10, 12, 'keep'), span(14, 20, 'undecided')])).toEqual({
      undecided: [
        [0, 3],
        [14, 20],
      ],
      redact: [[5, 8]],
      keep: [[10, 12]],
    });
  });

  it('leaves out a span that overlaps an earlier one, so no text is painted twice', () => {
    expect(highlightOffsets([span(0, 10, 'redact'), span(4, 6, 'undecided'), span(10, 12, 'keep')])).toEqual({
      undecided: [],
      redact: [[0, 10]],
      keep: [[10, 12]],
    });
  });

  it('has nothing to paint without spans', () => {
    expect(highlightOffsets([])).toEqual({ undecided: [], redact: [], keep: [] });
  });
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
  // Stand-ins for the pieces' text nodes: only their length matters.
  const nodes = [{ length: 5 }, { length: 5 }, { length: 3 }] as unknown as Text[];
  const starts = [0, 5, 10];

  it('starts in the piece that holds its first character and ends in the piece that holds its last', () => {
    expect(locate(nodes, starts, 0, false)).toEqual([nodes[0], 0]);
    expect(locate(nodes, starts, 5, false)).toEqual([nodes[1], 0]);
    expect(locate(nodes, starts, 5, true)).toEqual([nodes[0], 5]);
    expect(locate(nodes, starts, 7, true)).toEqual([nodes[1], 2]);
    expect(locate(nodes, starts, 13, true)).toEqual([nodes[2], 3]);
  });
});
