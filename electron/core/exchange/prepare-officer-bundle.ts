import { randomUUID } from 'node:crypto';
import { auditHeadFormat, type Payload } from '../../../shared/exchange/payload';
import { buildOfficerPayload, type OfficerSignal } from '../../../shared/exchange/stix/officer-bundle';
import { provinces } from '../../../shared/geo/provinces';
import type { Policy } from '../../../shared/policy/policy-schema';
import { Pseudonymiser } from '../../../shared/redaction/pseudonymiser';
import { outgoingSummary, redactionReviewOf } from '../../../shared/redaction/redaction-review';
import { AppError } from '../app-error';
import type { CaptureDeps } from '../capture/capture-ports';
import { listDecisions } from '../capture/redaction-decisions';
import { SignalStore } from '../capture/signal-store';
import { Signals } from '../capture/signals';
import { urgentSignals } from '../capture/urgency';
import type { OpenVault } from '../vault/vault';
import { ConversationKeyStore } from './conversation-key-store';
import { sealPayload } from './envelope';
import { LedgerStore } from './ledger-store';
import { insertPrepared } from './outgoing-ledger';
import { payloadHeader } from './payload-header';
import { reportingPeriod } from './reporting-period';
import { workstationSigningKey } from './workstation-keys';

/** Tags that travel: the own taxonomy and the grading; TLP and workflow are the app's own business. */
const travels = (tag: string) => tag.startsWith('nl-obi:') || tag.startsWith('admiralty-scale:');

const isProvince = (p: string): p is (typeof provinces)[number] => (provinces as readonly string[]).includes(p);

export interface OfficerBuild {
  payload: Payload;
  signalIds: number[];
  refs: Map<number, string>;
  /** Signals that went back to draft because the detectors now find a span without a decision. */
  blocked: number[];
}

/**
 * The officer's next bundle from every ready signal not already in a bundle on its way (a signal
 * that was delivered and came back returned is ready again after its fix, and goes again): each summary is checked again
 * by the core (the verdict that counts) and redacted with one pseudonymiser for the whole bundle.
 * A signal whose summary now shows a proposed span without a decision does not leave: it goes back
 * to draft, with an audit entry, and the rest of the bundle goes on (fail closed).
 */
export function buildOfficerBundle(vault: OpenVault, policy: Policy, deps: CaptureDeps, now: Date, only?: number): OfficerBuild {
  const id = randomUUID();
  const bound = new LedgerStore(vault).boundSignals();
  const urgent = urgentSignals(vault);
  const rows = new SignalStore(vault).readyForSending().filter((s) => !bound.has(s.id) && (only === undefined || s.id === only));
  const pseudonymiser = new Pseudonymiser();
  const conversations = new ConversationKeyStore(vault);
  const signals: OfficerSignal[] = [];
  const signalIds: number[] = [];
  const refs = new Map<number, string>();
  const blocked: number[] = [];
  for (const row of rows) {
    const decisions = listDecisions(vault, row.id);
    if (redactionReviewOf(row.summary, decisions).undecided > 0 || !isProvince(row.province)) {
      blocked.push(row.id);
      continue;
    }
    const ref = row.signalRef ?? randomUUID();
    refs.set(row.id, ref);
    signalIds.push(row.id);
    signals.push({
      signalRef: ref,
      conversation: conversations.pseudonymOf(row.meetingId),
      summary: outgoingSummary(row.summary, decisions, pseudonymiser).text,
      tags: row.tags.filter(travels).sort(),
      meetingDate: row.date,
      municipality: row.municipality,
      province: row.province,
      consent: true,
      ...(urgent.has(row.id) ? { urgent: true as const } : {}),
    });
  }
  const header = payloadHeader(id, policy.organisation, reportingPeriod(policy.schedule.officerToLead, now), deps.taxonomy.version, now);
  // The head travels so that the team lead can later tell a rewritten audit log from this one.
  return { payload: buildOfficerPayload(header, signals, { format: auditHeadFormat, hash: vault.auditHead() }), signalIds, refs, blocked };
}

/**
 * Builds, seals and records the officer's next bundle (possibly empty: "nothing happened" is a
 * report too), binding its signals to it. Blocked signals return to draft in the same transaction.
 * With `only`, the bundle carries that one signal (an urgent one, sent outside the schedule).
 */
export async function prepareOfficerBundle(
  vault: OpenVault,
  policy: Policy,
  deps: CaptureDeps,
  now: Date,
  only?: number,
): Promise<{ id: string; signals: number; blocked: number[] }> {
  if (!policy.teamLead) throw new AppError('policy_invalid', 'The policy names no team lead (teamLead), so there is nobody to send to.');
  const build = buildOfficerBundle(vault, policy, deps, now, only);
  const payload = JSON.stringify(build.payload, null, 2);
  const sealed = await sealPayload(payload, [policy.teamLead.recipient], workstationSigningKey(vault));
  const id = build.payload.manifest.id;
  const signals = new Signals(vault, deps);
  const store = new SignalStore(vault);
  const ledger = new LedgerStore(vault);
  vault.transaction(() => {
    for (const signalId of build.blocked) {
      if (store.state(signalId) !== 'ready') continue;
      signals.transition(signalId, 'draft');
      vault.audit('export.blocked', { signal: signalId, reason: 'redaction_undecided' });
    }
    insertPrepared(vault, { id, kind: 'officer', addressee: 'teamLead', destination: 'outbox', payload, age: sealed.age, minisig: sealed.minisig }, now);
    for (const signalId of build.signalIds) {
      ledger.bindSignal(id, signalId);
      store.bindSignalRef(signalId, build.refs.get(signalId)!);
    }
  });
  return { id, signals: build.signalIds.length, blocked: build.blocked };
}
