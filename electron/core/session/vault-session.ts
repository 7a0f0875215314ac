import type { EventName, EventPayloads, VaultStatus } from '../../../shared/contract/ipc-contract';
import type { Policy } from '../../../shared/policy/policy-schema';
import { forgetSeenText } from '../../../shared/redaction';
import type { LockReason } from '../../../shared/vault/lock-reason';
import { AppError } from '../app-error';
import { silentLog, type EventLog } from '../logging/event-log';
import type { OsKeyWrap } from '../vault/key-slots';
import {
  createVault,
  recoverWithRecoveryKey,
  unlockWithOs,
  unlockWithPassphrase,
  vaultHasOsSlot,
  type OpenVault,
  type RekeyStep,
  type VaultOptions,
} from '../vault/vault';
import { vaultPresence } from '../vault/vault-files';
import { UnlockThrottle } from './unlock-throttle';

export interface VaultSessionOptions {
  vaultDir: string;
  policy: Policy;
  osKeyWrap?: OsKeyWrap;
  vault?: VaultOptions;
  /** Overrides the policy's idle time; the browser harness uses it in tests. */
  idleLockMs?: number;
  now?: () => number;
  /** Work to do whenever the vault opens (retention); a failure there never blocks the unlock. */
  onUnlocked?: (vault: OpenVault) => void;
  /** Where unlocks, failures and locks are noted, as events without content. */
  log?: EventLog;
}

type UnlockMethod = 'passphrase' | 'recovery-key' | 'os';
/** What asked for the passphrase while the vault was open. */
type PassphraseAction = 'change-passphrase' | 'new-recovery-key' | 'rekey' | 'confirm-recovery-key';

type Listener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/**
 * The vault as the UI sees it during one run of the app: locked or unlocked, the idle timer, the
 * throttle on failed attempts, and the events the UI must hear (a lock it did not ask for).
 * Operations run one at a time so that two clicks cannot unlock or lock twice.
 */
export class VaultSession {
  private vault: OpenVault | null = null;
  private readonly throttle: UnlockThrottle;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();

  private readonly log: EventLog;

  constructor(private readonly options: VaultSessionOptions) {
    this.throttle = new UnlockThrottle(options.now);
    this.log = options.log ?? silentLog;
  }

  get policy(): Policy {
    return this.options.policy;
  }

  /** How the vault is opened: the policy's taxonomy key decides whether an imported taxonomy is in force. */
  private get vaultOptions(): VaultOptions {
    return { ...this.options.vault, taxonomyKey: this.options.policy.taxonomyKey };
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const l of this.listeners) l(name, payload);
  }

  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private get osAllowed(): boolean {
    return this.options.policy.allowOsKeyWrap && (this.options.osKeyWrap?.isAvailable() ?? false);
  }

  status(): VaultStatus {
    const present = vaultPresence(this.options.vaultDir) === 'present';
    const osEnabled = present && vaultHasOsSlot(this.options.vaultDir);
    return {
      state: !present ? 'uninitialised' : this.vault ? 'unlocked' : 'locked',
      recoveryKeyPending: this.vault?.recoveryKeyPending ?? false,
      osUnlockAllowed: this.osAllowed,
      osUnlockEnabled: osEnabled,
      osUnlockAvailable: this.osAllowed && osEnabled,
      retryAfterMs: this.throttle.retryAfterMs(),
      failedAttempts: this.throttle.failedAttempts,
    };
  }

  /**
   * The open vault, or `vault_locked`. Not activity: calls the app makes by itself (an autosave
   * retry, reading the inbox, the schedule) would otherwise hold the idle lock off for ever; only
   * the user's own input (`session.activity`) restarts the idle timer.
   */
  requireVault(): OpenVault {
    if (!this.vault) throw new AppError('vault_locked', 'The vault is locked.');
    return this.vault;
  }

  get isUnlocked(): boolean {
    return this.vault !== null;
  }

  setup(passphrase: string): Promise<{ recoveryKey: string; status: VaultStatus }> {
    return this.exclusive(async () => {
      const { vault, recoveryKey } = await createVault(this.options.vaultDir, passphrase, this.vaultOptions);
      this.log.event('vault.created');
      this.adopt(vault);
      return { recoveryKey, status: this.status() };
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(() => this.attempt('passphrase', () => unlockWithPassphrase(this.options.vaultDir, passphrase, this.vaultOptions)));
  }

  recover(recoveryKey: string, newPassphrase: string): Promise<VaultStatus> {
    return this.exclusive(() =>
      this.attempt('recovery-key', () => recoverWithRecoveryKey(this.options.vaultDir, recoveryKey, newPassphrase, this.vaultOptions)),
    );
  }

  unlockWithOs(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.vault) return this.status();
      if (!this.osAllowed) throw new AppError('os_unlock_unavailable', 'Policy or the operating system does not allow this here.');
      let vault: OpenVault;
      try {
        vault = await unlockWithOs(this.options.vaultDir, this.options.osKeyWrap!, this.vaultOptions);
      } catch (e) {
        this.logFailure('os', e);
        throw e;
      }
      this.unlocked(vault, 'os');
      return this.status();
    });
  }

  private unlocked(vault: OpenVault, method: UnlockMethod): void {
    const failedAttempts = this.throttle.recordSuccess();
    vault.audit('vault.unlocked', { method, failedAttempts });
    this.log.event('vault.unlocked', { method, failedAttempts });
    this.adopt(vault);
  }

  private logFailure(method: UnlockMethod, e: unknown): void {
    const code = e instanceof AppError ? e.code : 'internal';
    this.log.event('vault.unlock_failed', { method, code, failedAttempts: this.throttle.failedAttempts });
  }

  private async attempt(method: UnlockMethod, open: () => Promise<OpenVault>): Promise<VaultStatus> {
    if (this.vault) return this.status();
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) {
      throw new AppError('throttled', `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
    let vault: OpenVault;
    try {
      vault = await open();
    } catch (e) {
      if (e instanceof AppError && ['wrong_passphrase', 'recovery_key_wrong', 'recovery_key_malformed'].includes(e.code)) {
        if (e.code !== 'recovery_key_malformed') this.throttle.recordFailure();
        e.details.retryAfterMs = this.throttle.retryAfterMs();
      }
      this.logFailure(method, e);
      throw e;
    }
    this.unlocked(vault, method);
    return this.status();
  }

  private adopt(vault: OpenVault): void {
    this.vault = vault;
    // An OS slot made while policy allowed it goes when policy no longer does.
    if (!this.options.policy.allowOsKeyWrap && vault.hasOsSlot()) vault.disableOsUnlock();
    try {
      this.options.onUnlocked?.(vault);
    } catch {
      vault.audit('session.unlock_task_failed');
    }
    this.touch();
  }

  setOsUnlock(enabled: boolean): Promise<VaultStatus> {
    return this.exclusive(() => {
      const vault = this.requireVault();
      if (enabled) {
        if (!this.osAllowed) throw new AppError('os_unlock_unavailable', 'Policy or the operating system does not allow this here.');
        vault.enableOsUnlock(this.options.osKeyWrap!);
      } else {
        vault.disableOsUnlock();
      }
      this.log.event('vault.os_unlock_changed', { enabled });
      return this.status();
    });
  }

  /**
   * An action that asks for the passphrase while the vault is open answers a wrong one as an
   * unlock does: it counts towards the same growing delay, and it is audited and logged. Whoever
   * finds the laptop unlocked must not get a free oracle for guessing the passphrase.
   */
  private async withPassphrase<T>(action: PassphraseAction, fn: (vault: OpenVault) => Promise<T>): Promise<T> {
    const vault = this.requireVault();
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) {
      throw new AppError('throttled', `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
    try {
      const result = await fn(vault);
      this.throttle.recordSuccess();
      return result;
    } catch (e) {
      if (e instanceof AppError && (e.code === 'wrong_passphrase' || e.code === 'recovery_key_wrong')) {
        this.throttle.recordFailure();
        e.details.retryAfterMs = this.throttle.retryAfterMs();
        const failedAttempts = this.throttle.failedAttempts;
        vault.audit('vault.passphrase_refused', { action, failedAttempts });
        this.log.event('vault.passphrase_refused', { action, failedAttempts });
      }
      throw e;
    }
  }

  changePassphrase(current: string, next: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      await this.withPassphrase('change-passphrase', (vault) => vault.changePassphrase(current, next));
      this.log.event('vault.passphrase_changed');
      return this.status();
    });
  }

  /** Key rotation (OpenVault.rekey); the new recovery key is shown once and confirmed like at setup. */
  rekey(current: string, next: string, onStep?: (step: RekeyStep) => void): Promise<{ recoveryKey: string; status: VaultStatus }> {
    return this.exclusive(async () => {
      const recoveryKey = await this.withPassphrase('rekey', (vault) => vault.rekey(current, next, onStep));
      this.log.event('vault.rekeyed');
      return { recoveryKey, status: this.status() };
    });
  }

  /** A pending recovery key confirmed by typing it in full (see OpenVault.confirmRecoveryKeyTyped). */
  confirmRecoveryKeyTyped(recoveryKey: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      await this.withPassphrase('confirm-recovery-key', (vault) => Promise.resolve(vault.confirmRecoveryKeyTyped(recoveryKey)));
      this.log.event('vault.recovery_key_confirmed');
      return this.status();
    });
  }

  confirmRecoveryKey(): Promise<VaultStatus> {
    return this.exclusive(() => {
      this.requireVault().confirmRecoveryKey();
      this.log.event('vault.recovery_key_confirmed');
      return this.status();
    });
  }

  newRecoveryKey(passphrase: string): Promise<{ recoveryKey: string; status: VaultStatus }> {
    return this.exclusive(async () => {
      const recoveryKey = await this.withPassphrase('new-recovery-key', (vault) => vault.newRecoveryKey(passphrase));
      this.log.event('vault.recovery_key_replaced');
      return { recoveryKey, status: this.status() };
    });
  }

  lock(reason: LockReason = 'manual'): Promise<VaultStatus> {
    return this.exclusive(() => {
      this.lockNow(reason);
      return this.status();
    });
  }

  /** Drops the key, closes the database and forgets the words the detectors kept; the UI hears of it through the event. */
  private lockNow(reason: LockReason): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const vault = this.vault;
    if (!vault) return;
    this.vault = null;
    try {
      vault.audit('vault.locked', { reason });
    } finally {
      vault.close();
      forgetSeenText();
    }
    this.log.event('vault.locked', { reason });
    this.emit('vault.locked', { reason });
  }

  /** Records the user's activity (keys, pointer): restarts the idle timer while unlocked. */
  touch(): void {
    if (!this.vault) return;
    clearTimeout(this.idleTimer);
    const ms = this.options.idleLockMs ?? this.options.policy.lockAfterMinutes * 60_000;
    this.idleTimer = setTimeout(() => void this.lock('idle'), ms);
    this.idleTimer.unref?.();
  }

  /** Locks and forgets listeners; for shutdown. */
  dispose(): void {
    this.lockNow('system');
    this.listeners.clear();
  }
}
