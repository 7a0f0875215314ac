import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { parseTaxonomyPackage } from '../../../shared/taxonomy/parse-taxonomy-package';
import type { TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { AppError } from '../app-error';
import type { OpenVault } from '../vault/vault';

/**
 * What the vault's `meta` table keeps of the taxonomy: an imported package's text and signature,
 * and the version every tagged record has been brought to.
 */
export const taxonomyMetaKeys = { package: 'taxonomy.package', signature: 'taxonomy.signature', recordsVersion: 'taxonomy.recordsVersion' } as const;

export interface ActiveTaxonomy {
  taxonomy: TaxonomyPackage;
  source: 'built-in' | 'imported';
}

let lastStored: { text: string; taxonomy: TaxonomyPackage } | undefined;

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
 * an update of the app); without a vault, the built-in one.
 */
export function activeTaxonomy(vault: OpenVault | null, builtin: TaxonomyPackage = builtinTaxonomy()): ActiveTaxonomy {
  const stored = vault?.getMeta(taxonomyMetaKeys.package);
  if (stored === undefined) return { taxonomy: builtin, source: 'built-in' };
  const imported = parseStored(stored);
  return imported.machinetag.version > builtin.machinetag.version ? { taxonomy: imported, source: 'imported' } : { taxonomy: builtin, source: 'built-in' };
}
