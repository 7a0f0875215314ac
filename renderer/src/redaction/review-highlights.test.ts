import { describe, expect, it } from 'vitest';
import type { ReviewedSpan } from '../../../shared/redaction/redaction-review';
import { highlightOffsets } from './review-highlights';

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
