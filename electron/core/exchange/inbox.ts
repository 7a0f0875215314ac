import { basename } from 'node:path';
import { readOfficerBundle } from '../../../shared/exchange/stix/officer-bundle';
import { readReturnedBundle } from '../../../shared/exchange/stix/returned-bundle';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import type { CaptureDeps } from '../capture/capture-ports';
import type { OpenVault } from '../vault/vault';
import { applyStatuses } from './apply-statuses';
import { openBundleFile, type TrustedSigner } from './envelope';
import { LedgerStore } from './ledger-store';
import { storeIncoming } from './four-eyes-review';
import { workstationAgeIdentity } from './workstation-keys';

export interface InboxResult {
  file: string;
  outcome: 'imported' | 'refused' | 'skipped';
  /** An error code for a refusal; for a skip why it was left alone. */
  reason?: string;
  message?: string;
  signals?: number;
}

/** Bundles of at most 16 MiB are read: far above any real bundle, far below what would hurt. */
const maxBytes = 16 * 1024 * 1024;

const idFromName = (file: string) => basename(file).replace(/\.age$/, '');

function trustedFor(policy: Policy): { signers: TrustedSigner[]; list: string; kind: 'officer' | 'returned' } {
  if (policy.role === 'teamlead') {
    if (!policy.team) throw new AppError('policy_invalid', 'The policy names no team (team), so no officer bundle can be trusted.');
    return { signers: policy.team.map((m) => ({ name: m.name, signer: m.signer })), list: 'policy team', kind: 'officer' };
  }
  if (!policy.teamLead) throw new AppError('policy_invalid', 'The policy names no team lead (teamLead), so no returned bundle can be trusted.');
  return { signers: [{ name: 'team lead', signer: policy.teamLead.signer }], list: 'policy teamLead', kind: 'returned' };
}

/**
 * Takes in bundles: the team lead officer bundles from the team, the officer returned bundles from
 * the team lead. Each file is verified (signature against policy), decrypted and checked before
 * anything is stored; a refused file leaves nothing behind and is reported with its reason. A
 * bundle seen before is refused as a replay when named explicitly, and skipped quietly when the
 * inbox folder is read again. In a shared folder, bundles for someone else are skipped.
 */
export async function importBundles(
  vault: OpenVault,
  policy: Policy,
  deps: CaptureDeps,
  files: readonly string[],
  fromFolder: boolean,
): Promise<InboxResult[]> {
  const { signers, list, kind } = trustedFor(policy);
  const identity = workstationAgeIdentity(vault);
  const ledger = new LedgerStore(vault);
  const results: InboxResult[] = [];
  for (const file of files) {
    const name = basename(file);
    if (fromFolder && ledger.hasIncoming(idFromName(file))) {
      results.push({ file: name, outcome: 'skipped', reason: 'seen' });
      continue;
    }
    try {
      const opened = await openBundleFile(file, { identity, trustedSigners: signers, signerList: list, maxBytes });
      const manifest = opened.payload.manifest;
      if (manifest.kind !== kind)
        throw new AppError('bundle_invalid', `This is a ${manifest.kind} bundle; this workstation takes ${kind} bundles.`, { field: 'manifest.kind' });
      // openBundleFile names the trusted signer whose key verified the signature.
      const signerName = opened.signer;
      const signerKey = signers.find((s) => s.name === signerName)!.signer;
      if (kind === 'officer') {
        const read = readOfficerBundle(opened.payload);
        if (!read.ok)
          throw new AppError('bundle_invalid', `The bundle is not valid: ${read.problem.path}: ${read.problem.message}.`, { field: read.problem.path });
        const n = storeIncoming(vault, {
          id: manifest.id,
          kind,
          signer: signerKey,
          signerName,
          payload: opened.text,
          signals: read.value.map((s) => ({
            signalRef: s.signalRef,
            summary: s.summary,
            tags: s.tags,
            date: s.meetingDate,
            municipality: s.municipality,
            province: s.province,
          })),
        });
        results.push({ file: name, outcome: 'imported', signals: n });
      } else {
        const read = readReturnedBundle(opened.payload);
        if (!read.ok)
          throw new AppError('bundle_invalid', `The bundle is not valid: ${read.problem.path}: ${read.problem.message}.`, { field: read.problem.path });
        vault.transaction(() => {
          if (ledger.hasIncoming(manifest.id)) {
            throw new AppError('bundle_replayed', 'This bundle was imported before; it is not taken in twice.');
          }
          ledger.insertIncoming({ id: manifest.id, kind, signer: signerKey, signerName, payload: opened.text }, new Date().toISOString());
          const applied = applyStatuses(vault, deps, read.value);
          vault.audit('bundle.received', { bundle: manifest.id, kind, signals: applied.applied });
        });
        results.push({ file: name, outcome: 'imported', signals: read.value.length });
      }
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (fromFolder && e.code === 'bundle_not_for_us') {
        results.push({ file: name, outcome: 'skipped', reason: 'not_for_us' });
        continue;
      }
      vault.audit('bundle.refused', { reason: e.code });
      results.push({ file: name, outcome: 'refused', reason: e.code, message: e.message });
    }
  }
  return results;
}
