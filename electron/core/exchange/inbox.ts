import { readOfficerBundle } from '../../../shared/exchange/stix/officer-bundle';
import { readReturnedBundle } from '../../../shared/exchange/stix/returned-bundle';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Policy } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import { enrolledTeams, takeInTeamBundle } from '../central/central-intake';
import { CentralStore } from '../central/central-store';
import type { CaptureDeps } from '../capture/capture-ports';
import { kindText } from '../platform/read-bounded';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { InboxEntry, Transport } from '../transport/transport';
import type { OpenVault } from '../vault/vault';
import { applyStatuses } from './apply-statuses';
import { maxBundleFileBytes } from './bundle-size';
import { openBundle, signedFileId, verifyBundleSignature, type TrustedSigner } from './envelope';
import { storeIncoming } from './four-eyes-review';
import { contentKey, InboxMemoryStore, listingKey, type Remembered } from './inbox-memory-store';
import { LedgerStore } from './ledger-store';
import { workstationAgeIdentity } from './workstation-keys';

export interface InboxResult {
  file: string;
  outcome: 'imported' | 'refused' | 'skipped';
  /** An error code for a refusal; for a skip why it was left alone. */
  reason?: string;
  message?: string;
  signals?: number;
}

/** Where bundles are read from: the transport's inbox, or files named on the command line. */
export type InboxSource = Pick<Transport, 'list' | 'read' | 'settle'>;

/** Failures of the way in, not of the file: the entry is tried again at the next read. */
const transient: ReadonlySet<ErrorCode> = new Set([
  'io_error',
  'server_unreachable',
  'server_error',
  'not_allowed',
  'certificate_refused',
  'client_certificate_refused',
  'internal',
]);

function trustedFor(policy: Policy): { signers: TrustedSigner[]; list: string; kind: 'officer' | 'returned' | 'team' } {
  if (policy.role === 'central') return { signers: enrolledTeams(policy).map((t) => ({ name: t.name, signer: t.signer })), list: 'policy teams', kind: 'team' };
  if (policy.role === 'teamlead') {
    if (!policy.team) throw new AppError('policy_invalid', 'The policy names no team (team), so no officer bundle can be trusted.');
    return { signers: policy.team.map((m) => ({ name: m.name, signer: m.signer })), list: 'policy team', kind: 'officer' };
  }
  if (!policy.teamLead) throw new AppError('policy_invalid', 'The policy names no team lead (teamLead), so no returned bundle can be trusted.');
  return { signers: [{ name: 'team lead', signer: policy.teamLead.signer }], list: 'policy teamLead', kind: 'returned' };
}

const rememberedResult = (file: string, known: Remembered): InboxResult =>
  known.outcome === 'refused'
    ? { file, outcome: 'skipped', reason: 'refused_before' }
    : { file, outcome: 'skipped', reason: known.outcome === 'imported' ? 'seen' : known.reason };

/**
 * Takes in bundles: the team lead officer bundles from the team, the officer returned bundles from
 * the team lead, the central point team bundles from the enrolled teams (central-intake.ts). Each entry is handled on its own: one that is not a regular file, too large,
 * unsigned, signed by a stranger or damaged is refused with its reason and never stops the others.
 * A bundle is verified (signature against policy), decrypted and checked before anything is stored;
 * a refused one leaves nothing behind but an audit entry. Read from the inbox (`fromInbox`), an
 * entry decided before is not read again, a bundle seen before (also under another name: its
 * signed id tells) is skipped quietly, bundles for someone else in a shared folder are skipped, and
 * an imported entry leaves the inbox. Named explicitly, every file is read and a replay is refused.
 */
export async function importBundles(
  vault: OpenVault,
  policy: Policy,
  deps: CaptureDeps,
  source: InboxSource,
  fromInbox: boolean,
  now = new Date(),
): Promise<InboxResult[]> {
  const { signers, list, kind } = trustedFor(policy);
  const identity = workstationAgeIdentity(vault);
  const trust = { trustedSigners: signers, signerList: list };
  const memory = new InboxMemoryStore(vault);
  const ledger = new LedgerStore(vault);
  const central = new CentralStore(vault);

  async function takeIn(entry: InboxEntry, keys: string[]): Promise<InboxResult> {
    const name = entry.name;
    if (entry.kind !== 'file') throw new AppError('not_a_file', `The entry ${name} ${kindText[entry.kind]}; only regular files are read.`);
    if (entry.size !== null && entry.size > maxBundleFileBytes)
      throw new AppError('file_too_large', `The bundle ${name} is larger than ${maxBundleFileBytes} bytes; it is not read.`);
    const content = await source.read(entry, maxBundleFileBytes);
    const byContent = contentKey(content.bytes, content.signature);
    keys.push(byContent);
    if (fromInbox) {
      const known = memory.recall([byContent], now);
      if (known) {
        memory.remember(keys, known, now);
        return rememberedResult(name, known);
      }
    }
    const file = { name, bytes: content.bytes, signature: content.signature };
    const signedId = signedFileId(verifyBundleSignature(file, trust).trustedComment);
    if (fromInbox && signedId && (ledger.hasIncoming(signedId) || central.hasReport(signedId))) {
      memory.remember(keys, { outcome: 'skipped', reason: 'seen' }, now);
      await source.settle(entry).catch(() => undefined);
      return { file: name, outcome: 'skipped', reason: 'seen' };
    }
    const opened = await openBundle(file, { identity, ...trust });
    const manifest = opened.payload.manifest;
    if (manifest.kind !== kind)
      throw new AppError('bundle_invalid', `This is a ${manifest.kind} bundle; this workstation takes ${kind} bundles.`, { field: 'manifest.kind' });
    // openBundle names the trusted signer whose key verified the signature.
    const signerName = opened.signer;
    const signerKey = signers.find((s) => s.name === signerName)!.signer;
    let signals: number;
    if (kind === 'team') {
      takeInTeamBundle(vault, policy, { payload: opened.payload, team: signerName, taxonomy: activeTaxonomy(vault).taxonomy, now });
      signals = manifest.counts.signals;
    } else if (kind === 'officer') {
      const read = readOfficerBundle(opened.payload);
      if (!read.ok)
        throw new AppError('bundle_invalid', `The bundle is not valid: ${read.problem.path}: ${read.problem.message}.`, { field: read.problem.path });
      signals = storeIncoming(vault, {
        id: manifest.id,
        kind,
        signer: signerKey,
        signerName,
        payload: opened.text,
        auditHead: manifest.auditHead,
        signals: read.value.map((s) => ({
          signalRef: s.signalRef,
          conversation: s.conversation,
          summary: s.summary,
          tags: s.tags,
          date: s.meetingDate,
          municipality: s.municipality,
          province: s.province,
          urgent: s.urgent === true,
        })),
      });
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
      signals = read.value.length;
    }
    if (fromInbox) {
      memory.remember(keys, { outcome: 'imported', reason: 'imported' }, now);
      // Moving it aside may fail on a read-only share; the memory and the signed id keep it from being taken in twice.
      await source.settle(entry).catch(() => undefined);
    }
    return { file: name, outcome: 'imported', signals };
  }

  const results: InboxResult[] = [];
  if (fromInbox) memory.forgetOld(now);
  for (const entry of await source.list()) {
    const keys = [listingKey(entry.listing)];
    if (fromInbox) {
      const known = memory.recall(keys, now);
      if (known) {
        results.push(rememberedResult(entry.name, known));
        continue;
      }
    }
    try {
      results.push(await takeIn(entry, keys));
    } catch (e) {
      const error = e instanceof AppError ? e : new AppError('internal', `The bundle ${entry.name} could not be read.`);
      if (fromInbox && error.code === 'bundle_not_for_us') {
        memory.remember(keys, { outcome: 'skipped', reason: 'not_for_us' }, now);
        results.push({ file: entry.name, outcome: 'skipped', reason: 'not_for_us' });
        continue;
      }
      if (!transient.has(error.code)) {
        vault.audit('bundle.refused', { reason: error.code });
        if (fromInbox) memory.remember(keys, { outcome: 'refused', reason: error.code }, now);
      }
      results.push({ file: entry.name, outcome: 'refused', reason: error.code, message: error.message });
    }
  }
  return results;
}
