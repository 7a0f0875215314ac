import { z } from 'zod';
import { errorCodes } from '../../../shared/contract/errors';
import { channels } from '../../../shared/contract/ipc-contract';
import { policyKeyNames } from '../../../shared/policy/policy-schema';
import { policySourceKinds } from '../../../shared/policy/policy-sources';
import { lockReasons } from '../../../shared/vault/lock-reason';

/**
 * Every event the log may hold, with the fields it may carry. There is no free-text field: a
 * string is an enum or matches a strict pattern, so neither note text nor a name, a key or a
 * passphrase can be written, even by a caller that casts its way past the types. Adding an event
 * is one entry here.
 */
const count = z.number().int().nonnegative();
const code = z.enum(errorCodes);
const unlockMethod = z.enum(['passphrase', 'recovery-key', 'os']);
const lockReason = z.enum(lockReasons);
const version = z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9a-z.]{1,20})?$/);
/** Problems name a policy key or one of the markers for a whole source. */
const policyProblemKey = z.enum([...policyKeyNames, '(file)', '(registry)', '(policy)', '(root)']);
/** A command path such as `vault backup`: lower-case words only, checked against the program. */
const commandPath = z.string().regex(/^[a-z]{1,20}( [a-z]{1,20}){0,2}$/);
/** Built-in error classes only; anything else is `other`, since a class name could be made up. */
export const knownErrorClasses = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'SqliteError', 'ZodError'] as const;

export const logEvents = {
  'app.started': z.strictObject({ version, platform: z.enum(['win32', 'linux', 'darwin', 'other']), packaged: z.boolean(), devBuild: z.boolean() }),
  'app.refused': z.strictObject({ reason: z.enum(['sqlcipher_missing']) }),
  'policy.loaded': z.strictObject({
    valid: z.boolean(),
    sources: z.array(z.enum(policySourceKinds)),
    problemKeys: z.array(policyProblemKey),
    warnings: count,
  }),
  'vault.created': z.strictObject({}),
  'vault.unlocked': z.strictObject({ method: unlockMethod, failedAttempts: count }),
  'vault.unlock_failed': z.strictObject({ method: unlockMethod, code, failedAttempts: count }),
  'vault.locked': z.strictObject({ reason: lockReason }),
  'vault.passphrase_changed': z.strictObject({}),
  'vault.passphrase_refused': z.strictObject({
    action: z.enum(['change-passphrase', 'new-recovery-key', 'rekey', 'confirm-recovery-key']),
    failedAttempts: count,
  }),
  'vault.rekeyed': z.strictObject({}),
  'vault.recovery_key_confirmed': z.strictObject({}),
  'vault.recovery_key_replaced': z.strictObject({}),
  'vault.os_unlock_changed': z.strictObject({ enabled: z.boolean() }),
  'vault.backup_written': z.strictObject({ bytes: count }),
  /** Linux: which D-Bus sources lock the vault with the desktop (none: only the idle lock). */
  'desktop_lock.watching': z.strictObject({ sources: z.array(z.enum(['logind', 'screensaver'])) }),
  'vault.restored': z.strictObject({}),
  'keys.created': z.strictObject({}),
  /** Bundle ids are random UUIDs: they say which bundle, nothing of what it holds. */
  'send.prepared': z.strictObject({ bundle: z.uuid(), kind: z.enum(['officer', 'team', 'returned']) }),
  'send.delivered': z.strictObject({ files: count, failures: count }),
  'send.failed': z.strictObject({ code: z.enum([...errorCodes, 'internal']) }),
  'inbox.read': z.strictObject({ imported: count, refused: count }),
  /** A transport failed as a whole: the share or server, not one file. The code says how (server_unreachable, certificate_refused, …). */
  'transport.failed': z.strictObject({ step: z.enum(['deliver', 'inbox']), code }),
  'rpc.failed': z.strictObject({ channel: z.enum(channels as [string, ...string[]]), code, errorClass: z.enum([...knownErrorClasses, 'other']).optional() }),
  'rpc.refused': z.strictObject({ reason: z.enum(['unknown_channel', 'untrusted_sender']) }),
  'cli.failed': z.strictObject({ command: commandPath.optional(), code: z.enum([...errorCodes, 'unexpected']) }),
  'update.decided': z.strictObject({
    check: z.boolean(),
    reason: z.enum(['policy_off', 'development', 'policy_invalid', 'unsigned_build', 'platform', 'enabled']),
  }),
  'update.result': z.strictObject({ outcome: z.enum(['up_to_date', 'declined', 'install_on_quit', 'restarting']) }),
  'update.failed': z.strictObject({ stage: z.enum(['check', 'download', 'install']) }),
  'diag.written': z.strictObject({ bytes: count }),
  /** Written instead of an event whose name or fields did not pass the table above. */
  'log.rejected': z.strictObject({
    rejected: z
      .string()
      .regex(/^[a-z]{1,20}\.[a-z_]{1,40}$/)
      .optional(),
  }),
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type LogEventName = keyof typeof logEvents;
export type LogFields<E extends LogEventName> = z.input<(typeof logEvents)[E]>;

export const isLogEventName = (name: string): name is LogEventName => Object.hasOwn(logEvents, name);

/** The error class of something thrown, limited to the built-in names. */
export function errorClassOf(e: unknown): (typeof knownErrorClasses)[number] | 'other' {
  const name = e instanceof Error ? e.constructor.name : '';
  return (knownErrorClasses as readonly string[]).includes(name) ? (name as (typeof knownErrorClasses)[number]) : 'other';
}
