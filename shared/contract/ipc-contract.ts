import { z } from 'zod';

/**
 * The one IPC surface of the app: channel → request schema → response schema. Main (and the
 * browser harness) validate every request against it at runtime; the preload builds its bridge
 * from its keys; the renderer's client is typed from it. Adding a channel is one entry here plus
 * its handler, which the compiler then demands.
 */

const passphraseNew = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(1024, 'must be at most 1024 characters');
// Unlocking never tells which rule a guess broke; it only bounds the size.
const passphraseAny = z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters');
const recoveryKeyText = z.string().min(1, 'is required').max(200, 'is too long');
const empty = z.strictObject({});

export const vaultState = z.enum(['uninitialised', 'locked', 'unlocked']);

export const vaultStatus = z.object({
  state: vaultState,
  /** True while the recovery key shown at setup has not been confirmed by the user. */
  recoveryKeyPending: z.boolean(),
  /** An OS-wrapped key slot exists and the OS can currently unwrap keys. */
  osUnlockAvailable: z.boolean(),
  /** Policy allows an OS-wrapped slot and the OS offers one. */
  osUnlockAllowed: z.boolean(),
  osUnlockEnabled: z.boolean(),
  /** Milliseconds until the next unlock attempt is accepted (0 when allowed now). */
  retryAfterMs: z.number().int().nonnegative(),
  failedAttempts: z.number().int().nonnegative(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const policyView = z.object({
  organisation: z.string(),
  role: z.string(),
  language: z.enum(['nl', 'en']),
  lockAfterMinutes: z.number(),
  allowOsKeyWrap: z.boolean(),
  warnings: z.array(z.string()),
});
export type PolicyView = z.infer<typeof policyView>;

/** Where a policy value came from (see electron/core/policy/policy-sources.ts). */
export const policyOrigin = z.enum(['registry', 'machine-file', 'dev-file', 'default']);

/**
 * The effective machine policy as the app shows it: each valid key with its value (as JSON text)
 * and origin, and, when the policy is invalid, each wrong key with what is wrong.
 */
export const effectivePolicyView = z.object({
  valid: z.boolean(),
  entries: z.array(z.object({ key: z.string(), value: z.string(), origin: policyOrigin })),
  problems: z.array(z.object({ key: z.string(), message: z.string(), source: policyOrigin.nullable() })),
  warnings: z.array(z.object({ key: z.string(), message: z.string() })),
});
export type EffectivePolicyView = z.infer<typeof effectivePolicyView>;

export const auditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  event: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const contract = {
  'app.info': {
    request: empty,
    /**
     * `readOnly`: the machine policy is invalid; the app shows which key is wrong, leaves the vault
     * closed and exports nothing. `policy` is null then.
     */
    response: z.object({ version: z.string(), readOnly: z.boolean(), policy: policyView.nullable() }),
  },
  'policy.effective': { request: empty, response: effectivePolicyView },
  'vault.status': { request: empty, response: vaultStatus },
  'vault.setup': {
    request: z.strictObject({ passphrase: passphraseNew }),
    response: z.object({ recoveryKey: z.string(), status: vaultStatus }),
  },
  'vault.confirmRecoveryKey': { request: empty, response: vaultStatus },
  'vault.newRecoveryKey': {
    request: z.strictObject({ passphrase: passphraseAny }),
    response: z.object({ recoveryKey: z.string(), status: vaultStatus }),
  },
  'vault.unlock': { request: z.strictObject({ passphrase: passphraseAny }), response: vaultStatus },
  'vault.recover': {
    request: z.strictObject({ recoveryKey: recoveryKeyText, newPassphrase: passphraseNew }),
    response: vaultStatus,
  },
  'vault.unlockWithOs': { request: empty, response: vaultStatus },
  'vault.setOsUnlock': { request: z.strictObject({ enabled: z.boolean() }), response: vaultStatus },
  'vault.lock': { request: empty, response: vaultStatus },
  'vault.changePassphrase': {
    request: z.strictObject({ current: passphraseAny, next: passphraseNew }),
    response: vaultStatus,
  },
  'session.activity': { request: empty, response: z.object({}) },
  'audit.recent': {
    request: z.strictObject({ limit: z.number().int().min(1).max(200) }),
    response: z.object({ entries: z.array(auditEntryView) }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.freeze(Object.keys(contract)) as readonly Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/** Prefix of every IPC channel name on the wire; main refuses anything else. */
export const channelPrefix = 'obi:';

/** Events pushed from the core to the UI. */
export const eventNames = ['vault.locked'] as const;
export type EventName = (typeof eventNames)[number];
export interface EventPayloads {
  'vault.locked': { reason: 'idle' | 'manual' | 'system' };
}
export const eventChannel = 'obi:event';
