import { beforeEach, describe, expect, it } from 'vitest';
import type { ObiBridge } from '../../../shared/contract/bridge';
import type { EventName, EventPayloads } from '../../../shared/contract/ipc-contract';

/** A stand-in for the preload's bridge, answering like an unlocked core. */
type Listener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;
const listeners = new Set<Listener>();
const status = (state: string) => ({
  state,
  recoveryKeyPending: false,
  osUnlockAvailable: false,
  osUnlockAllowed: false,
  osUnlockEnabled: false,
  retryAfterMs: 0,
  failedAttempts: 0,
});
let coreState = 'unlocked';
let policyValid = true;
const called: string[] = [];
const answers: Record<string, () => unknown> = {
  'app.info': () => ({
    ok: true,
    value: policyValid
      ? {
          version: '0.1.0',
          readOnly: false,
          policy: { organisation: 'SZW', role: 'officer', language: 'nl', lockAfterMinutes: 10, allowOsKeyWrap: false, warnings: [] },
        }
      : { version: '0.1.0', readOnly: true, policy: null },
  }),
  'vault.status': () => ({ ok: true, value: status(coreState) }),
  'audit.recent': () =>
    coreState === 'unlocked'
      ? { ok: true, value: { entries: [{ seq: 1, at: '2026-11-28T10:00:00.000Z', event: 'vault.created' }] } }
      : { ok: false, error: { code: 'vault_locked', message: 'The vault is locked.' } },
};
const bridge: ObiBridge = {
  call: new Proxy({} as ObiBridge['call'], { get: (_t, channel: string) => () => (called.push(channel), Promise.resolve(answers[channel]?.())) }),
  onEvent: (l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
(globalThis as unknown as { window: unknown }).window = { obi: bridge };

const { useSession } = await import('./session-store');
const { useAudit } = await import('./audit-store');

beforeEach(() => {
  coreState = 'unlocked';
  policyValid = true;
  called.length = 0;
});

describe('renderer start', () => {
  it('enters the read-only state when the machine policy is invalid, without asking about the vault', async () => {
    policyValid = false;
    await useSession.getState().init();
    expect(useSession.getState()).toMatchObject({ loaded: true, readOnly: true, status: null, policy: null });
    expect(called).toEqual(['app.info']);
    policyValid = true;
    await useSession.getState().init();
    expect(useSession.getState()).toMatchObject({ readOnly: false, status: { state: 'unlocked' } });
  });
});

describe('renderer stores on lock', () => {
  it('forget all vault content when the core locks (idle event)', async () => {
    await useSession.getState().init();
    await useAudit.getState().load();
    expect(useAudit.getState().entries).toHaveLength(1);
    coreState = 'locked';
    for (const l of listeners) l('vault.locked', { reason: 'idle' });
    expect(useAudit.getState().entries).toEqual([]);
    expect(useSession.getState()).toMatchObject({ lockReason: 'idle', freshRecoveryKey: null });
    expect(useSession.getState().status?.state).toBe('locked');
  });

  it('treat a vault_locked answer anywhere as a lock', async () => {
    await useSession.getState().init();
    await useAudit.getState().load();
    coreState = 'locked';
    await useAudit.getState().load();
    expect(useAudit.getState().entries).toEqual([]);
    expect(useSession.getState().status?.state).toBe('locked');
  });
});
