import type { PublishedFigure, ReportPeriod } from '../central/published-figure';
import type { PeriodCell } from '../exchange/stix/period-bundle';
import type { TaxonomyPackage } from '../taxonomy/taxonomy-package';

/** Sample content for the central point's outputs: a quarter's cells from three organisations and the figures of a report. */

export const reportPeriod: ReportPeriod = { label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' };

export const periodCells: PeriodCell[] = [
  {
    organisation: 'SZW',
    stateActor: 'IR',
    objective: 'silence-critics',
    modusOperandi: 'coercion-by-proxy-family',
    target: 'activists-dissidents',
    channel: 'via-family-in-origin-country',
    region: { level: 'province', value: 'Overijssel' },
    period: { level: 'month', from: '2026-10-01', to: '2026-10-31' },
    count: 7,
  },
  {
    organisation: 'BZ',
    stateActor: 'IR',
    objective: 'silence-critics',
    modusOperandi: 'coercion-by-proxy-family',
    target: 'activists-dissidents',
    channel: 'via-family-in-origin-country',
    region: { level: 'landsdeel', value: 'Oost' },
    period: { level: 'month', from: '2026-11-01', to: '2026-11-30' },
    count: 5,
  },
  {
    organisation: 'NCTV',
    stateActor: 'CN',
    modusOperandi: 'digital-threat-harassment',
    target: 'journalists-media',
    channel: 'social-media',
    region: { level: 'municipality', value: 'Amsterdam' },
    period: { level: 'month', from: '2026-12-01', to: '2026-12-31' },
    count: 6,
  },
  {
    organisation: 'SZW',
    stateActor: 'multiple',
    objective: 'multiple',
    modusOperandi: 'multiple',
    target: 'any',
    channel: 'multiple',
    region: { level: 'country', value: 'NL' },
    period: { level: 'quarter', from: '2026-10-01', to: '2026-12-31' },
    count: 11,
  },
];

/** The figures of a report of those cells, as the central point publishes them: one suppressed. */
export const publishedFigures: PublishedFigure[] = [
  { table: 'byStateActor', values: { stateActor: 'IR' }, label: 'Iran', count: 12 },
  { table: 'byStateActor', values: { stateActor: 'CN' }, label: 'China', count: null, suppressed: true },
  { table: 'byStateActor', values: { stateActor: 'multiple' }, label: 'Several state actors', count: 11 },
  { table: 'byObjective', values: { objective: 'silence-critics' }, label: 'Silence critics', count: 12 },
  { table: 'byModusOperandi', values: { modusOperandi: 'coercion-by-proxy-family' }, label: 'Coercion through family', count: 12 },
  { table: 'byRegion', values: { region: 'Oost' }, label: 'Oost-Nederland', count: 12 },
  { table: 'byOrganisation', values: { organisation: 'SZW' }, label: 'SZW', count: 18 },
  { table: 'byOrganisation', values: { organisation: 'BZ' }, label: 'BZ', count: null, suppressed: true },
  { table: 'byOrganisation', values: { organisation: 'NCTV' }, label: 'NCTV', count: null, suppressed: true },
  {
    table: 'stateActor×modusOperandi',
    values: { stateActor: 'IR', modusOperandi: 'coercion-by-proxy-family' },
    label: 'Iran × Coercion through family',
    count: 12,
  },
  { table: 'byChannel', values: { channel: 'via-family-in-origin-country' }, label: 'Via family in the country of origin', count: 0 },
];

/**
 * The taxonomy with an `objective` predicate (the built-in one has it since version 2; an older
 * one gets it added): the outputs must tag an objective like every other dimension once the
 * taxonomy knows it.
 */
export function withObjective(taxonomy: TaxonomyPackage): TaxonomyPackage {
  if (taxonomy.machinetag.predicates.some((p) => p.value === 'objective')) return taxonomy;
  const labels = {
    nl: { label: 'Critici het zwijgen opleggen', definition: 'Critici tot zwijgen brengen.' },
    en: { label: 'Silence critics', definition: 'To make critics fall silent.' },
  };
  return {
    ...taxonomy,
    machinetag: {
      ...taxonomy.machinetag,
      predicates: [...taxonomy.machinetag.predicates, { value: 'objective', expanded: 'Objective' }],
      values: [...(taxonomy.machinetag.values ?? []), { predicate: 'objective', entry: [{ value: 'silence-critics', expanded: 'Silence critics' }] }],
    },
    labels: {
      ...taxonomy.labels,
      predicates: {
        ...taxonomy.labels.predicates,
        objective: { nl: { label: 'Doel', definition: 'Wat de staat wil.' }, en: { label: 'Objective', definition: 'What the state wants.' } },
      },
      values: { ...taxonomy.labels.values, objective: { 'silence-critics': labels } },
    },
  };
}

/** The taxonomy as it was before version 2 added the `objective` predicate. */
export function withoutObjective(taxonomy: TaxonomyPackage): TaxonomyPackage {
  const { objective: _predicate, ...predicates } = taxonomy.labels.predicates;
  const { objective: _values, ...values } = taxonomy.labels.values;
  return {
    ...taxonomy,
    machinetag: {
      ...taxonomy.machinetag,
      version: 1,
      predicates: taxonomy.machinetag.predicates.filter((p) => p.value !== 'objective'),
      values: (taxonomy.machinetag.values ?? []).filter((v) => v.predicate !== 'objective'),
    },
    labels: { ...taxonomy.labels, predicates, values },
  };
}
