import type { OpenVault } from '../vault/vault';

const queues = new WeakMap<OpenVault, Promise<unknown>>();

/**
 * Runs exchange steps of one vault one after another. Sealing a bundle and reading the inbox
 * await between reading the ledger and writing it; the scheduler's tick and a button press at the
 * same moment would otherwise both bind the same signals, or both take in the same bundle.
 */
export function serially<T>(vault: OpenVault, step: () => Promise<T> | T): Promise<T> {
  const previous = queues.get(vault) ?? Promise.resolve();
  const next = previous.then(step, step);
  queues.set(
    vault,
    next.catch(() => undefined),
  );
  return next;
}
