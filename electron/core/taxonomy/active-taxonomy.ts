import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { parseTaxonomyPackage } from '../../../shared/taxonomy/parse-taxonomy-package';
import type { TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { AppError } from '../app-error';
import { parsePublicKey, verify } from '../crypto/minisign';
import type { OpenVault } from '../vault/vault';

/**
 * What the vault's `meta` table keeps of the taxonomy: an imported package's text and signature,
 * and the version every tagged record has been brought to.
 */
export const taxonomyMetaKeys = { package: 'taxonomy.package', signature: 'taxonomy.signature', recordsVersion: 'taxonomy.recordsVersion' } as const;

export interface ActiveTaxonomy {
  taxonomy: TaxonomyPackage;
  source: 'built-in' | 'imported';
  /** An imported taxonomy is in the vault but its signature does not verify under the policy's key (or policy names none). */
  untrusted?: true;
}

let lastStored: { text: string; taxonomy: TaxonomyPackage } | undefined;
let lastVerified: { text: string; signature: string; key: string } | undefined;

/**
 * Checks the stored signature again, under the key policy names now: whoever could write to the
 * vault's meta table must not be able to put a taxonomy in force, and a key IT replaces (the old
 * one leaked) stops vouching for what it signed.
 */
function verifiedAgain(text: string, signature: string | undefined, key: string | undefined): boolean {
  if (signature === undefined || key === undefined) return false;
  if (lastVerified?.text === text && lastVerified.signature === signature && lastVerified.key === key) return true;
  let ok: boolean;
  try {
    ok = verify(Buffer.from(text, 'utf8'), signature, parsePublicKey(key)).ok;
  } catch {
    ok = false;
  }
  if (ok) lastVerified = { text, signature, key };
  return ok;
}

function parseStored(text: string): TaxonomyPackage {
  if (lastStored?.text === text) return lastStored.taxonomy;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = parseTaxonomyPackage(raw);
  // It was checked when it was imported; failing now means the vault's content was changed.
  if (!parsed.ok) throw new AppError('vault_corrupt', 'The taxonomy stored in the vault is damaged.');
  lastStored = { text, taxonomy: parsed.taxonomy };
  return parsed.taxonomy;
}

/**
 * The taxonomy in force: the one imported into the vault, unless the app ships a newer one (after
 * an update of the app); without a vault, the built-in one. An imported one counts only while its
 * signature verifies under the policy's taxonomyKey, checked each time; otherwise the built-in one
 * is in force (fail closed) and `untrusted` says why.
 */
export function activeTaxonomy(vault: OpenVault | null, builtin: TaxonomyPackage = builtinTaxonomy()): ActiveTaxonomy {
  const stored = vault?.getMeta(taxonomyMetaKeys.package);
  if (stored === undefined || !vault) return { taxonomy: builtin, source: 'built-in' };
  if (!verifiedAgain(stored, vault.getMeta(taxonomyMetaKeys.signature), vault.taxonomyKey)) return { taxonomy: builtin, source: 'built-in', untrusted: true };
  const imported = parseStored(stored);
  return imported.machinetag.version > builtin.machinetag.version ? { taxonomy: imported, source: 'imported' } : { taxonomy: builtin, source: 'built-in' };
}
