import { applyRetention, defaultWarningDays } from './capture/retention';
import type { EventLog } from './logging/event-log';
import type { EffectivePolicy } from './policy/load-policy';
import type { Handlers } from './rpc/dispatch';
import { createHandlers, createReadOnlyHandlers } from './rpc/handlers';
import { VaultSession, type VaultSessionOptions } from './session/vault-session';
import { bringTagsUpToDate } from './taxonomy/import-taxonomy';
import { taggedStoresOf } from './taxonomy/tagged-store';

export type AppCoreOptions = Omit<VaultSessionOptions, 'onUnlocked' | 'policy' | 'log'> & { policy: EffectivePolicy; log: EventLog };

/**
 * The core as the app and the browser harness run it: one vault session and the handlers of the
 * contract. At every unlock, tags follow a newer built-in taxonomy and notes past the retention
 * period go. An invalid machine policy gives the read-only state instead: no session at all.
 */
export function createAppCore(options: AppCoreOptions): { session: VaultSession | null; handlers: Handlers } {
  const { policy, ...sessionOptions } = options;
  if (!policy.ok) return { session: null, handlers: createReadOnlyHandlers(policy) };
  const session = new VaultSession({
    ...sessionOptions,
    policy: policy.policy,
    onUnlocked: (vault) => {
      bringTagsUpToDate(vault, taggedStoresOf(vault));
      applyRetention(vault.db, { retentionMonths: policy.policy.retentionMonths, warningDays: defaultWarningDays }, new Date());
    },
  });
  return { session, handlers: createHandlers({ session, policy }) };
}
