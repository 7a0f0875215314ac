import { outgoingSummary, redactionReviewOf } from '../../../shared/redaction/redaction-review';
import type { ReviewRequest, ReviewResponse } from './review-protocol';

/**
 * Runs the redaction detectors for the editor, off the UI thread. Requests that queue up while a
 * long text is being checked are skipped in favour of the newest: only its answer is wanted.
 */
let latest: ReviewRequest | null = null;
let scheduled = false;

const check = (): void => {
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request) return;
  let response: ReviewResponse;
  try {
    const review = redactionReviewOf(request.text, request.decisions);
    const outgoing = review.undecided === 0 ? outgoingSummary(request.text, request.decisions).text : null;
    response = { seq: request.seq, ok: true, review, outgoing };
  } catch {
    // No text goes back in an error: only that this check failed.
    response = { seq: request.seq, ok: false };
  }
  self.postMessage(response);
};

self.onmessage = (event: MessageEvent<ReviewRequest>) => {
  latest = event.data;
  if (!scheduled) {
    scheduled = true;
    setTimeout(check, 0);
  }
};
