import { channels, type Channel } from '../../../shared/contract/ipc-contract';
import type { Policy } from '../../../shared/policy/policy-schema';
import { appVersion } from '../app-version';
import type { EffectivePolicy } from '../policy/load-policy';
import { effectivePolicyView, policyInvalidError } from '../policy/read-only';
import type { VaultSession } from '../session/vault-session';
import type { Handlers } from './dispatch';

export interface HandlerContext {
  session: VaultSession;
  policy: Extract<EffectivePolicy, { ok: true }>;
}

const policySummary = (policy: Policy, warnings: EffectivePolicy['warnings']) => ({
  ...policy,
  warnings: warnings.map((w) => `${w.key}: ${w.message}`),
});

/** The core's answer to every channel of the contract; the compiler insists on each one. */
export function createHandlers({ session, policy }: HandlerContext): Handlers {
  return {
    'app.info': () => ({ version: appVersion, readOnly: false, policy: policySummary(policy.policy, policy.warnings) }),
    'policy.effective': () => effectivePolicyView(policy),
    'vault.status': () => session.status(),
    'vault.setup': ({ passphrase }) => session.setup(passphrase),
    'vault.confirmRecoveryKey': () => session.confirmRecoveryKey(),
    'vault.newRecoveryKey': ({ passphrase }) => session.newRecoveryKey(passphrase),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.recover': ({ recoveryKey, newPassphrase }) => session.recover(recoveryKey, newPassphrase),
    'vault.unlockWithOs': () => session.unlockWithOs(),
    'vault.setOsUnlock': ({ enabled }) => session.setOsUnlock(enabled),
    'vault.lock': () => session.lock('manual'),
    'vault.changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    'session.activity': () => {
      session.touch();
      return {};
    },
    'audit.recent': ({ limit }) => ({
      entries: session
        .requireVault()
        .recentAudit(limit)
        .map(({ seq, at, event }) => ({ seq, at, event })),
    }),
  };
}

/**
 * The handlers of the read-only state (invalid machine policy): every channel but the two that
 * describe the state refuses with `policy_invalid`, including channels added later, so the vault
 * is neither opened nor changed and nothing is exported.
 */
export function createReadOnlyHandlers(policy: Extract<EffectivePolicy, { ok: false }>): Handlers {
  const refuse = () => {
    throw policyInvalidError(policy);
  };
  // Only these describe the state; they read nothing of the vault.
  const describing: Partial<Handlers> = {
    'app.info': () => ({ version: appVersion, readOnly: true, policy: null }),
    'policy.effective': () => effectivePolicyView(policy),
  };
  return Object.fromEntries(channels.map((c: Channel) => [c, describing[c] ?? refuse])) as Handlers;
}
