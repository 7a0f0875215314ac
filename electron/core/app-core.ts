import type { PolicyProblem } from '../../shared/policy/policy-schema';
import { applyRetention, defaultWarningDays } from './capture/retention';
import { createHandlers } from './rpc/handlers';
import type { Handlers } from './rpc/dispatch';
import { VaultSession, type VaultSessionOptions } from './session/vault-session';
import { bringTagsUpToDate } from './taxonomy/import-taxonomy';
import { taggedStoresOf } from './taxonomy/tagged-store';

/**
 * The core as the app and the browser harness run it: one vault session and the handlers of the
 * contract. At every unlock, tags follow a newer built-in taxonomy and notes past the retention period go.
 */
export function createAppCore(options: Omit<VaultSessionOptions, 'onUnlocked'> & { policyWarnings: PolicyProblem[] }): {
  session: VaultSession;
  handlers: Handlers;
} {
  const { policyWarnings, ...sessionOptions } = options;
  const session = new VaultSession({
    ...sessionOptions,
    onUnlocked: (vault) => {
      // A newer built-in taxonomy (after an update of the app) migrates the vault's tags first.
      bringTagsUpToDate(vault, taggedStoresOf(vault));
      applyRetention(vault.db, { retentionMonths: options.policy.retentionMonths, warningDays: defaultWarningDays }, new Date());
    },
  });
  return { session, handlers: createHandlers({ session, policyWarnings }) };
}
