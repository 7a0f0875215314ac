import type { AggregationPreview } from '../../../shared/exchange/k-anonymity';
import type { Policy } from '../../../shared/policy/policy-schema';
import type { Handlers } from '../rpc/dispatch';
import type { CaptureDeps } from '../capture/capture-ports';
import type { OpenVault } from '../vault/vault';
import { enrolmentSheet, saveEnrolmentSheet } from './enrolment';
import { serially } from './exchange-queue';
import { readInbox, scheduleStatus, withTransport } from './exchange-service';
import { prepareOfficerBundle } from './officer-export';
import { deliverPrepared, discardPrepared, outgoingHistory, outgoingPayload, preparedBundles } from './outgoing-ledger';
import { approve, getReviewItem, listReview, redactFurther, returnItem } from './review';
import { prepareTeamBundles } from './team-export';
import { createWorkstationKeys, workstationKeys } from './workstation-keys';

type ExchangeChannels =
  | 'keys.show'
  | 'keys.create'
  | 'enrolment.sheet'
  | 'enrolment.save'
  | 'exchange.status'
  | 'exchange.prepare'
  | 'exchange.send'
  | 'exchange.discard'
  | 'exchange.history'
  | 'exchange.payload'
  | 'inbox.import'
  | 'review.list'
  | 'review.approve'
  | 'review.return'
  | 'review.redact';

/** What the policy still lacks before this role can send, by key. */
function missingKeys(policy: Policy): string[] {
  const missing: string[] = [];
  if (!policy.transport) missing.push('transport');
  if (policy.role === 'officer' && !policy.teamLead) missing.push('teamLead');
  if (policy.role === 'teamlead' && !policy.team) missing.push('team');
  if (policy.role === 'teamlead' && !policy.central) missing.push('central');
  return missing;
}

/** The contract's exchange channels: keys and enrolment, export with preview, inbox and review. */
export function exchangeHandlers(
  vault: () => OpenVault,
  policy: Policy,
  deps: (v: OpenVault) => CaptureDeps,
  exportDir: (v: OpenVault) => string,
): Pick<Handlers, ExchangeChannels> {
  const own = (v: OpenVault) => workstationKeys(v)?.signer ?? null;
  const waiting = (v: OpenVault): number =>
    policy.role === 'officer'
      ? (v.db.prepare("SELECT count(*) AS n FROM signals WHERE state = 'ready'").get() as { n: number }).n
      : (v.db.prepare("SELECT count(*) AS n FROM review_items WHERE state = 'approved'").get() as { n: number }).n;

  /** The bundle prepared and not yet sent, or a new one: one at a time, so the preview is what leaves. */
  const prepareNext = async (v: OpenVault) => {
    const existing = preparedBundles(v.db).find((b) => b.kind !== 'returned');
    if (existing)
      return {
        id: existing.id,
        payload: existing.payload,
        blocked: [],
        preview: existing.preview ? (JSON.parse(existing.preview) as AggregationPreview) : null,
      };
    if (policy.role === 'officer') {
      const r = await prepareOfficerBundle(v, policy, deps(v), new Date());
      return { id: r.id, payload: outgoingPayload(v.db, r.id), blocked: r.blocked, preview: null };
    }
    const r = await prepareTeamBundles(v, policy, new Date(), { withReturns: Boolean(policy.transport?.returns) });
    return { id: r.id, payload: outgoingPayload(v.db, r.id), blocked: [], preview: r.preview };
  };

  return {
    'keys.show': () => ({ keys: workstationKeys(vault()) }),
    'keys.create': async () => ({ keys: await createWorkstationKeys(vault()) }),
    'enrolment.sheet': () => ({ text: enrolmentSheet(vault(), policy) }),
    'enrolment.save': () => {
      const v = vault();
      return { path: saveEnrolmentSheet(v, policy, exportDir(v)) };
    },
    'exchange.status': () => {
      const v = vault();
      const schedule = scheduleStatus(v, policy);
      const missing = missingKeys(policy);
      return {
        role: policy.role,
        configured: missing.length === 0,
        missing,
        hasKeys: workstationKeys(v) !== null,
        waiting: waiting(v),
        prepared: preparedBundles(v.db).find((b) => b.kind !== 'returned')?.id ?? null,
        nextRun: schedule.next,
        lastRun: schedule.lastRun,
      };
    },
    'exchange.prepare': () => {
      const v = vault();
      return serially(v, () => prepareNext(v));
    },
    'exchange.send': () => {
      const v = vault();
      return serially(v, async () => {
        const r = await withTransport(policy, (t) => deliverPrepared(v.db, t, () => new Date()));
        return { files: r.paths.length, failures: r.failures.map(({ bundle, code }) => ({ bundle, code })) };
      });
    },
    'exchange.discard': () => {
      const v = vault();
      return serially(v, () => ({ discarded: discardPrepared(v.db) }));
    },
    'exchange.history': () => ({ bundles: outgoingHistory(vault().db) }),
    'exchange.payload': ({ id }) => ({ payload: outgoingPayload(vault().db, id) }),
    'inbox.import': async () => {
      const v = vault();
      const results = await readInbox(v, policy, deps(v));
      // The refusal sentence stays in the core: the UI translates the code.
      return {
        results: results.map((r) => ({
          file: r.file,
          outcome: r.outcome,
          ...(r.reason ? { reason: r.reason } : {}),
          ...(r.signals !== undefined ? { signals: r.signals } : {}),
        })),
      };
    },
    'review.list': ({ state }) => {
      const v = vault();
      return { items: listReview(v.db, own(v), state === 'all' ? undefined : state) };
    },
    'review.approve': ({ id }) => {
      const v = vault();
      return approve(v.db, id, own(v));
    },
    'review.return': ({ id, reason }) => {
      const v = vault();
      return returnItem(v.db, id, reason, own(v));
    },
    'review.redact': ({ id, start, end, category }) => {
      const v = vault();
      getReviewItem(v.db, id, own(v));
      return redactFurther(v.db, id, start, end, category, own(v));
    },
  };
}
