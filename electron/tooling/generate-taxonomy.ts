/**
 * Stamps the built-in taxonomy files in shared/taxonomy/nl-obi/ after they were edited:
 * - `state-actor` gets every ISO 3166-1 alpha-2 code (the list of i18n-iso-countries, which adds
 *   XK for Kosovo as the EU does) after `unknown`, named in Dutch and English by CLDR;
 * - machinetag.json takes its `expanded` and `description` from the English labels, so English
 *   text lives in one place (labels.json);
 * - every UUID is MISP's deterministic one: uuid5(NAMESPACE_DNS, namespace | namespace:predicate |
 *   namespace:predicate="value").
 * Structure (predicates, values, exclusivity, numerical values) and all other text are edited by
 * hand. Run with `npm run taxonomy:generate`; a test fails when the committed files differ from
 * what this writes. Runs directly on Node 22 (type stripping), so it imports no project modules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { v5 as uuidv5 } from 'uuid';
import type { Labels, LabelSidecar, MachineTag } from '../../shared/taxonomy/taxonomy-package';

export const taxonomyDir = join(import.meta.dirname, '..', '..', 'shared', 'taxonomy', 'nl-obi');

/** MISP's UUID for a taxonomy, a predicate or a value: uuid5 in the DNS namespace. */
export const mispUuid = (name: string): string => uuidv5(name, uuidv5.DNS);

export const countryCodes = (): string[] => Object.keys(countries.getAlpha2Codes()).sort();

function countryLabels(code: string): Labels {
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  const nl = new Intl.DisplayNames(['nl'], { type: 'region', fallback: 'none' }).of(code);
  if (!en || !nl) throw new Error(`No CLDR name for region ${code}`);
  return {
    nl: {
      label: nl,
      definition: `Overheid van het land of gebied met ISO-code ${code} (${nl}), of een instantie of persoon die namens die overheid optreedt.`,
    },
    en: { label: en, definition: `Authorities of the country or territory with ISO code ${code} (${en}), or a body or person acting on their behalf.` },
  };
}

export interface TaxonomyFiles {
  machinetag: MachineTag;
  labels: LabelSidecar;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The stamped files, with keys in MISP's usual order. Pure: same input, same output. */
export function stampTaxonomy({ machinetag, labels }: TaxonomyFiles, codes: string[]): TaxonomyFiles {
  const ns = machinetag.namespace;
  const values = { ...labels.values };
  const unknownState = labels.values['state-actor']?.unknown;
  if (!unknownState) throw new Error('labels.json: state-actor "unknown" needs its labels');
  values['state-actor'] = { unknown: unknownState, ...Object.fromEntries(codes.map((c) => [c, countryLabels(c)])) };
  const entriesOf = (predicate: string): Array<{ value: string; numerical_value?: number }> =>
    predicate === 'state-actor' ? ['unknown', ...codes].map((value) => ({ value })) : (machinetag.values?.find((v) => v.predicate === predicate)?.entry ?? []);
  const english = (labelsOf: Labels | undefined, what: string) => {
    if (!labelsOf) throw new Error(`labels.json: ${what} has no labels`);
    return { expanded: labelsOf.en.label, description: labelsOf.en.definition };
  };
  const stamped: MachineTag = {
    namespace: ns,
    ...english(labels.taxonomy, 'the taxonomy'),
    version: machinetag.version,
    ...optional('exclusive', machinetag.exclusive),
    uuid: mispUuid(ns),
    ...optional('refs', machinetag.refs),
    predicates: machinetag.predicates.map((p) => ({
      value: p.value,
      ...english(labels.predicates[p.value], `predicate ${p.value}`),
      ...optional('exclusive', p.exclusive),
      uuid: mispUuid(`${ns}:${p.value}`),
    })),
    values: machinetag.predicates.map((p) => ({
      predicate: p.value,
      entry: entriesOf(p.value).map((e) => ({
        value: e.value,
        ...english(values[p.value]?.[e.value], `value ${p.value}="${e.value}"`),
        ...optional('numerical_value', e.numerical_value),
        uuid: mispUuid(`${ns}:${p.value}="${e.value}"`),
      })),
    })),
  };
  return { machinetag: stamped, labels: { ...labels, values } };
}

export const taxonomyFileText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function readTaxonomyFiles(dir = taxonomyDir): TaxonomyFiles {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return { machinetag: read('machinetag.json') as MachineTag, labels: read('labels.json') as LabelSidecar };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stamped = stampTaxonomy(readTaxonomyFiles(), countryCodes());
  writeFileSync(join(taxonomyDir, 'machinetag.json'), taxonomyFileText(stamped.machinetag));
  writeFileSync(join(taxonomyDir, 'labels.json'), taxonomyFileText(stamped.labels));
  console.log(`stamped ${taxonomyDir}: version ${stamped.machinetag.version}, ${stamped.machinetag.predicates.length} predicates`);
}
