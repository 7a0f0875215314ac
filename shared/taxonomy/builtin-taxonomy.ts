import changes from './nl-obi/changes.json';
import labels from './nl-obi/labels.json';
import machinetag from './nl-obi/machinetag.json';
import reused from './nl-obi/reused.json';
import { formatPackageProblems, parseTaxonomyPackage } from './parse-taxonomy-package';
import { packageFormat, type TaxonomyPackage } from './taxonomy-package';

/**
 * The taxonomy shipped with the app: the files in `nl-obi/` put together as one package, the same
 * shape a signed update from the central point has.
 */
export const builtinPackageSource = { format: packageFormat, machinetag, labels, reused, changes };

let builtin: TaxonomyPackage | undefined;

export function builtinTaxonomy(): TaxonomyPackage {
  if (!builtin) {
    const parsed = parseTaxonomyPackage(builtinPackageSource);
    // The files are checked by tests; reaching this means a broken build, not bad input.
    if (!parsed.ok) throw new Error(`The built-in taxonomy is not valid: ${formatPackageProblems(parsed.problems)}`);
    builtin = parsed.taxonomy;
  }
  return builtin;
}
