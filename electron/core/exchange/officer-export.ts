import { randomUUID } from 'node:crypto';
import type { Payload } from '../../../shared/exchange/payload';
import { buildOfficerPayload, type OfficerSignal } from '../../../shared/exchange/stix/officer-bundle';
import { provinces } from '../../../shared/geo/provinces';
import type { Policy } from '../../../shared/policy/policy-schema';
import { Pseudonymiser } from '../../../shared/redaction/pseudonymiser';
import { outgoingSummary, reviewSummary } from '../../../shared/redaction/review';
import { AppError } from '../app-error';
import { listDecisions } from '../capture/redaction-decisions';
import type { CaptureDeps } from '../capture/capture-ports';
import { appendAudit } from '../vault/audit-log';
import type { OpenVault } from '../vault/vault';
import { sealPayload } from './envelope';
import { insertPrepared } from './outgoing-ledger';
import { payloadHeader } from './payload-header';
import { workstationSigningKey } from './workstation-keys';

/** Tags that travel: the own taxonomy and the grading; TLP and workflow are the app's own business. */
const travels = (tag: string) => tag.startsWith('nl-obi:') || tag.startsWith('admiralty-scale:');

const isProvince = (p: string): p is (typeof provinces)[number] => (provinces as readonly string[]).includes(p);

interface ReadyRow {
  id: number;
  summary: string;
  exportRef: string | null;
  date: string;
  municipality: string;
  province: string;
  tags: string;
}

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
export function buildOfficerBundle(vault: OpenVault, policy: Policy, deps: CaptureDeps, now: Date, id = randomUUID()): OfficerBuild {
  const { db } = vault;
  const rows = db
    .prepare(
      `SELECT s.id, s.summary, s.export_ref AS exportRef, m.date, m.municipality, m.province,
              (SELECT json_group_array(tag) FROM signal_tags t WHERE t.signal_id = s.id) AS tags
       FROM signals s JOIN meetings m ON m.id = s.meeting_id
       WHERE s.state = 'ready' AND NOT EXISTS (
         SELECT 1 FROM outgoing_signals o JOIN outgoing_bundles b ON b.id = o.bundle_id WHERE o.signal_id = s.id AND b.state = 'prepared')
       ORDER BY s.id`,
    )
    .all() as ReadyRow[];
  const pseudonymiser = new Pseudonymiser();
  const signals: OfficerSignal[] = [];
  const signalIds: number[] = [];
  const refs = new Map<number, string>();
  const blocked: number[] = [];
  for (const row of rows) {
    const decisions = listDecisions(db, row.id);
    if (reviewSummary(row.summary, decisions).undecided > 0 || !isProvince(row.province)) {
      blocked.push(row.id);
      continue;
    }
    const ref = row.exportRef ?? randomUUID();
    refs.set(row.id, ref);
    signalIds.push(row.id);
    signals.push({
      signalRef: ref,
      summary: outgoingSummary(row.summary, decisions, pseudonymiser).text,
      tags: (JSON.parse(row.tags) as string[]).filter(travels).sort(),
      meetingDate: row.date,
      municipality: row.municipality,
      province: row.province,
      consent: true,
    });
  }
  const header = payloadHeader(
    id,
    policy.organisation,
    signals.map((s) => s.meetingDate),
    deps.taxonomy.version,
    now,
  );
  return { payload: buildOfficerPayload(header, signals), signalIds, refs, blocked };
}

/**
 * Builds, seals and records the officer's next bundle (possibly empty: "nothing happened" is a
 * report too), binding its signals to it. Blocked signals return to draft in the same transaction.
 */
export async function prepareOfficerBundle(
  vault: OpenVault,
  policy: Policy,
  deps: CaptureDeps,
  now: Date,
): Promise<{ id: string; signals: number; blocked: number[] }> {
  if (!policy.teamLead) throw new AppError('policy_invalid', 'The policy names no team lead (teamLead), so there is nobody to send to.');
  const build = buildOfficerBundle(vault, policy, deps, now);
  const payload = JSON.stringify(build.payload, null, 2);
  const sealed = await sealPayload(payload, [policy.teamLead.recipient], workstationSigningKey(vault));
  const { db } = vault;
  const id = build.payload.manifest.id;
  db.transaction(() => {
    const at = now.toISOString();
    for (const signalId of build.blocked) {
      db.prepare("UPDATE signals SET state = 'draft', state_changed_at = ?, updated_at = ? WHERE id = ? AND state = 'ready'").run(at, at, signalId);
      appendAudit(db, 'export.blocked', { signal: signalId, reason: 'redaction_undecided' });
    }
    insertPrepared(db, { id, kind: 'officer', addressee: 'teamLead', destination: 'outbox', payload, age: sealed.age, minisig: sealed.minisig }, now);
    const bind = db.prepare('INSERT INTO outgoing_signals (bundle_id, signal_id) VALUES (?, ?)');
    const setRef = db.prepare('UPDATE signals SET export_ref = ? WHERE id = ? AND export_ref IS NULL');
    for (const signalId of build.signalIds) {
      bind.run(id, signalId);
      setRef.run(build.refs.get(signalId)!, signalId);
    }
  })();
  return { id, signals: build.signalIds.length, blocked: build.blocked };
}
