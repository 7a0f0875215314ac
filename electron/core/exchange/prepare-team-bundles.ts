import { randomUUID } from 'node:crypto';
import { aggregate, floorEffect, previewAggregation, type AggregationPreview } from '../../../shared/exchange/k-anonymity';
import type { Aggregation, ApprovedSignal, ReleaseFloor } from '../../../shared/exchange/k-anonymity/types';
import { evaluationVersion, type Payload } from '../../../shared/exchange/payload';
import { buildReturnedPayload, type SignalStatus } from '../../../shared/exchange/stix/returned-bundle';
import { buildTeamPayload } from '../../../shared/exchange/stix/team-bundle';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import { appVersion } from '../app-version';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { OpenVault } from '../vault/vault';
import { sealPayload } from './envelope';
import { chooseIllustrations, type IllustrationCandidate } from './team-illustrations';
import { LedgerStore, type ItemRole } from './ledger-store';
import { insertPrepared } from './outgoing-ledger';
import { ReviewStore, type ReviewRow } from './review-store';
import { payloadHeader } from './payload-header';
import { reportingPeriod } from './reporting-period';
import { workstationSigningKey } from './workstation-keys';

/**
 * The finest level a cell may leave at: the policy's release floor (a month unless IT chose
 * otherwise; never a day, which the policy schema refuses). A week and a town together point at one
 * community meeting, and the central point's report periods are months, quarters and years.
 */
const releaseFloorOf = (policy: Policy): ReleaseFloor => policy.releaseFloor;

/**
 * The conversation a review item counts towards. An officer's pseudonyms are keyed by the secret of
 * that officer's vault, so they are taken together with the officer. An item received from a
 * version that sent no pseudonym counts as one conversation with every item of the same officer,
 * meeting date and place: signals of one meeting always share these, so a conversation is never
 * counted twice (two meetings on one day in one place may count as one, which only holds more back).
 */
export function conversationOf(r: Pick<ReviewRow, 'officer' | 'conversation' | 'date' | 'municipality' | 'province'>): string {
  if (r.conversation !== null) return `${r.officer}\u0000${r.conversation}`;
  return `${r.officer}\u0000received-without-pseudonym\u0000${r.date}\u0000${r.municipality ?? r.province ?? ''}`;
}

const valuesOf = (tags: readonly string[], predicate: string) =>
  tags.filter((t) => t.startsWith(`nl-obi:${predicate}="`)).map((t) => t.slice(`nl-obi:${predicate}="`.length, -1));

/** Approved signals not already in a team bundle on its way, and which of them waited before. */
function approvedSignals(vault: OpenVault): { signals: ApprovedSignal[]; carried: Set<string>; summaries: IllustrationCandidate[] } {
  const inBundle = new LedgerStore(vault).itemsInPreparedTeamBundle();
  const rows = new ReviewStore(vault).list('approved').filter((r) => !inBundle.has(r.id));
  const signals = rows.map((r) => ({
    id: String(r.id),
    conversation: conversationOf(r),
    stateActors: valuesOf(r.tags, 'state-actor'),
    objectives: valuesOf(r.tags, 'objective'),
    modi: valuesOf(r.tags, 'modus-operandi'),
    targets: valuesOf(r.tags, 'target'),
    channels: valuesOf(r.tags, 'channel'),
    municipality: r.municipality,
    province: r.province,
    date: r.date,
  }));
  return {
    signals,
    carried: new Set(rows.filter((r) => r.carriedSince !== null).map((r) => String(r.id))),
    summaries: rows.map((r) => ({ id: String(r.id), conversation: conversationOf(r), summary: r.summary })),
  };
}

export interface TeamBuild {
  payload: Payload;
  aggregation: Aggregation;
  preview: AggregationPreview;
}

/** The team bundle from every approved signal not yet delivered, generalised to k-anonymity. */
export function buildTeamBundle(vault: OpenVault, policy: Policy, now: Date, id = randomUUID()): TeamBuild {
  const { signals, carried, summaries } = approvedSignals(vault);
  const k = policy.kAnonymity;
  const floor = releaseFloorOf(policy);
  const aggregation = aggregate(signals, k, { finest: floor });
  const releasedIds = aggregation.released.flatMap((r) => r.signalIds);
  const taxonomy = activeTaxonomy(vault).taxonomy;
  const period = reportingPeriod(policy.schedule.leadToCentral, now);
  const header = payloadHeader(id, policy.organisation, period, taxonomy.machinetag.version, now);
  const payload = buildTeamPayload(header, taxonomy, {
    cells: aggregation.cells,
    summaries: chooseIllustrations(aggregation.released, summaries, policy.illustrationsPerCell),
    k,
    suppressed: aggregation.carriedOver.length,
    carriedOver: releasedIds.filter((i) => carried.has(i)).length,
    evaluation: { version: evaluationVersion, period, ...new ReviewStore(vault).decisionsBetween(period.from, period.to) },
  });
  const effect = floorEffect(signals, k, floor, policy.releaseFloorReason ?? null);
  return { payload, aggregation, preview: previewAggregation(signals, aggregation, k, effect) };
}

/** What each officer has not yet been told: returned signals with the reason, approvals, deliveries. */
function pendingStatuses(
  vault: OpenVault,
  releasedNow: Set<number>,
): Map<string, Array<{ itemId: number; role: 'returned' | 'approved' | 'delivered'; status: SignalStatus }>> {
  const toldRoles = new LedgerStore(vault).toldRoles();
  const rows = new ReviewStore(vault).list().filter((r) => r.state !== 'pending');
  const byOfficer = new Map<string, Array<{ itemId: number; role: 'returned' | 'approved' | 'delivered'; status: SignalStatus }>>();
  for (const r of rows) {
    const told = toldRoles.get(r.id) ?? new Set();
    const role = r.state === 'returned' ? 'returned' : r.state === 'delivered' || releasedNow.has(r.id) ? 'delivered' : 'approved';
    if (told.has(role)) continue;
    const status: SignalStatus =
      role === 'returned' ? { signalRef: r.signalRef, status: 'returned', reason: r.reason ?? '' } : { signalRef: r.signalRef, status: role };
    byOfficer.set(r.officer, [...(byOfficer.get(r.officer) ?? []), { itemId: r.id, role, status }]);
  }
  return byOfficer;
}

/**
 * Builds, seals and records the team bundle for the central point (possibly an empty report) and,
 * for each officer with news, a returned bundle: their returned signals with the reason, and which
 * were approved or delivered. Everything is bound in one transaction.
 */
export async function prepareTeamBundles(
  vault: OpenVault,
  policy: Policy,
  now: Date,
  options: { withReturns: boolean },
): Promise<{ id: string; cells: number; released: number; carriedOver: number; returned: string[]; preview: AggregationPreview }> {
  if (!policy.central) throw new AppError('policy_invalid', 'The policy names no central point (central), so there is nobody to send to.');
  const signer = workstationSigningKey(vault);
  const build = buildTeamBundle(vault, policy, now);
  const id = build.payload.manifest.id;
  const teamPayload = JSON.stringify(build.payload, null, 2);
  const teamSealed = await sealPayload(teamPayload, [policy.central.recipient], signer);
  const released = build.aggregation.released.flatMap((r) => r.signalIds.map(Number));
  const statuses = options.withReturns ? pendingStatuses(vault, new Set(released)) : new Map<string, never[]>();
  const returned: Array<{ id: string; officer: string; payload: string; age: Uint8Array; minisig: string; items: Array<{ itemId: number; role: ItemRole }> }> =
    [];
  for (const [officer, list] of statuses) {
    const member = policy.team?.find((m) => m.name === officer);
    if (!member) continue;
    const rid = randomUUID();
    const payload = buildReturnedPayload(
      {
        id: rid,
        organisation: policy.organisation,
        period: build.payload.manifest.period,
        taxonomyVersion: build.payload.manifest.taxonomyVersion,
        softwareVersion: appVersion,
        now,
      },
      list.map((l) => l.status),
    );
    const text = JSON.stringify(payload, null, 2);
    const sealed = await sealPayload(text, [member.recipient], signer);
    returned.push({ id: rid, officer, payload: text, ...sealed, items: list.map((l) => ({ itemId: l.itemId, role: l.role })) });
  }
  const ledger = new LedgerStore(vault);
  vault.transaction(() => {
    // A floor finer than a month is IT's deliberate choice: each bundle made under it says so in the log.
    if (policy.releaseFloor.period === 'week') vault.audit('bundle.release_floor_week', { bundle: id, reason: policy.releaseFloorReason ?? null });
    insertPrepared(
      vault,
      {
        id,
        kind: 'team',
        addressee: 'central',
        destination: 'outbox',
        payload: teamPayload,
        age: teamSealed.age,
        minisig: teamSealed.minisig,
        preview: JSON.stringify(build.preview),
      },
      now,
    );
    for (const itemId of released) ledger.bindItem(id, itemId, 'released');
    for (const itemId of build.aggregation.carriedOver) ledger.bindItem(id, Number(itemId), 'carried');
    for (const r of returned) {
      insertPrepared(
        vault,
        { id: r.id, kind: 'returned', addressee: r.officer, destination: 'returns', payload: r.payload, age: r.age, minisig: r.minisig },
        now,
      );
      for (const item of r.items) ledger.bindItem(r.id, item.itemId, item.role);
    }
  });
  return {
    id,
    cells: build.aggregation.cells.length,
    released: released.length,
    carriedOver: build.aggregation.carriedOver.length,
    returned: returned.map((r) => r.id),
    preview: build.preview,
  };
}
