import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import { appVersion } from '../app-version';
import { writeFileAtomic } from '../platform/atomic-write';
import type { OpenVault } from '../vault/vault';
import { workstationKeys } from './workstation-keys';

/**
 * The enrolment sheet: what the team lead or the central point needs to register this workstation
 * — organisation, role, public keys and the fingerprint to read out over the phone. Public data
 * only; the policy line can be pasted into the other side's policy as it is.
 */
export function enrolmentSheet(vault: OpenVault, policy: Policy, now = new Date()): string {
  const keys = workstationKeys(vault);
  if (!keys) throw new AppError('keys_missing', 'This workstation has no keys yet.');
  const line = JSON.stringify({ signer: keys.signer, recipient: keys.recipient });
  return [
    'OBI Werkplek — aanmeldformulier werkplek / workstation enrolment sheet',
    '',
    `Organisatie / organisation:   ${policy.organisation}`,
    `Rol / role:                   ${policy.role}`,
    `Datum / date:                 ${now.toISOString().slice(0, 10)}`,
    `Versie / version:             ${appVersion}`,
    '',
    `Ondertekensleutel / signer (minisign):  ${keys.signer}`,
    `Ontvanger / recipient (age):            ${keys.recipient}`,
    `Vingerafdruk / fingerprint:             ${keys.fingerprint}`,
    '',
    'Voor het beleid van de teamleider (team) of de contactfunctionaris (teamLead):',
    'For the policy of the team lead (team) or the officer (teamLead):',
    line,
    '',
    'Controleer de vingerafdruk telefonisch voordat u de sleutels opneemt.',
    'Check the fingerprint by phone before you register the keys.',
    '',
  ].join('\n');
}

/** Saves the sheet as a text file in `dir` and returns its path. */
export function saveEnrolmentSheet(vault: OpenVault, policy: Policy, dir: string, now = new Date()): string {
  const path = join(dir, `obi-werkplek-enrolment-${policy.organisation}-${policy.role}-${now.toISOString().slice(0, 10)}.txt`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path, enrolmentSheet(vault, policy, now), 0o644);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('io_error', 'The enrolment sheet could not be saved.');
  }
  return path;
}
