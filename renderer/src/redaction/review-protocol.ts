import type { RedactionDecision, Review } from '../../../shared/redaction/redaction-review';

/**
 * The messages between the editor and the redaction check that runs off the UI thread. Each
 * request carries a sequence number; the answer echoes it, so the editor shows only the answer
 * to its latest request and drops any that a newer keystroke made stale.
 */
export interface ReviewRequest {
  seq: number;
  text: string;
  decisions: readonly RedactionDecision[];
}

/** `outgoing` is the summary as it leaves, or null while any span is undecided. */
export type ReviewResponse = { seq: number; ok: true; review: Review; outgoing: string | null } | { seq: number; ok: false };

/** Where a check ran: `worker` normally, `main` only when no worker could be started. */
export type CheckedIn = 'worker' | 'main';

export interface ReviewResult {
  text: string;
  decisions: readonly RedactionDecision[];
  review: Review;
  outgoing: string | null;
  checkedIn: CheckedIn;
}

/** The worker side of the channel (a `Worker`, or a stand-in in tests). */
export interface ReviewPort {
  postMessage(request: ReviewRequest): void;
  onmessage: ((event: { data: ReviewResponse }) => void) | null;
}

/**
 * Sends checks to a port and hands on only the latest one's answer. A failed check is reported
 * only when it is the latest, so the editor can say so instead of showing stale highlights.
 */
export class LatestReviewChannel {
  private seq = 0;
  private readonly open = new Map<number, Pick<ReviewRequest, 'text' | 'decisions'>>();

  constructor(
    private readonly port: ReviewPort,
    private readonly onResult: (result: ReviewResult) => void,
    private readonly onFailure: (text: string) => void,
  ) {
    port.onmessage = ({ data }) => this.receive(data);
  }

  /** Asks for a check of `text`; returns its sequence number. */
  request(text: string, decisions: readonly RedactionDecision[]): number {
    const seq = ++this.seq;
    this.open.set(seq, { text, decisions });
    this.port.postMessage({ seq, text, decisions });
    return seq;
  }

  /** True while the latest request has no answer yet. */
  get pending(): boolean {
    return this.open.has(this.seq);
  }

  private receive(data: ReviewResponse): void {
    const asked = this.open.get(data.seq);
    // An answer to no open request (never sent, or already answered) changes nothing.
    if (asked === undefined) return;
    // Requests older than an answered one will not be shown: forget them.
    for (const seq of this.open.keys()) if (seq <= data.seq) this.open.delete(seq);
    if (data.seq !== this.seq) return;
    if (data.ok) this.onResult({ ...asked, review: data.review, outgoing: data.outgoing, checkedIn: 'worker' });
    else this.onFailure(asked.text);
  }
}
