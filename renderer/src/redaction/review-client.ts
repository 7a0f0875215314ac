import type { RedactionDecision } from '../../../shared/redaction/redaction-review';
import { LatestReviewChannel, type ReviewPort, type ReviewResult } from './review-protocol';

export interface ReviewChecker {
  /** Asks for a check; only the latest request's result (or failure) is ever reported. */
  request(text: string, decisions: readonly RedactionDecision[]): void;
  close(): void;
}

/** The detectors and their word lists are large: the fallback loads them only when it is needed. */
const loadReview = () => import('../../../shared/redaction/redaction-review');

/**
 * The synchronous fallback, used only when no worker can be started (a browser or policy that
 * forbids workers): it checks on the UI thread, so a long text blocks typing while it runs.
 */
function mainThreadChecker(onResult: (r: ReviewResult) => void, onFailure: (text: string) => void): ReviewChecker {
  let seq = 0;
  let closed = false;
  return {
    request(text, decisions) {
      const mine = ++seq;
      void loadReview().then(
        (mod) => {
          if (closed || mine !== seq) return;
          try {
            const review = mod.redactionReviewOf(text, decisions);
            const outgoing = review.undecided === 0 ? mod.outgoingSummary(text, decisions).text : null;
            onResult({ text, decisions, review, outgoing, checkedIn: 'main' });
          } catch {
            onFailure(text);
          }
        },
        () => onFailure(text),
      );
    },
    close() {
      closed = true;
      // The words of the summary stay on this thread otherwise (a worker's go with it).
      void import('../../../shared/redaction/seen-text').then((mod) => mod.forgetSeenText());
    },
  };
}

/**
 * A checker that runs the detectors in a Web Worker. Only when the worker cannot start (the
 * constructor throws, or its script fails to load) does it fall back to the UI thread.
 */
export function startReviewChecker(onResult: (r: ReviewResult) => void, onFailure: (text: string) => void): ReviewChecker {
  let last: [string, readonly RedactionDecision[]] | null = null;
  let fallback: ReviewChecker | null = null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module', name: 'redaction-check' });
  } catch {
    return mainThreadChecker(onResult, onFailure);
  }
  const channel = new LatestReviewChannel(worker as unknown as ReviewPort, onResult, onFailure);
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    fallback ??= mainThreadChecker(onResult, onFailure);
    if (last) fallback.request(...last);
  };
  return {
    request(text, decisions) {
      last = [text, decisions];
      if (fallback) fallback.request(text, decisions);
      else channel.request(text, decisions);
    },
    close() {
      worker.terminate();
      fallback?.close();
    },
  };
}
