import { isEditable, transitionOf, type SignalState } from '../../../shared/capture/signal-states';
import { redactionReviewOf } from '../../../shared/redaction/redaction-review';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';
import { requiredPredicatesForReady, type CaptureDeps } from './capture-ports';
import { MeetingStore } from './meeting-store';
import { RedactionDecisionStore } from './redaction-decision-store';
import { SignalStore, type SignalRow, type SignalSpan } from './signal-store';

export type { SignalRow, SignalSpan } from './signal-store';

export interface NewSignal {
  meetingId: number;
  spans: Array<{ start: number; end: number }>;
  summary: string;
  tags: string[];
  consent: boolean;
}

export interface SignalChanges {
  summary?: string;
  tags?: string[];
  consent?: boolean;
  addSpans?: Array<{ start: number; end: number }>;
}

/** Why a signal cannot be ready: a code for the UI to translate and an English sentence. */
export interface ReadyProblem {
  code: string;
  message: string;
}

const notFound = () => new AppError('not_found', 'That signal does not exist.');

/**
 * Signals as the officer draws them from the notes, and the one way their state changes:
 * `transition`, which asks shared/capture/signal-states.ts whether the step is allowed and checks
 * what the step itself requires. Every state change of a signal, by the officer, the sending or a
 * status from the team lead, goes through it.
 */
export class Signals {
  private readonly store: SignalStore;
  private readonly meetings: MeetingStore;
  private readonly decisions: RedactionDecisionStore;

  constructor(
    private readonly vault: OpenVault,
    private readonly deps: CaptureDeps,
  ) {
    this.store = new SignalStore(vault);
    this.meetings = new MeetingStore(vault);
    this.decisions = new RedactionDecisionStore(vault);
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  /** Validates tags against the active taxonomy; one value at most for an exclusive predicate. */
  checkTags(tags: string[]): string[] {
    const unique = [...new Set(tags)];
    const seen = new Map<string, number>();
    unique.forEach((tag, i) => {
      const problem = this.deps.taxonomy.checkTag(tag);
      if (problem) throw new AppError('invalid_request', `tags.${i}: ${problem}`, { field: `tags.${i}` });
      const predicate = this.deps.taxonomy.predicateOf(tag);
      seen.set(predicate, (seen.get(predicate) ?? 0) + 1);
    });
    for (const [predicate, n] of seen) {
      if (n > 1 && this.deps.taxonomy.isExclusive(predicate)) {
        throw new AppError('invalid_request', `tags: ${predicate} takes one value only`, { field: 'tags' });
      }
    }
    return unique.sort();
  }

  /** Quotes of the spans from the current notes; a span outside the notes is refused. */
  private quotes(meetingId: number, spans: Array<{ start: number; end: number }>): SignalSpan[] {
    const notes = this.meetings.notes(meetingId);
    if (!notes) throw new AppError('not_found', 'That meeting has no notes to take a signal from.');
    return spans.map((s, i) => {
      if (s.start < 0 || s.end <= s.start || s.end > notes.body.length) {
        throw new AppError('invalid_request', `spans.${i}: is outside the notes`, { field: `spans.${i}` });
      }
      return { start: s.start, end: s.end, quote: notes.body.slice(s.start, s.end) };
    });
  }

  private writeTags(id: number, tags: string[]): void {
    this.store.setTags(
      id,
      tags.map((tag) => ({ predicate: this.deps.taxonomy.predicateOf(tag), tag })),
    );
  }

  create(input: NewSignal): SignalRow {
    const tags = this.checkTags(input.tags);
    return this.vault.transaction(() => {
      if (!this.meetings.get(input.meetingId)) throw new AppError('not_found', 'That meeting does not exist.');
      const spans = this.quotes(input.meetingId, input.spans);
      const id = this.store.insert(
        { meetingId: input.meetingId, summary: input.summary, consent: input.consent, taxonomyVersion: this.deps.taxonomy.version },
        this.now(),
      );
      this.writeTags(id, tags);
      this.store.addSpans(id, spans);
      this.store.indexSummary(id, input.summary);
      this.vault.audit('signal.created', { signal: id, tags: tags.length, consent: input.consent });
      return this.get(id);
    });
  }

  update(id: number, changes: SignalChanges): SignalRow {
    const tags = changes.tags ? this.checkTags(changes.tags) : undefined;
    return this.vault.transaction(() => {
      const current = this.get(id);
      if (!isEditable(current.state)) {
        throw new AppError('not_editable', 'Only draft and returned signals can be changed.');
      }
      const summary = changes.summary ?? current.summary;
      const consent = changes.consent ?? current.consent;
      this.store.updateContent(id, { summary, consent, taxonomyVersion: tags ? this.deps.taxonomy.version : current.taxonomyVersion }, this.now());
      if (changes.summary !== undefined && changes.summary !== current.summary) this.store.indexSummary(id, summary);
      if (tags && tags.join('\n') !== current.tags.join('\n')) {
        this.writeTags(id, tags);
        const added = tags.filter((t) => !current.tags.includes(t));
        const removed = current.tags.filter((t) => !tags.includes(t));
        this.vault.audit('signal.tagged', { signal: id, added: added.join(' '), removed: removed.join(' ') });
      }
      if (consent !== current.consent) this.vault.audit('signal.consent_changed', { signal: id, consent });
      if (changes.addSpans?.length) this.store.addSpans(id, this.quotes(current.meetingId, changes.addSpans));
      return this.get(id);
    });
  }

  /** Why the signal cannot become ready yet, or null when it can. */
  readyProblem(signal: Pick<SignalRow, 'id' | 'consent' | 'summary' | 'tags'>): ReadyProblem | null {
    if (!signal.consent) return { code: 'no_consent', message: 'the source has not agreed to sharing in bundled form' };
    if (signal.summary.trim().length === 0) return { code: 'empty_summary', message: 'the summary is empty' };
    for (const predicate of requiredPredicatesForReady) {
      const name = predicate.split(':')[1]!;
      if (!signal.tags.some((t) => t.startsWith(`${predicate}=`))) return { code: `missing_${name}`, message: `a ${name} tag is missing` };
    }
    const undecided = redactionReviewOf(signal.summary, this.decisions.list(signal.id)).undecided;
    if (undecided > 0) return { code: 'redaction_undecided', message: `${undecided} proposed redaction(s) still need a decision` };
    return null;
  }

  /** Moves the signal to `to` when that step is allowed and what it needs is there; audited. */
  transition(id: number, to: SignalState, reason?: string): SignalRow {
    return this.vault.transaction(() => {
      const current = this.get(id);
      const step = transitionOf(current.state, to);
      if (!step) {
        throw new AppError('invalid_transition', `A ${current.state} signal cannot become ${to}.`);
      }
      if (to === 'ready') {
        const problem = this.readyProblem(current);
        if (problem) throw new AppError('not_ready', `The signal cannot be ready: ${problem.message}.`, { reason: problem.code });
      }
      if (to === 'draft' && current.state === 'ready' && this.deps.sending.isBound(id)) {
        throw new AppError('invalid_transition', 'This signal is in a bundle that is ready to leave; discard that bundle first.');
      }
      if (to === 'returned' && !reason?.trim()) {
        throw new AppError('invalid_request', 'reason: is required to return a signal', { field: 'reason' });
      }
      this.store.writeState(id, step, to === 'returned' ? reason!.trim() : current.returnReason, this.now());
      this.vault.audit('signal.state_changed', { signal: id, from: current.state, to });
      return this.get(id);
    });
  }

  get(id: number): SignalRow {
    const row = this.store.get(id);
    if (!row) throw notFound();
    return row;
  }

  /** Signals without their spans, in one query (lists can be long). */
  list(filter: { state?: SignalState; meetingId?: number } = {}): Array<Omit<SignalRow, 'spans'>> {
    return this.store.list(filter);
  }
}
