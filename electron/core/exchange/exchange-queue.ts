import { withVaultFolderLock } from '../platform/vault-folder-lock';
import type { OpenVault } from '../vault/vault';

const queues = new WeakMap<OpenVault, Promise<unknown>>();

/**
 * Runs exchange steps of one vault one after another. Sealing a bundle and reading the inbox
 * await between reading the ledger and writing it; the scheduler's tick and a button press at the
 * same moment would otherwise both bind the same signals, or both take in the same bundle. Within
 * this process a queue orders them; across processes (the app and `obi export` at once) the lock
 * on the vault folder does.
 */
export function serially<T>(vault: OpenVault, step: () => Promise<T> | T): Promise<T> {
  const previous = queues.get(vault) ?? Promise.resolve();
  const locked = () => withVaultFolderLock(vault.dir, step);
  const next = previous.then(locked, locked);
  queues.set(
    vault,
    next.catch(() => undefined),
  );
  return next;
}
