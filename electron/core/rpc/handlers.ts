import { dirname } from 'node:path';
import { channels, type Channel } from '../../../shared/contract/ipc-contract';
import type { Policy } from '../../../shared/policy/policy-schema';
import { outgoingSummary, redactionReviewOf } from '../../../shared/redaction/redaction-review';
import { taxonomyView } from '../../../shared/taxonomy/taxonomy-view';
import { appVersion } from '../app-version';
import type { CaptureDeps } from '../capture/capture-ports';
import { keepApart, likelyDuplicates, mergeMeetings } from '../capture/meeting-duplicates';
import { adoptCaptureMemory, readCaptureMemory, remember } from '../capture/capture-memory';
import { Meetings } from '../capture/meetings';
import { importMeetings } from '../capture/notes-import';
import { overview } from '../capture/overview';
import { defaultWarningDays, upcomingRemovals } from '../capture/retention';
import { decide, listDecisions, undecide } from '../capture/redaction-decisions';
import { search } from '../capture/search';
import { addFollowUp, completeFollowUp, followUpsOf } from '../capture/follow-ups';
import { setUrgent, urgentSince } from '../capture/urgency';
import { Signals } from '../capture/signals';
import type { EffectivePolicy } from '../policy/load-policy';
import { effectivePolicyView, policyInvalidError } from '../policy/read-only';
import type { VaultSession } from '../session/vault-session';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { OpenVault } from '../vault/vault';
import type { HtmlToPdf } from '../platform/html-to-pdf';
import { exchangeHandlers } from './exchange-handlers';
import { taxonomyUpdateHandlers } from './taxonomy-handlers';
import { createWorkstationKeys } from '../exchange/workstation-keys';
import type { Handlers } from './dispatch';

export interface HandlerContext {
  session: VaultSession;
  policy: Extract<EffectivePolicy, { ok: true }>;
  /** Where files for the user (the enrolment sheet) are saved: Documents in the app. */
  documentsDir?: (vault: OpenVault) => string;
  /** Capture's dependencies for the open vault (its active taxonomy, the sending side). */
  captureDeps: (vault: OpenVault) => CaptureDeps;
  /** Told after each write to the full-text indexes, so upkeep can follow between saves. */
  afterIndexWrite?: () => void;
  /** Prints the report to PDF (Electron's printToPDF in the app); without it there is no PDF export. */
  printPdf?: HtmlToPdf;
}

const policySummary = (policy: Policy, warnings: EffectivePolicy['warnings']) => ({
  ...policy,
  warnings: warnings.map((w) => `${w.key}: ${w.message}`),
});

/** The core's answer to every channel of the contract; the compiler insists on each one. */
export function createHandlers({ session, policy, captureDeps, documentsDir = (v) => dirname(v.dir), afterIndexWrite, printPdf }: HandlerContext): Handlers {
  const vault = () => session.requireVault();
  const meetings = () => {
    const v = vault();
    return new Meetings(v, captureDeps(v));
  };
  const signals = () => {
    const v = vault();
    return new Signals(v, captureDeps(v));
  };
  const today = () => captureDeps(vault()).now?.() ?? new Date();
  const retentionMonths = policy.policy.retentionMonths;
  const indexed = <T>(result: T): T => {
    afterIndexWrite?.();
    return result;
  };

  return {
    'app.info': () => ({ version: appVersion, readOnly: false, policy: policySummary(policy.policy, policy.warnings) }),
    'policy.effective': () => effectivePolicyView(policy),
    'vault.status': () => session.status(),
    // A new workstation gets its keys at once, so the enrolment sheet can follow the recovery key.
    'vault.setup': async ({ passphrase }) => {
      const result = await session.setup(passphrase);
      await createWorkstationKeys(session.requireVault());
      return result;
    },
    'vault.confirmRecoveryKey': () => session.confirmRecoveryKey(),
    'vault.confirmRecoveryKeyTyped': ({ recoveryKey }) => session.confirmRecoveryKeyTyped(recoveryKey),
    'vault.newRecoveryKey': ({ passphrase }) => session.newRecoveryKey(passphrase),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.recover': ({ recoveryKey, newPassphrase }) => session.recover(recoveryKey, newPassphrase),
    'vault.unlockWithOs': () => session.unlockWithOs(),
    'vault.setOsUnlock': ({ enabled }) => session.setOsUnlock(enabled),
    'vault.lock': () => session.lock('manual'),
    'vault.changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    'vault.rekey': ({ current, next }) => session.rekey(current, next),
    'session.activity': () => {
      session.touch();
      return {};
    },
    'meetings.create': ({ fields, notes }) => indexed(meetings().create(fields, notes)),
    'meetings.update': ({ id, fields }) => meetings().update(id, fields),
    'capture.memory': () => readCaptureMemory(vault()),
    'capture.remember': (request) => remember(vault(), request),
    'capture.adoptMemory': (earlier) => adoptCaptureMemory(vault(), earlier),
    'meetings.get': ({ id }) => {
      const m = meetings();
      return { meeting: m.get(id), notes: m.notes(id), signals: signals().list({ meetingId: id }) };
    },
    'meetings.list': ({ after, limit }) => meetings().list(limit, after),
    'notes.import': ({ text }) => {
      const v = vault();
      return indexed(importMeetings(v, captureDeps(v), text));
    },
    'meetings.duplicates': () => ({ pairs: likelyDuplicates(vault()) }),
    'meetings.merge': ({ keep, remove }) => {
      const v = vault();
      return indexed(mergeMeetings(v, captureDeps(v), keep, remove));
    },
    'meetings.keepApart': ({ first, second }) => {
      const v = vault();
      keepApart(v, captureDeps(v), first, second);
      return {};
    },
    'notes.save': ({ meetingId, body, baseRevision }) => indexed(meetings().saveNotes(meetingId, body, baseRevision)),
    'signals.create': (input) => indexed(signals().create(input)),
    'signals.get': ({ id }) => signals().get(id),
    'signals.update': ({ id, ...changes }) => indexed(signals().update(id, changes)),
    'signals.setState': ({ id, to }) => signals().transition(id, to),
    'signals.readiness': ({ id }) => {
      const s = signals();
      return { problem: s.readyProblem(s.get(id)) };
    },
    'signals.urgency': ({ id }) => {
      signals().get(id);
      const markedAt = urgentSince(vault(), id);
      return { urgent: markedAt !== null, markedAt };
    },
    'signals.setUrgent': ({ id, urgent }) => setUrgent(vault(), id, urgent, today()),
    'referral.guidance': () => policy.policy.referralGuidance,
    'followUps.list': ({ meetingId }) => {
      meetings().get(meetingId);
      return { followUps: followUpsOf(vault(), meetingId) };
    },
    'followUps.add': (input) => addFollowUp(vault(), input, today()),
    'followUps.done': ({ id }) => completeFollowUp(vault(), id, today()),
    'redaction.decisions': ({ signalId }) => ({ decisions: listDecisions(vault(), signalId) }),
    'redaction.decide': ({ signalId, decision }) => ({ decisions: decide(vault(), signalId, decision) }),
    'redaction.undecide': ({ signalId, surface, category }) => ({ decisions: undecide(vault(), signalId, surface, category) }),
    'redaction.preview': ({ signalId }) => {
      const signal = signals().get(signalId);
      const decisions = listDecisions(vault(), signalId);
      const { undecided } = redactionReviewOf(signal.summary, decisions);
      return { text: undecided > 0 ? null : outgoingSummary(signal.summary, decisions).text, undecided };
    },
    'search.query': ({ query, filters, limit, offset }) => ({ hits: search(vault(), query, filters, limit, offset) }),
    'overview.get': ({ month }) => overview(vault(), month),
    'retention.upcoming': () => ({
      retentionMonths,
      items: upcomingRemovals(vault(), { retentionMonths, warningDays: defaultWarningDays }, today()),
    }),
    'audit.recent': ({ limit }) => ({
      entries: session
        .requireVault()
        .recentAudit(limit)
        .map(({ seq, at, event }) => ({ seq, at, event })),
    }),
    'taxonomy.get': () => taxonomyView(activeTaxonomy(session.requireVault()).taxonomy),
    ...exchangeHandlers(() => session.requireVault(), policy.policy, captureDeps, documentsDir, printPdf),
    ...taxonomyUpdateHandlers(() => session.requireVault(), policy.policy, documentsDir),
  };
}

/**
 * The handlers of the read-only state (invalid machine policy): every channel but the two that
 * describe the state refuses with `policy_invalid`, including channels added later, so the vault
 * is neither opened nor changed and nothing is sent.
 */
export function createReadOnlyHandlers(policy: Extract<EffectivePolicy, { ok: false }>): Handlers {
  const refuse = () => {
    throw policyInvalidError(policy);
  };
  // Only these describe the state; they read nothing of the vault.
  const describing: Partial<Handlers> = {
    'app.info': () => ({ version: appVersion, readOnly: true, policy: null }),
    'policy.effective': () => effectivePolicyView(policy),
  };
  return Object.fromEntries(channels.map((c: Channel) => [c, describing[c] ?? refuse])) as Handlers;
}
