import type { PolicyProblem } from '../../shared/policy/policy-schema';
import { applyRetention, defaultWarningDays } from './capture/retention';
import { createHandlers } from './rpc/handlers';
import type { Handlers } from './rpc/dispatch';
import { VaultSession, type VaultSessionOptions } from './session/vault-session';

/**
 * The core as the app and the browser harness run it: one vault session and the handlers of the
 * contract. Notes past the retention period are removed at every unlock.
 */
export function createAppCore(options: Omit<VaultSessionOptions, 'onUnlocked'> & { policyWarnings: PolicyProblem[] }): {
  session: VaultSession;
  handlers: Handlers;
} {
  const { policyWarnings, ...sessionOptions } = options;
  const session = new VaultSession({
    ...sessionOptions,
    onUnlocked: (vault) => {
      applyRetention(vault.db, { retentionMonths: options.policy.retentionMonths, warningDays: defaultWarningDays }, new Date());
    },
  });
  return { session, handlers: createHandlers({ session, policyWarnings }) };
}
