import { create } from 'zustand';
import type { ErrorInfo, Result } from '../../../shared/contract/errors';
import type { PolicyView, VaultStatus } from '../../../shared/contract/ipc-contract';
import type { LockReason } from '../../../shared/vault/lock-reason';
import { api, onCoreEvent } from '../api/client';
import { clearAllContent } from './content-reset';
import { useNav } from './nav-store';

interface SessionState {
  loaded: boolean;
  loadError: ErrorInfo | null;
  /** The machine policy is invalid: the app only says which key is wrong (see PolicyInvalidPage). */
  readOnly: boolean;
  version: string;
  policy: PolicyView | null;
  status: VaultStatus | null;
  /** The recovery key just made, held only until the user confirmed it. */
  freshRecoveryKey: string | null;
  lockReason: LockReason | null;
  /** The vault was set up in this run: after the recovery key, the enrolment sheet follows. */
  firstRun: boolean;
  /** The lock screen shows the recovery-key form instead of the passphrase form. */
  recoveryMode: boolean;
  setRecoveryMode: (on: boolean) => void;
  init: () => Promise<void>;
  refreshStatus: () => Promise<void>;
  setup: (passphrase: string) => Promise<ErrorInfo | null>;
  unlock: (passphrase: string) => Promise<ErrorInfo | null>;
  unlockWithOs: () => Promise<ErrorInfo | null>;
  recover: (recoveryKey: string, newPassphrase: string) => Promise<ErrorInfo | null>;
  lock: () => Promise<void>;
  changePassphrase: (current: string, next: string) => Promise<ErrorInfo | null>;
  confirmRecoveryKey: () => Promise<ErrorInfo | null>;
  /** A pending recovery key shown earlier (by `obi vault init`), confirmed by typing it in full. */
  confirmRecoveryKeyTyped: (recoveryKey: string) => Promise<ErrorInfo | null>;
  newRecoveryKey: (passphrase: string) => Promise<ErrorInfo | null>;
  /** Key rotation; the new recovery key follows as `freshRecoveryKey`, to be confirmed. */
  rekey: (current: string, next: string) => Promise<ErrorInfo | null>;
  setOsUnlock: (enabled: boolean) => Promise<ErrorInfo | null>;
  /** The core locked (idle, OS lock) or refused because it is locked. */
  lockedByCore: (reason: LockReason) => void;
}

let stopListening: (() => void) | undefined;

export const useSession = create<SessionState>()((set, get) => {
  /** Applies a status answer; a `vault_locked` error anywhere means the lock screen. */
  const apply = (result: Result<VaultStatus>): ErrorInfo | null => {
    if (result.ok) {
      set({ status: result.value });
      return null;
    }
    if (result.error.code === 'vault_locked') get().lockedByCore('system');
    return result.error;
  };

  return {
    loaded: false,
    loadError: null,
    readOnly: false,
    version: '',
    policy: null,
    status: null,
    freshRecoveryKey: null,
    lockReason: null,
    recoveryMode: false,
    firstRun: false,

    setRecoveryMode: (on) => set({ recoveryMode: on }),

    init: async () => {
      const info = await api['app.info']({});
      if (!info.ok) {
        set({ loaded: true, loadError: info.error });
        return;
      }
      if (info.value.readOnly) {
        set({ loaded: true, loadError: null, readOnly: true, version: info.value.version, policy: null, status: null });
        return;
      }
      const status = await api['vault.status']({});
      if (!status.ok) {
        set({ loaded: true, loadError: status.error });
        return;
      }
      set({ loaded: true, loadError: null, readOnly: false, version: info.value.version, policy: info.value.policy, status: status.value });
      stopListening?.();
      stopListening = onCoreEvent((name, payload) => {
        if (name === 'vault.locked') get().lockedByCore(payload.reason);
      });
    },

    refreshStatus: async () => {
      apply(await api['vault.status']({}));
    },

    setup: async (passphrase) => {
      const result = await api['vault.setup']({ passphrase });
      if (!result.ok) return result.error;
      set({ status: result.value.status, freshRecoveryKey: result.value.recoveryKey, lockReason: null, firstRun: true });
      return null;
    },

    unlock: async (passphrase) => {
      const error = apply(await api['vault.unlock']({ passphrase }));
      if (!error) set({ lockReason: null });
      else await get().refreshStatus();
      return error;
    },

    unlockWithOs: async () => {
      const error = apply(await api['vault.unlockWithOs']({}));
      if (!error) set({ lockReason: null });
      return error;
    },

    recover: async (recoveryKey, newPassphrase) => {
      const error = apply(await api['vault.recover']({ recoveryKey, newPassphrase }));
      if (!error) set({ lockReason: null, recoveryMode: false });
      else await get().refreshStatus();
      return error;
    },

    lock: async () => {
      const result = await api['vault.lock']({});
      get().lockedByCore('manual');
      if (result.ok) set({ status: result.value });
    },

    changePassphrase: async (current, next) => apply(await api['vault.changePassphrase']({ current, next })),

    confirmRecoveryKey: async () => {
      const wasFirstRun = get().status?.recoveryKeyPending === true && get().firstRun;
      const error = apply(await api['vault.confirmRecoveryKey']({}));
      if (!error) set({ freshRecoveryKey: null, firstRun: false });
      // On a new workstation the enrolment sheet comes next: its keys must be registered.
      if (!error && wasFirstRun) useNav.getState().go({ name: 'workstation' });
      return error;
    },

    confirmRecoveryKeyTyped: async (recoveryKey) => apply(await api['vault.confirmRecoveryKeyTyped']({ recoveryKey })),

    newRecoveryKey: async (passphrase) => {
      const result = await api['vault.newRecoveryKey']({ passphrase });
      if (!result.ok) return apply(result);
      set({ status: result.value.status, freshRecoveryKey: result.value.recoveryKey });
      return null;
    },

    rekey: async (current, next) => {
      const result = await api['vault.rekey']({ current, next });
      if (!result.ok) return apply(result);
      set({ status: result.value.status, freshRecoveryKey: result.value.recoveryKey });
      return null;
    },

    setOsUnlock: async (enabled) => apply(await api['vault.setOsUnlock']({ enabled })),

    lockedByCore: (reason) => {
      clearAllContent();
      const status = get().status;
      set({
        freshRecoveryKey: null,
        lockReason: reason,
        status: status && status.state === 'unlocked' ? { ...status, state: 'locked', recoveryKeyPending: false } : status,
      });
      void get().refreshStatus();
    },
  };
});
