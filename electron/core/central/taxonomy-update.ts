import type { Policy } from '../../../shared/policy/policy-schema';
import { changesOfUpdate, type UpdateChange } from '../../../shared/taxonomy/update-changes';
import { AppError } from '../app-error';
import { workstationSigningKey } from '../exchange/workstation-keys';
import { checkTaxonomyUpdate, publishTaxonomyUpdate, signTaxonomyFileInVault } from '../taxonomy/sign-taxonomy';
import type { OpenVault } from '../vault/vault';

/**
 * Taxonomy updates are published by the central point: it checks a new version against the one in
 * force on this workstation and signs it with the workstation's own key, whose public part (the
 * `signer` of the enrolment sheet) teams trust as policy `taxonomyKey`.
 */

/** How many changes the check lists; the count says how many there are in all. */
export const listedChanges = 12;

export interface TaxonomyUpdateCheck {
  namespace: string;
  version: number;
  currentVersion: number;
  changes: { count: number; list: UpdateChange[] };
}

function requireCentral(policy: Policy): void {
  if (policy.role !== 'central')
    throw new AppError('invalid_request', 'Only the central point publishes taxonomy updates; this workstation is not one (policy role).');
}

export function checkUpdate(vault: OpenVault, policy: Policy, text: string): TaxonomyUpdateCheck {
  requireCentral(policy);
  const { taxonomy, current } = checkTaxonomyUpdate(vault, text);
  const changes = changesOfUpdate(current, taxonomy);
  return {
    namespace: taxonomy.machinetag.namespace,
    version: taxonomy.machinetag.version,
    currentVersion: current.machinetag.version,
    changes: { count: changes.length, list: changes.slice(0, listedChanges) },
  };
}

/** Signs and saves the update into `dir` (Documents in the app); the paths of the package and its signature. */
export function signUpdate(vault: OpenVault, policy: Policy, text: string, dir: string, now = new Date()): { file: string; signature: string } {
  requireCentral(policy);
  const { file, signature } = publishTaxonomyUpdate(vault, text, workstationSigningKey(vault), dir, now);
  return { file, signature };
}

/** `obi taxonomy sign FILE` without `--key`: signs the file with the workstation's key, `FILE.minisig` beside it. */
export function signUpdateFile(vault: OpenVault, policy: Policy, path: string, now = new Date()): ReturnType<typeof signTaxonomyFileInVault> {
  requireCentral(policy);
  return signTaxonomyFileInVault(vault, path, workstationSigningKey(vault), now);
}
