import type { ErrorCode } from '../../../shared/contract/errors';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import type { CaptureDeps } from '../capture/capture-ports';
import { Signals } from '../capture/signals';
import { urgentSince } from '../capture/urgency';
import type { OpenVault } from '../vault/vault';
import { openTransport } from '../transport/open-transport';
import type { Transport } from '../transport/transport';
import { namedFiles } from '../transport/bundle-files';
import { serially } from './exchange-queue';
import { importBundles, type InboxResult } from './inbox';
import { buildOfficerBundle, prepareOfficerBundle } from './prepare-officer-bundle';
import { deliverPrepared, preparedBundles, type DeliveryFailure } from './outgoing-ledger';
import { dueMoment, nextMoment } from './schedule';
import { buildTeamBundle, prepareTeamBundles } from './prepare-team-bundles';
import { keysCreatedAtKey, workstationKeys } from './workstation-keys';
import { LedgerStore } from './ledger-store';

/**
 * The exchange as the app, the scheduler and the CLI use it: prepare this role's next bundle (an
 * officer bundle for the team lead, or the team bundle for the central point with the returned
 * bundles for officers), deliver whatever is prepared, read the inbox. Every step is recorded in
 * the ledger, so a crash or a second run neither loses nor doubles a signal.
 */

export interface SendOptions {
  now?: Date;
  /** Deliver into this folder instead of the transport's outbox (obi export --out). */
  outDir?: string;
  /** Test hooks for the crash tests: after the prepare transaction, after each file written. */
  afterPrepare?: () => void;
  afterFile?: (name: string) => void;
}

export interface SendResult {
  prepared: string | null;
  paths: string[];
  failures: DeliveryFailure[];
  /** Officer: signals that went back to draft at the last check. */
  blocked: number[];
  /** Team lead: released and waiting figures of the prepared team bundle. */
  team?: { cells: number; released: number; carriedOver: number };
}

function transportFor(policy: Policy, outDir?: string): Promise<Transport> {
  if (outDir) return openTransport({ kind: 'folder', outbox: outDir, inbox: outDir, returns: outDir });
  if (!policy.transport) throw new AppError('policy_invalid', 'The policy names no transport, so bundles have nowhere to go (use --out DIR).');
  return openTransport(policy.transport);
}

/** Runs `use` with the transport and lets go of its connections afterwards. */
export async function withTransport<T>(policy: Policy, use: (t: Transport) => Promise<T>, outDir?: string): Promise<T> {
  const transport = await transportFor(policy, outDir);
  try {
    return await use(transport);
  } finally {
    await transport.close();
  }
}

function requireKeys(vault: OpenVault): void {
  if (!workstationKeys(vault)) throw new AppError('keys_missing', 'This workstation has no keys yet: run `obi keys init` (or enrol in the app) first.');
}

/**
 * Builds and delivers this role's next bundle now. A bundle prepared earlier and not yet delivered
 * goes first and is the one delivered: nothing new is prepared until it has left.
 */
export function sendNow(vault: OpenVault, policy: Policy, deps: CaptureDeps, options: SendOptions = {}): Promise<SendResult> {
  return serially(vault, () => sendNowAlone(vault, policy, deps, options));
}

/** The central point takes bundles in; it sends none (a taxonomy update goes out as a signed file). */
function refuseCentral(policy: Policy): void {
  if (policy.role === 'central')
    throw new AppError('invalid_request', 'The central point sends no bundles; it takes in team bundles (obi inbox import) and reports (obi report).');
}

async function sendNowAlone(vault: OpenVault, policy: Policy, deps: CaptureDeps, options: SendOptions): Promise<SendResult> {
  refuseCentral(policy);
  requireKeys(vault);
  const now = options.now ?? new Date();
  let prepared: string | null = null;
  let blocked: number[] = [];
  let team: SendResult['team'];
  if (preparedBundles(vault).length === 0) {
    if (policy.role === 'officer') {
      const r = await prepareOfficerBundle(vault, policy, deps, now);
      prepared = r.id;
      blocked = r.blocked;
    } else {
      // Returned bundles are only made when they have somewhere to go.
      const r = await prepareTeamBundles(vault, policy, now, { withReturns: Boolean(options.outDir ?? policy.transport?.returns) });
      prepared = r.id;
      team = { cells: r.cells, released: r.released, carriedOver: r.carriedOver };
    }
  }
  if (prepared) options.afterPrepare?.();
  const hooks = options.afterFile ? { afterFile: options.afterFile } : {};
  const delivered = await withTransport(policy, (t) => deliverPrepared(vault, deps, t, () => options.now ?? new Date(), hooks), options.outDir);
  return { prepared, ...delivered, blocked, ...(team ? { team } : {}) };
}

/**
 * "Nu naar de teamleider": an urgent ready signal leaves at once, outside the schedule, in a bundle
 * of its own, through the same steps as every officer bundle: the redaction is checked again, the
 * bundle is recorded in the ledger before it is written and the signal is bound to it, so a crash
 * or a second click neither loses nor doubles it. A signal already bound to a prepared bundle goes
 * with that one. The scheduled run keeps its own rhythm.
 */
export function sendUrgentNow(vault: OpenVault, policy: Policy, deps: CaptureDeps, signalId: number, options: { now?: Date } = {}): Promise<SendResult> {
  return serially(vault, async () => {
    requireKeys(vault);
    if (policy.role !== 'officer') throw new AppError('invalid_request', 'Only an officer sends a signal to the team lead.');
    const signals = new Signals(vault, deps);
    const signal = signals.get(signalId);
    if (urgentSince(vault, signalId) === null) throw new AppError('invalid_request', 'Only a signal marked urgent is sent outside the schedule.');
    if (signal.state !== 'ready') throw new AppError('invalid_transition', `A ${signal.state} signal cannot be sent; it must be ready.`);
    const problem = signals.readyProblem(signal);
    if (problem) throw new AppError('not_ready', `The signal cannot leave: ${problem.message}.`, { reason: problem.code });
    const now = options.now ?? new Date();
    let prepared: string | null = null;
    let blocked: number[] = [];
    if (!new LedgerStore(vault).isSignalBound(signalId)) {
      const r = await prepareOfficerBundle(vault, policy, deps, now, signalId);
      prepared = r.id;
      blocked = r.blocked;
      vault.audit('export.urgent', { bundle: r.id, signals: r.signals });
    }
    const delivered = await withTransport(policy, (t) => deliverPrepared(vault, deps, t, () => options.now ?? new Date()));
    return { prepared, ...delivered, blocked };
  });
}

/** What the next bundle would carry, decoded, without sealing or binding anything. */
export function previewNext(vault: OpenVault, policy: Policy, deps: CaptureDeps, now = new Date()) {
  refuseCentral(policy);
  if (policy.role === 'officer') {
    const b = buildOfficerBundle(vault, policy, deps, now);
    return { kind: 'officer' as const, payload: b.payload, blocked: b.blocked };
  }
  const b = buildTeamBundle(vault, policy, now);
  return { kind: 'team' as const, payload: b.payload, preview: b.preview };
}

/** Reads the inbox of the policy's transport (or the named files). */
export function readInbox(vault: OpenVault, policy: Policy, deps: CaptureDeps, files?: readonly string[]): Promise<InboxResult[]> {
  requireKeys(vault);
  return serially(vault, () =>
    files ? importBundles(vault, policy, deps, namedFiles(files), false) : withTransport(policy, (t) => importBundles(vault, policy, deps, t, true)),
  );
}

const lastRunKey = 'exchange.lastScheduledRun';

export function scheduleOf(policy: Policy): string {
  return policy.role === 'officer' ? policy.schedule.officerToLead : policy.schedule.leadToCentral;
}

/** When the next scheduled sending is, and whether one is due now (catch-up after a missed one). */
export function scheduleStatus(vault: OpenVault, policy: Policy, now = new Date()): { due: boolean; next: string | null; lastRun: string | null } {
  const last = vault.getMeta(lastRunKey) ?? null;
  // Before the first run, the schedule counts from the moment the vault got its keys.
  const since = new Date(last ?? vault.getMeta(keysCreatedAtKey) ?? now.toISOString());
  return { due: dueMoment(scheduleOf(policy), since, now) !== null, next: nextMoment(scheduleOf(policy), now)?.toISOString() ?? null, lastRun: last };
}

export interface InboxSummary {
  imported: number;
  refused: number;
  /** Why the inbox could not be read at all, or null. */
  failure: ErrorCode | null;
}

/**
 * The scheduler's tick: read the inbox, and send when the schedule says so (the central point only reads). Runs while the
 * vault is unlocked (at unlock and then every minute); a workstation without keys or transport
 * simply waits. Returns what it did, for the log.
 */
export async function scheduledTick(
  vault: OpenVault,
  policy: Policy,
  deps: CaptureDeps,
  now = new Date(),
): Promise<{ inbox: InboxSummary; sent: SendResult | null }> {
  if (!workstationKeys(vault) || !policy.transport) return { inbox: { imported: 0, refused: 0, failure: null }, sent: null };
  // An inbox that cannot be read (a share or server away) does not hold back the sending.
  const inbox = await readInbox(vault, policy, deps).then(
    (results): InboxSummary => ({
      imported: results.filter((r) => r.outcome === 'imported').length,
      refused: results.filter((r) => r.outcome === 'refused').length,
      failure: null,
    }),
    (e: unknown): InboxSummary => ({ imported: 0, refused: 0, failure: e instanceof AppError ? e.code : 'internal' }),
  );
  if (policy.role === 'central' || !scheduleStatus(vault, policy, now).due) return { inbox, sent: null };
  const sent = await sendNow(vault, policy, deps, { now });
  vault.setMeta(lastRunKey, now.toISOString());
  return { inbox, sent };
}
