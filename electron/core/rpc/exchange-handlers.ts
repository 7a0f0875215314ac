import type { AggregationPreview } from '../../../shared/exchange/k-anonymity';
import type { Policy } from '../../../shared/policy/policy-schema';
import type { Handlers } from './dispatch';
import { AppError } from '../app-error';
import type { CaptureDeps } from '../capture/capture-ports';
import { SignalStore } from '../capture/signal-store';
import type { OpenVault } from '../vault/vault';
import type { HtmlToPdf } from '../platform/html-to-pdf';
import { exportReport, reportPage } from '../central/report-page';
import { enrolmentSheet, saveEnrolmentSheet } from '../exchange/enrolment';
import { serially } from '../exchange/exchange-queue';
import { readInbox, scheduleStatus, sendUrgentNow, withTransport } from '../exchange/exchange-service';
import { workQueue } from '../exchange/work-queue';
import { prepareOfficerBundle } from '../exchange/prepare-officer-bundle';
import { deliverPrepared, discardPrepared, outgoingHistory, outgoingPayload, preparedBundles } from '../exchange/outgoing-ledger';
import { approve, getReviewItem, listReview, redactFurther, returnItem } from '../exchange/four-eyes-review';
import { ReviewStore } from '../exchange/review-store';
import { prepareTeamBundles } from '../exchange/prepare-team-bundles';
import { createWorkstationKeys, workstationKeys } from '../exchange/workstation-keys';

type ExchangeChannels =
  | 'keys.show'
  | 'keys.create'
  | 'enrolment.sheet'
  | 'enrolment.save'
  | 'central.report'
  | 'central.export'
  | 'exchange.status'
  | 'exchange.prepare'
  | 'exchange.send'
  | 'exchange.sendUrgent'
  | 'queue.get'
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
  if (policy.role === 'central' && !policy.teams) missing.push('teams');
  return missing;
}

/** The contract's exchange channels: keys and enrolment, sending with a preview, inbox and review. */
export function exchangeHandlers(
  vault: () => OpenVault,
  policy: Policy,
  deps: (v: OpenVault) => CaptureDeps,
  documentsDir: (v: OpenVault) => string,
  printPdf?: HtmlToPdf,
): Pick<Handlers, ExchangeChannels> {
  const own = (v: OpenVault) => workstationKeys(v)?.signer ?? null;
  const waiting = (v: OpenVault): number =>
    policy.role === 'officer' ? new SignalStore(v).countInState('ready') : policy.role === 'teamlead' ? new ReviewStore(v).count('approved') : 0;

  /** The bundle prepared and not yet sent, or a new one: one at a time, so the preview is what leaves. */
  const prepareNext = async (v: OpenVault) => {
    const existing = preparedBundles(v).find((b) => b.kind !== 'returned');
    if (existing)
      return {
        id: existing.id,
        payload: existing.payload,
        blocked: [],
        preview: existing.preview ? (JSON.parse(existing.preview) as AggregationPreview) : null,
      };
    if (policy.role === 'central') throw new AppError('invalid_request', 'The central point sends no bundles.');
    if (policy.role === 'officer') {
      const r = await prepareOfficerBundle(v, policy, deps(v), new Date());
      return { id: r.id, payload: outgoingPayload(v, r.id), blocked: r.blocked, preview: null };
    }
    const r = await prepareTeamBundles(v, policy, new Date(), { withReturns: Boolean(policy.transport?.returns) });
    return { id: r.id, payload: outgoingPayload(v, r.id), blocked: [], preview: r.preview };
  };

  return {
    'keys.show': () => ({ keys: workstationKeys(vault()) }),
    'keys.create': async () => ({ keys: await createWorkstationKeys(vault()) }),
    'enrolment.sheet': () => ({ text: enrolmentSheet(vault(), policy) }),
    'enrolment.save': () => {
      const v = vault();
      return { path: saveEnrolmentSheet(v, policy, documentsDir(v)) };
    },
    'central.report': ({ period, lang }) => reportPage(vault(), policy, period, lang),
    'central.export': async ({ period, format, lang }) => {
      const v = vault();
      return { path: await exportReport(v, policy, period, format, lang, documentsDir(v), new Date(), printPdf) };
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
        prepared: preparedBundles(v).find((b) => b.kind !== 'returned')?.id ?? null,
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
        const r = await withTransport(policy, (t) => deliverPrepared(v, deps(v), t, () => new Date()));
        return { files: r.paths.length, failures: r.failures.map(({ bundle, code }) => ({ bundle, code })) };
      });
    },
    'exchange.sendUrgent': async ({ id }) => {
      const v = vault();
      const r = await sendUrgentNow(v, policy, deps(v), id);
      return { files: r.paths.length, failures: r.failures.map(({ bundle, code }) => ({ bundle, code })) };
    },
    'queue.get': () => {
      const v = vault();
      const q = workQueue(v, policy, deps(v));
      return q.role === 'teamlead' ? q : { ...q, perOfficer: [], waitingForK: null };
    },
    'exchange.discard': () => {
      const v = vault();
      return serially(v, () => ({ discarded: discardPrepared(v) }));
    },
    'exchange.history': () => ({ bundles: outgoingHistory(vault()) }),
    'exchange.payload': ({ id }) => ({ payload: outgoingPayload(vault(), id) }),
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
      return { items: listReview(v, own(v), state === 'all' ? undefined : state) };
    },
    'review.approve': ({ id }) => {
      const v = vault();
      return approve(v, id, own(v));
    },
    'review.return': ({ id, reason }) => {
      const v = vault();
      return returnItem(v, id, reason, own(v));
    },
    'review.redact': ({ id, start, end, category }) => {
      const v = vault();
      getReviewItem(v, id, own(v));
      return redactFurther(v, id, start, end, category, own(v));
    },
  };
}
