import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import { AppError } from '../app-error';

/**
 * One process at a time runs exchange steps on a vault: the app, its schedule and every `obi`
 * command take this lock on the vault folder (proper-lockfile: an atomic mkdir of
 * `exchange.lock` inside it, kept fresh while held). A second process waits a few seconds, then
 * says the vault is busy; two of them never bind the same signals or take in the same bundle
 * twice. A holder that died (a crash, a power cut) is recognised at once by the process id it left
 * in the lock, so the next run does not wait for the lock to go stale.
 */
export const exchangeLockName = 'exchange.lock';

export interface FolderLockOptions {
  /** How long a second process tries before it gives up. */
  waitMs?: number;
}

const busy = () =>
  new AppError(
    'vault_busy',
    'Another program (the app, its schedule or an obi command) is exchanging bundles with this vault right now; try again in a moment.',
  );

/** Beside the lock, not in it: proper-lockfile removes its folder with rmdir, which wants it empty. */
const ownerFile = (lockPath: string) => `${lockPath}.owner`;

/** True when the lock names a process of this machine that no longer runs. */
function holderIsGone(lockPath: string): boolean {
  let owner: string;
  try {
    owner = readFileSync(ownerFile(lockPath), 'utf8');
  } catch {
    return false;
  }
  const [pid, host] = owner.split('\n');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function acquire(vaultDir: string, waitMs: number): Promise<() => Promise<void>> {
  const lockPath = join(vaultDir, exchangeLockName);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const release = await lock(vaultDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: 15_000,
        // Should the lock be taken over while held (its holder's clock stalled for 15 s), the step
        // carries on: it is idempotent by its ledger, and a crash would help nobody.
        onCompromised: () => undefined,
      });
      writeFileSync(ownerFile(lockPath), `${process.pid}\n${hostname()}`);
      return () => {
        rmSync(ownerFile(lockPath), { force: true });
        return release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw new AppError('io_error', 'The vault folder could not be locked for the exchange.');
    }
    if (holderIsGone(lockPath)) {
      rmSync(ownerFile(lockPath), { force: true });
      rmSync(lockPath, { recursive: true, force: true });
      continue;
    }
    if (Date.now() >= deadline) throw busy();
    await sleep(250);
  }
}

export async function withVaultFolderLock<T>(vaultDir: string, step: () => Promise<T> | T, options: FolderLockOptions = {}): Promise<T> {
  const release = await acquire(vaultDir, options.waitMs ?? 5000);
  try {
    return await step();
  } finally {
    await release().catch(() => undefined);
  }
}
