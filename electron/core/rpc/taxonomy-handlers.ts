import type { Policy } from '../../../shared/policy/policy-schema';
import { checkUpdate, signUpdate } from '../central/taxonomy-update';
import type { OpenVault } from '../vault/vault';
import type { Handlers } from './dispatch';

/** The central point's taxonomy updates: check a package, then sign it and save it into Documents. */
export function taxonomyUpdateHandlers(
  vault: () => OpenVault,
  policy: Policy,
  documentsDir: (v: OpenVault) => string,
): Pick<Handlers, 'taxonomy.checkUpdate' | 'taxonomy.signUpdate'> {
  return {
    'taxonomy.checkUpdate': ({ text }) => checkUpdate(vault(), policy, text),
    'taxonomy.signUpdate': ({ text }) => {
      const v = vault();
      return signUpdate(v, policy, text, documentsDir(v));
    },
  };
}
