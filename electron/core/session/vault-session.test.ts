import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy, type Policy } from '../../../shared/policy/policy-schema';
import { detect, forgetSeenText } from '../../../shared/redaction';
import { memoryLog } from '../../test-support/memory-log';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import type { OsKeyWrap } from '../vault/key-slots';
import { readKeySlots } from '../vault/vault-files';
import { UnlockThrottle } from './unlock-throttle';
import { VaultSession } from './vault-session';

const policy = (extra: Record<string, unknown> = {}): Policy => {
  const parsed = parsePolicy({ organisation: 'SZW', role: 'officer', lockAfterMinutes: 5, ...extra });
  if (!parsed.ok) throw new Error('bad test policy');
  return parsed.policy;
};

const os: OsKeyWrap = {
  isAvailable: () => true,
  encrypt: (s) => Buffer.from(s).reverse(),
  decrypt: (b) => Buffer.from(b).reverse().toString(),
};

const sessions: VaultSession[] = [];
function session(extra: Partial<ConstructorParameters<typeof VaultSession>[0]> = {}) {
  const s = new VaultSession({ vaultDir: join(tempDir(), 'vault'), policy: policy(), vault: testVaultOptions, ...extra });
  sessions.push(s);
  return s;
}
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  vi.useRealTimers();
});

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no-error',
    (e: unknown) => (e instanceof AppError ? e.code : 'other'),
  );

describe('unlock throttle', () => {
  it('lets three attempts through, then doubles the wait up to five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => UnlockThrottle.delayAfter(n))).toEqual([0, 0, 1000, 2000, 4000, 8000, 300000]);
  });

  it('counts failures and forgets them after a success', () => {
    let now = 0;
    const t = new UnlockThrottle(() => now);
    for (let i = 0; i < 4; i++) t.recordFailure();
    expect(t.retryAfterMs()).toBe(2000);
    now = 1500;
    expect(t.retryAfterMs()).toBe(500);
    expect(t.recordSuccess()).toBe(4);
    expect(t.retryAfterMs()).toBe(0);
    expect(t.failedAttempts).toBe(0);
  });
});

describe('the vault session', () => {
  it('goes uninitialised → unlocked (recovery key pending) → confirmed → locked → unlocked', async () => {
    const s = session();
    expect(s.status().state).toBe('uninitialised');
    const { recoveryKey, status } = await s.setup(passphrase);
    expect(recoveryKey).toMatch(/^(\d{6}-){7}\d{6}$/);
    expect(status).toMatchObject({ state: 'unlocked', recoveryKeyPending: true });
    expect((await s.confirmRecoveryKey()).recoveryKeyPending).toBe(false);
    expect((await s.lock()).state).toBe('locked');
    expect(await codeOf(Promise.resolve().then(() => s.requireVault()))).toBe('vault_locked');
    expect((await s.unlock(passphrase)).state).toBe('unlocked');
  });

  it('delays attempts after repeated wrong passphrases and says how long', async () => {
    let now = 1_000_000;
    const s = session({ now: () => now });
    await s.setup(passphrase);
    await s.lock();
    for (let i = 0; i < 3; i++) expect(await codeOf(s.unlock('wrong guess'))).toBe('wrong_passphrase');
    const status = s.status();
    expect(status).toMatchObject({ failedAttempts: 3, retryAfterMs: 1000 });
    try {
      await s.unlock(passphrase);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('throttled');
      expect((e as AppError).details.retryAfterMs).toBe(1000);
    }
    now += 1000;
    expect((await s.unlock(passphrase)).state).toBe('unlocked');
    const unlocked = s.requireVault().recentAudit(1)[0];
    expect(unlocked).toMatchObject({ event: 'vault.unlocked', data: { method: 'passphrase', failedAttempts: 3 } });
  });

  it('locks after the idle time, drops the vault and tells listeners', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = session();
    const events: unknown[] = [];
    s.onEvent((name, payload) => events.push([name, payload]));
    await s.setup(passphrase);
    const vault = s.requireVault();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    s.touch();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(s.isUnlocked).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000 + 1);
    expect(s.isUnlocked).toBe(false);
    expect(vault.isClosed).toBe(true);
    expect(events).toEqual([['vault.locked', { reason: 'idle' }]]);
  });

  it('forgets the words of notes the detectors kept, when it locks', async () => {
    const s = session();
    await s.setup(passphrase);
    detect('Gesprek met Karim Haddad in Apeldoorn over de arbeidsongeschiktheidsverzekering.');
    await s.lock();
    expect(forgetSeenText()).toBe(0);
  });

  it('is not held open by automatic calls (autosave retries, inbox polling): only user activity counts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = session();
    await s.setup(passphrase);
    // A retry every 30 s, for longer than the idle time (5 minutes in this policy).
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(30_000);
      if (s.isUnlocked) s.requireVault();
    }
    await vi.advanceTimersByTimeAsync(30_000);
    expect(s.isUnlocked).toBe(false);
  });

  it('serialises operations: two unlocks at once open the vault once', async () => {
    const s = session();
    await s.setup(passphrase);
    await s.lock();
    const [a, b] = await Promise.all([s.unlock(passphrase), s.unlock(passphrase)]);
    expect(a.state).toBe('unlocked');
    expect(b.state).toBe('unlocked');
    const unlocks = s
      .requireVault()
      .recentAudit(10)
      .filter((e) => e.event === 'vault.unlocked');
    expect(unlocks).toHaveLength(1);
  });

  it('offers OS unlock only where policy allows it, and removes the slot when policy stops allowing it', async () => {
    const dir = join(tempDir(), 'vault');
    const allowed = session({ vaultDir: dir, policy: policy({ allowOsKeyWrap: true }), osKeyWrap: os });
    await allowed.setup(passphrase);
    expect(allowed.status().osUnlockAllowed).toBe(true);
    expect((await allowed.setOsUnlock(true)).osUnlockEnabled).toBe(true);
    await allowed.lock();
    expect(allowed.status().osUnlockAvailable).toBe(true);
    expect((await allowed.unlockWithOs()).state).toBe('unlocked');
    allowed.dispose();

    const forbidden = session({ vaultDir: dir, policy: policy({ allowOsKeyWrap: false }), osKeyWrap: os });
    expect(forbidden.status()).toMatchObject({ osUnlockAllowed: false, osUnlockAvailable: false });
    expect(await codeOf(forbidden.unlockWithOs())).toBe('os_unlock_unavailable');
    await forbidden.unlock(passphrase);
    expect(readKeySlots(dir).slots.some((slot) => slot.kind === 'os')).toBe(false);
  });

  it('recovers with the recovery key and throttles wrong keys, but not typing errors', async () => {
    const s = session();
    const { recoveryKey } = await s.setup(passphrase);
    await s.lock();
    expect(await codeOf(s.recover('123', 'new passphrase here'))).toBe('recovery_key_malformed');
    expect(s.status().failedAttempts).toBe(0);
    expect(await codeOf(s.recover('000000-'.repeat(7) + '000000', 'new passphrase here'))).toBe('recovery_key_wrong');
    expect(s.status().failedAttempts).toBe(1);
    expect((await s.recover(recoveryKey, 'new passphrase here')).state).toBe('unlocked');
  });

  it('throttles and audits wrong passphrases on change-passphrase, new-recovery-key and rekey like unlock attempts', async () => {
    let now = 1_000_000;
    const logged = memoryLog();
    const s = session({ now: () => now, log: logged.log });
    await s.setup(passphrase);
    expect(await codeOf(s.changePassphrase('wrong guess one', 'a brand new passphrase for the vault'))).toBe('wrong_passphrase');
    expect(await codeOf(s.newRecoveryKey('wrong guess two'))).toBe('wrong_passphrase');
    expect(await codeOf(s.rekey('wrong guess three', 'a brand new passphrase for the vault'))).toBe('wrong_passphrase');
    expect(s.status()).toMatchObject({ failedAttempts: 3, retryAfterMs: 1000 });
    // Even the right passphrase waits until the delay is over.
    expect(await codeOf(s.changePassphrase(passphrase, 'a brand new passphrase for the vault'))).toBe('throttled');
    const refused = s
      .requireVault()
      .recentAudit(10)
      .filter((e) => e.event === 'vault.passphrase_refused')
      .map((e) => e.data);
    expect(refused).toEqual([
      { action: 'rekey', failedAttempts: 3 },
      { action: 'new-recovery-key', failedAttempts: 2 },
      { action: 'change-passphrase', failedAttempts: 1 },
    ]);
    expect(logged.events().filter((e) => e.event === 'vault.passphrase_refused')).toHaveLength(3);
    now += 1000;
    await s.changePassphrase(passphrase, 'a brand new passphrase for the vault');
    expect(s.status().failedAttempts).toBe(0);
  });
});
