import { migrateTags, tagsWithoutSuccessor } from '../../../shared/taxonomy/migrate-tags';
import { formatPackageProblems, parseTaxonomyPackage } from '../../../shared/taxonomy/parse-taxonomy-package';
import type { TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { AppError } from '../app-error';
import { parsePublicKey } from '../crypto/minisign';
import { readSignedFile, verifySignedFile } from '../crypto/signed-file';
import { fileLimits } from '../platform/file-limits';
import type { OpenVault } from '../vault/vault';
import { activeTaxonomy, taxonomyMetaKeys } from './active-taxonomy';
import type { TaggedStore } from './tagged-records';

const { what, maxBytes } = fileLimits.taxonomyFile;

export interface CheckedTaxonomy {
  taxonomy: TaxonomyPackage;
  text: string;
  signature: string;
  /** Key id of the signer, as minisign prints it. */
  keyId: string;
  trustedComment: string;
}

/**
 * Checks a package's bytes as a newer version of `current`: valid UTF-8 JSON, a valid package,
 * newer, and saying where every value of `current` that it drops has gone. The import checks this
 * after the signature; the central point before it signs, so it never signs what teams refuse.
 */
export function checkNewerPackage(bytes: Uint8Array, current: TaxonomyPackage): { taxonomy: TaxonomyPackage; text: string } {
  let raw: unknown;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    raw = JSON.parse(text);
  } catch {
    throw new AppError('taxonomy_invalid', 'The taxonomy file is not valid UTF-8 JSON.');
  }
  const parsed = parseTaxonomyPackage(raw);
  if (!parsed.ok) {
    throw new AppError('taxonomy_invalid', `The taxonomy file is not valid: ${formatPackageProblems(parsed.problems)}.`, { field: parsed.problems[0]!.path });
  }
  const next = parsed.taxonomy.machinetag.version;
  const now = current.machinetag.version;
  if (next <= now) {
    throw new AppError('taxonomy_not_newer', `The taxonomy file has version ${next} and version ${now} is in use; only a newer version is imported.`);
  }
  const dropped = tagsWithoutSuccessor(current, parsed.taxonomy);
  if (dropped.length > 0) {
    const more = dropped.length > 3 ? ` and ${dropped.length - 3} more` : '';
    throw new AppError(
      'taxonomy_invalid',
      `Version ${next} drops values of version ${now} without saying whether they were renamed, merged or retired: ${dropped.slice(0, 3).join(', ')}${more}.`,
      { field: 'changes' },
    );
  }
  return { taxonomy: parsed.taxonomy, text };
}

/**
 * Checks a taxonomy file and the signature beside it, in the order that trusts the least: the
 * policy must name the central point's key, the file must be signed by that key and unchanged,
 * then it must pass checkNewerPackage. Any failure is an AppError with the reason; nothing is changed.
 */
export function checkTaxonomyFile(path: string, taxonomyKey: string | undefined, current: TaxonomyPackage): CheckedTaxonomy {
  if (!taxonomyKey) {
    throw new AppError(
      'taxonomy_key_missing',
      "The policy has no taxonomyKey: a new taxonomy is only imported when policy names the central point's signing key.",
    );
  }
  const key = parsePublicKey(taxonomyKey);
  const file = readSignedFile(path, maxBytes, what);
  const { keyId, trustedComment } = verifySignedFile(file, key, what);
  const { taxonomy, text } = checkNewerPackage(file.bytes, current);
  return { taxonomy, text, signature: file.signature, keyId, trustedComment };
}

interface PlannedMigration {
  store: TaggedStore;
  id: string;
  fromVersion: number;
  result: ReturnType<typeof migrateTags>;
}

function planMigration(stores: readonly TaggedStore[], taxonomy: TaxonomyPackage): PlannedMigration[] {
  return stores.flatMap((store) =>
    store
      .listTagged()
      .filter((r) => r.taxonomyVersion < taxonomy.machinetag.version)
      .map((r) => ({ store, id: r.id, fromVersion: r.taxonomyVersion, result: migrateTags(r.tags, r.taxonomyVersion, taxonomy) })),
  );
}

/** Writes the planned tags and one audit entry per changed tag; the caller holds the transaction. */
function applyMigration(vault: OpenVault, plan: PlannedMigration[]): void {
  for (const { store, id, fromVersion, result } of plan) {
    store.replaceTags(id, result.tags, result.version);
    for (const change of result.changes) {
      vault.audit('taxonomy.tag_migrated', {
        record: store.kind,
        id,
        kind: change.kind,
        from: change.from,
        to: JSON.stringify(change.to),
        taggedWith: fromVersion,
        version: change.version,
      });
    }
  }
}

export interface TaxonomyMigrationSummary {
  /** Records whose tags were brought to the new version. */
  records: number;
  /** Tags renamed, merged or retired across those records. */
  tagChanges: number;
}

const summarise = (plan: PlannedMigration[]): TaxonomyMigrationSummary => ({
  records: plan.length,
  tagChanges: plan.reduce((n, p) => n + p.result.changes.length, 0),
});

export interface TaxonomyImport extends TaxonomyMigrationSummary {
  version: number;
  previousVersion: number;
  keyId: string;
}

/**
 * Imports a signed, newer taxonomy into the vault and migrates every tagged record to it, all in
 * one transaction with its audit entries: afterwards either everything changed or nothing did.
 * A refused file leaves the current taxonomy in force.
 */
export function importTaxonomy(
  vault: OpenVault,
  stores: readonly TaggedStore[],
  path: string,
  taxonomyKey: string | undefined,
  builtin?: TaxonomyPackage,
): TaxonomyImport {
  const current = activeTaxonomy(vault, builtin).taxonomy;
  const checked = checkTaxonomyFile(path, taxonomyKey, current);
  const version = checked.taxonomy.machinetag.version;
  const previousVersion = current.machinetag.version;
  return vault.transaction(() => {
    const plan = planMigration(stores, checked.taxonomy);
    const summary = summarise(plan);
    vault.setMeta(taxonomyMetaKeys.package, checked.text);
    vault.setMeta(taxonomyMetaKeys.signature, checked.signature);
    vault.audit('taxonomy.imported', { version, previousVersion, signer: checked.keyId, ...summary });
    applyMigration(vault, plan);
    vault.setMeta(taxonomyMetaKeys.recordsVersion, String(version));
    return { version, previousVersion, keyId: checked.keyId, ...summary };
  });
}

/**
 * Migrates records still tagged with an older version to the taxonomy in force. An import does
 * this itself; call it after unlocking so that a newer taxonomy shipped with an app update reaches
 * the records too. Records are only read when the version in force changed since the last run.
 */
export function bringTagsUpToDate(vault: OpenVault, stores: readonly TaggedStore[], builtin?: TaxonomyPackage): TaxonomyMigrationSummary {
  const { taxonomy } = activeTaxonomy(vault, builtin);
  const version = String(taxonomy.machinetag.version);
  if (vault.getMeta(taxonomyMetaKeys.recordsVersion) === version) return { records: 0, tagChanges: 0 };
  return vault.transaction(() => {
    const plan = planMigration(stores, taxonomy);
    applyMigration(vault, plan);
    vault.setMeta(taxonomyMetaKeys.recordsVersion, version);
    return summarise(plan);
  });
}
