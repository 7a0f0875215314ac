import { isRedactionCategory, type DetectedSpan, type RedactionCategory } from './categories';
import { detect } from './detect';
import { Pseudonymiser } from './pseudonymiser';
import { redact, type RedactionResult } from './redact';

/**
 * The officer's review of a shareable summary. The detectors propose spans; the officer decides
 * for each: replace it (`redact`) or keep it readable (`keep`, with a one-word reason); and may mark
 * text the detectors missed (`manual`, always replaced). A decision is about a surface form in a
 * category, so it holds for every place that form occurs and survives edits elsewhere in the text;
 * changing the form itself (a different spelling of a name) asks for a new decision.
 */
export type DecisionKind = 'redact' | 'keep';
export type DecisionOrigin = 'detected' | 'manual';

export interface RedactionDecision {
  surface: string;
  category: RedactionCategory;
  decision: DecisionKind;
  /** One word, for `keep`. */
  reason: string | null;
  origin: DecisionOrigin;
}

export type SpanStatus = 'undecided' | DecisionKind;

export interface ReviewedSpan {
  start: number;
  end: number;
  category: RedactionCategory;
  surface: string;
  status: SpanStatus;
  origin: DecisionOrigin;
  /** The detectors ask for a decision rather than proposing to replace (organisation names). */
  needsDecision: boolean;
  reason: string | null;
}

export interface Review {
  spans: ReviewedSpan[];
  undecided: number;
}

const keyOf = (surface: string, category: string) => `${category}\u0000${surface}`;

/** Every place `surface` occurs in `text`, as whole words where the surface starts or ends with one. */
function occurrences(text: string, surface: string): Array<[number, number]> {
  if (surface.length === 0) return [];
  const found: Array<[number, number]> = [];
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    const end = at + surface.length;
    const before = at > 0 ? text[at - 1]! : ' ';
    const after = end < text.length ? text[end]! : ' ';
    if (wordChar.test(surface[0]!) && wordChar.test(before)) continue;
    if (wordChar.test(surface.at(-1)!) && wordChar.test(after)) continue;
    found.push([at, end]);
  }
  return found;
}

/** The spans of a summary with the officer's decisions applied; `detected` may be passed in to reuse a run. */
export function redactionReviewOf(text: string, decisions: readonly RedactionDecision[], detected: readonly DetectedSpan[] = detect(text)): Review {
  const byKey = new Map(decisions.filter((d) => d.origin === 'detected').map((d) => [keyOf(d.surface, d.category), d]));
  // What the officer marked by hand is replaced wherever it occurs, also inside a proposed span.
  const manual: ReviewedSpan[] = decisions
    .filter((d) => d.origin === 'manual')
    .flatMap((d) =>
      occurrences(text, d.surface).map(([start, end]) => ({
        start,
        end,
        category: d.category,
        surface: d.surface,
        status: 'redact' as const,
        origin: 'manual' as const,
        needsDecision: false,
        reason: null,
      })),
    );
  const covered = (a: number, b: number) => manual.some((m) => a < m.end && m.start < b);
  const spans: ReviewedSpan[] = detected
    .filter((s) => !covered(s.start, s.end))
    .map((s) => {
      const d = byKey.get(keyOf(s.text, s.category));
      return {
        start: s.start,
        end: s.end,
        category: s.category,
        surface: s.text,
        status: d ? d.decision : 'undecided',
        origin: 'detected' as const,
        needsDecision: s.needsDecision ?? false,
        reason: d?.reason ?? null,
      };
    });
  spans.push(...manual);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { spans, undecided: spans.filter((s) => s.status === 'undecided').length };
}

export class UndecidedSpansError extends Error {
  constructor(readonly count: number) {
    super(`${count} proposed redaction(s) have no decision`);
    this.name = 'UndecidedSpansError';
  }
}

/**
 * The summary exactly as it leaves: every span decided `redact` replaced, numbered by the given
 * pseudonymiser (share one across a bundle). Fails closed: any undecided span throws.
 */
export function outgoingSummary(text: string, decisions: readonly RedactionDecision[], pseudonymiser = new Pseudonymiser()): RedactionResult {
  const review = redactionReviewOf(text, decisions);
  if (review.undecided > 0) throw new UndecidedSpansError(review.undecided);
  return redact(
    text,
    review.spans.filter((s) => s.status === 'redact'),
    pseudonymiser,
  );
}

/** Checks a decision coming from outside (IPC, CLI); returns why not, or null. */
export function decisionProblem(d: { surface: string; category: string; decision: string; reason?: string | null }): string | null {
  if (d.surface.trim().length === 0) return 'surface: is empty';
  if (!isRedactionCategory(d.category)) return 'category: is not a redaction category';
  if (d.decision === 'keep' && !/^[\p{L}\p{N}-]{1,40}$/u.test(d.reason ?? '')) return 'reason: one word is needed to keep a span readable';
  return null;
}
