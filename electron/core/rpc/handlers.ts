import type { PolicyProblem } from '../../../shared/policy/policy-schema';
import { taxonomyView } from '../../../shared/taxonomy/taxonomy-view';
import { appVersion } from '../app-version';
import type { VaultSession } from '../session/vault-session';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { Handlers } from './dispatch';

export interface HandlerContext {
  session: VaultSession;
  policyWarnings: PolicyProblem[];
}

/** The core's answer to every channel of the contract; the compiler insists on each one. */
export function createHandlers({ session, policyWarnings }: HandlerContext): Handlers {
  return {
    'app.info': () => ({
      version: appVersion,
      policy: {
        ...session.policy,
        warnings: policyWarnings.map((w) => `${w.key}: ${w.message}`),
      },
    }),
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
    'taxonomy.get': () => taxonomyView(activeTaxonomy(session.requireVault()).taxonomy),
  };
}
