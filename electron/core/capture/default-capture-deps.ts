import { findMunicipality } from '../../../shared/geo';
import { checkTag, taxonomyPredicates, valuesOf } from '../../../shared/taxonomy/tags';
import type { TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { OpenVault } from '../vault/vault';
import type { CaptureDeps, SendingPort, TaxonomyPort } from './capture-ports';

/** The capture ports over a taxonomy package and the map of Dutch municipalities. */
export function taxonomyPort(pkg: TaxonomyPackage): TaxonomyPort {
  const exclusive = new Map(taxonomyPredicates(pkg).map((p) => [`${p.namespace}:${p.predicate}`, p.exclusive]));
  const communities = new Set(valuesOf(pkg, 'community'));
  return {
    version: pkg.machinetag.version,
    checkTag: (tag) => {
      const check = checkTag(pkg, tag);
      return check.ok ? null : check.message;
    },
    predicateOf: (tag) => {
      const eq = tag.indexOf('=');
      return eq < 0 ? tag : tag.slice(0, eq);
    },
    isExclusive: (predicate) => exclusive.get(predicate) ?? false,
    checkCommunity: (value) => (communities.has(value) ? null : `is not a community of taxonomy version ${pkg.machinetag.version}`),
  };
}

/** Capture's dependencies for an open vault: its active taxonomy, the municipality map, and the sending side given. */
export function captureDepsOf(vault: OpenVault, sending: SendingPort): CaptureDeps {
  return { taxonomy: taxonomyPort(activeTaxonomy(vault).taxonomy), places: { findMunicipality }, sending };
}
