import { targetGroups } from '../exchange/k-anonymity/target-groups';
import type { TaxonomyPackage } from '../taxonomy/taxonomy-package';
import { figureDimensions, type FigureDimension } from './published-figure';

/** Labels of the values a report shows, in Dutch and English, from the taxonomy where it has them. */

export type ReportLanguage = 'nl' | 'en';

/** The value of a figure where a cell was generalised past the table's level ('multiple', 'any', a coarser region). */
export const unspecified = 'unspecified';

const fixed: Readonly<Record<string, Record<ReportLanguage, string>>> = {
  [unspecified]: { nl: 'niet nader gespecificeerd', en: 'not further specified' },
  unknown: { nl: 'onbekend', en: 'unknown' },
};

const predicateOf: Readonly<Partial<Record<FigureDimension, string>>> = {
  stateActor: 'state-actor',
  objective: 'objective',
  modusOperandi: 'modus-operandi',
  target: 'target',
  channel: 'channel',
};

export function valueLabel(taxonomy: TaxonomyPackage, dimension: FigureDimension, value: string, lang: ReportLanguage): string {
  const own = fixed[value];
  if (own) return own[lang];
  const predicate = predicateOf[dimension];
  const fromTaxonomy = predicate === undefined ? undefined : taxonomy.labels.values[predicate]?.[value]?.[lang].label;
  if (fromTaxonomy) return fromTaxonomy;
  if (dimension === 'target' && value in targetGroups) return targetGroups[value as keyof typeof targetGroups].labels[lang];
  return value;
}

const dimensionNames: Readonly<Record<FigureDimension, Record<ReportLanguage, string>>> = {
  stateActor: { nl: 'Statelijke actor', en: 'State actor' },
  objective: { nl: 'Doel', en: 'Objective' },
  modusOperandi: { nl: 'Modus operandi', en: 'Modus operandi' },
  target: { nl: 'Doelwit', en: 'Target' },
  channel: { nl: 'Kanaal', en: 'Channel' },
  region: { nl: 'Regio (provincie)', en: 'Region (province)' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
};

export const dimensionLabel = (dimension: FigureDimension, lang: ReportLanguage): string => dimensionNames[dimension][lang];

/** The labels of a cell's values, per dimension. */
export const labelsOf = (taxonomy: TaxonomyPackage, values: Readonly<Record<FigureDimension, string>>, lang: ReportLanguage): Record<FigureDimension, string> =>
  Object.fromEntries(figureDimensions.map((d) => [d, valueLabel(taxonomy, d, values[d], lang)])) as Record<FigureDimension, string>;
