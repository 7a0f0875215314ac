import { describe, expect, it } from 'vitest';
import type { Review } from '../../../shared/redaction/redaction-review';
import { LatestReviewChannel, type ReviewPort, type ReviewRequest, type ReviewResponse, type ReviewResult } from './review-protocol';

/** A port that records requests and answers them only when the test says so, in any order. */
function fakePort() {
  const sent: ReviewRequest[] = [];
  const port: ReviewPort = { postMessage: (r) => void sent.push(r), onmessage: null };
  const answer = (response: ReviewResponse) => port.onmessage?.({ data: response });
  return { port, sent, answer };
}

const review = (undecided: number): Review => ({ spans: [], undecided });

function channel() {
  const { port, sent, answer } = fakePort();
  const results: ReviewResult[] = [];
  const failures: string[] = [];
  const ch = new LatestReviewChannel(
    port,
    (r) => results.push(r),
    (text) => failures.push(text),
  );
  return { ch, sent, answer, results, failures };
}

describe('the editor’s redaction check protocol', () => {
  it('numbers requests in order and passes text and decisions on', () => {
    const { ch, sent } = channel();
    const decisions = [{ surface: 'Karim', category: 'person', decision: 'redact', reason: null, origin: 'detected' }] as const;
    expect(ch.request('a', [])).toBe(1);
    expect(ch.request('ab', decisions)).toBe(2);
    expect(sent).toEqual([
      { seq: 1, text: 'a', decisions: [] },
      { seq: 2, text: 'ab', decisions },
    ]);
  });

  it('hands on the latest answer with the text it belongs to', () => {
    const { ch, answer, results } = channel();
    ch.request('Karim belde', []);
    expect(ch.pending).toBe(true);
    answer({ seq: 1, ok: true, review: review(1), outgoing: null });
    expect(ch.pending).toBe(false);
    expect(results).toEqual([{ text: 'Karim belde', decisions: [], review: review(1), outgoing: null, checkedIn: 'worker' }]);
  });

  it('drops an answer that a newer request made stale, also when it arrives last', () => {
    const { ch, answer, results } = channel();
    ch.request('old', []);
    ch.request('new', []);
    answer({ seq: 1, ok: true, review: review(3), outgoing: null });
    expect(results).toEqual([]);
    expect(ch.pending).toBe(true);
    answer({ seq: 2, ok: true, review: review(0), outgoing: 'new' });
    answer({ seq: 1, ok: true, review: review(3), outgoing: null });
    expect(results.map((r) => r.text)).toEqual(['new']);
    expect(ch.pending).toBe(false);
  });

  it('ignores answers to requests it never sent or already answered', () => {
    const { ch, answer, results } = channel();
    ch.request('x', []);
    answer({ seq: 7, ok: true, review: review(0), outgoing: 'x' });
    answer({ seq: 1, ok: true, review: review(0), outgoing: 'x' });
    answer({ seq: 1, ok: true, review: review(0), outgoing: 'x' });
    expect(results).toHaveLength(1);
  });

  it('reports a failed check only when it is the latest', () => {
    const { ch, answer, failures } = channel();
    ch.request('a', []);
    ch.request('b', []);
    answer({ seq: 1, ok: false });
    expect(failures).toEqual([]);
    answer({ seq: 2, ok: false });
    expect(failures).toEqual(['b']);
  });
});
