import type { ErrorCode } from '../../../shared/contract/errors';
import { AppError } from '../app-error';
import type { CaptureDeps } from '../capture/capture-ports';
import { SignalStore } from '../capture/signal-store';
import { Signals } from '../capture/signals';
import type { Transport } from '../transport/transport';
import type { OpenVault } from '../vault/vault';
import { LedgerStore, type OutgoingSummary, type PreparedBundle } from './ledger-store';
import { ReviewStore } from './review-store';

export type { OutgoingSummary, PreparedBundle } from './ledger-store';

/**
 * Outgoing bundles in the ledger. `prepared` holds the sealed bytes and binds what the bundle
 * carries; `delivered` is set, with the consequences for signals and review items, in the same
 * transaction once the files are in place. A prepared bundle that was not delivered (a crash, an
 * unreachable share) is delivered again with the same id and bytes.
 */

/** Records a sealed bundle as prepared; the caller binds what it carries in the same transaction. */
export function insertPrepared(vault: OpenVault, b: PreparedBundle, now: Date): void {
  new LedgerStore(vault).insertPrepared(b, now.toISOString());
  vault.audit('bundle.prepared', { bundle: b.id, kind: b.kind });
}

export function preparedBundles(vault: OpenVault): PreparedBundle[] {
  return new LedgerStore(vault).prepared();
}

export function outgoingHistory(vault: OpenVault, limit = 200): OutgoingSummary[] {
  return new LedgerStore(vault).history(limit);
}

/** The decoded payload of an outgoing bundle: exactly the JSON that was sealed. */
export function outgoingPayload(vault: OpenVault, id: string): string {
  const payload = new LedgerStore(vault).payload(id);
  if (payload === undefined) throw new AppError('not_found', 'That bundle is not in the ledger.');
  return payload;
}

/** Files a bundle is written as: the signature first, so the `.age` never appears without it. */
export const bundleFiles = (b: Pick<PreparedBundle, 'id' | 'age' | 'minisig'>) => [
  { name: `${b.id}.age.minisig`, bytes: b.minisig },
  { name: `${b.id}.age`, bytes: b.age },
];

/**
 * What a delivered bundle settles: the officer's ready signals become sent (through capture's one
 * transition), released review items delivered, items that could not be released yet wait on.
 */
function settle(vault: OpenVault, deps: CaptureDeps, b: PreparedBundle, at: string): void {
  const ledger = new LedgerStore(vault);
  if (b.kind === 'officer') {
    const signals = new Signals(vault, deps);
    const states = new SignalStore(vault);
    for (const id of ledger.signalsOf(b.id)) if (states.state(id) === 'ready') signals.transition(id, 'sent');
  } else if (b.kind === 'team') {
    const items = new ReviewStore(vault);
    for (const id of ledger.itemsOf(b.id, 'released')) items.markDelivered(id);
    for (const id of ledger.itemsOf(b.id, 'carried')) items.markCarried(id, at);
  }
}

/** A bundle that stays prepared: why, as a code for the UI and a sentence (no content) for the CLI. */
export interface DeliveryFailure {
  bundle: string;
  code: ErrorCode;
  message: string;
}

/** Test hooks: the crash tests stop the process at each of these points. */
export interface DeliveryHooks {
  afterFile?: (name: string) => void;
}

/**
 * Writes every prepared bundle through the transport and records each delivery. Returns where the
 * files went. A failure leaves the bundle prepared for the next attempt and is reported, not
 * thrown, so one unreachable destination does not hold back the others. The transport counts a
 * file already at the destination as delivered, so an attempt cut off halfway is finished, never doubled.
 */
export async function deliverPrepared(
  vault: OpenVault,
  deps: CaptureDeps,
  transport: Transport,
  now: () => Date,
  hooks: DeliveryHooks = {},
): Promise<{ paths: string[]; failures: DeliveryFailure[] }> {
  const ledger = new LedgerStore(vault);
  const paths: string[] = [];
  const failures: DeliveryFailure[] = [];
  for (const b of ledger.prepared()) {
    try {
      for (const file of bundleFiles(b)) {
        paths.push(await transport.deliver(file, b.destination));
        hooks.afterFile?.(file.name);
      }
    } catch (e) {
      failures.push(
        e instanceof AppError ? { bundle: b.id, code: e.code, message: e.message } : { bundle: b.id, code: 'io_error', message: 'Delivery failed.' },
      );
      continue;
    }
    const at = now().toISOString();
    vault.transaction(() => {
      if (!ledger.markDelivered(b.id, at)) return;
      settle(vault, deps, b, at);
      vault.audit('bundle.delivered', { bundle: b.id, kind: b.kind });
    });
  }
  return { paths, failures };
}

/**
 * Drops every prepared bundle that has not left (the officer or team lead wants to change something
 * after seeing the preview). Bundles already delivered are never touched.
 */
export function discardPrepared(vault: OpenVault): number {
  const ledger = new LedgerStore(vault);
  return vault.transaction(() => {
    const prepared = ledger.prepared();
    for (const { id, kind } of prepared) {
      ledger.dropPrepared(id);
      vault.audit('bundle.discarded', { bundle: id, kind });
    }
    return prepared.length;
  });
}
