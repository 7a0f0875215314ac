import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import reused from '../../shared/taxonomy/nl-obi/reused.json';
import { countryCodes, mispUuid, readTaxonomyFiles, stampTaxonomy, taxonomyDir, taxonomyFileText } from './generate-taxonomy';

/** The official MISP data beside the checkout (read here, never copied into the project). */
const misp = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'misp-taxonomies');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

interface MispTaxonomy {
  namespace: string;
  uuid?: string;
  exclusive?: boolean;
  predicates: Array<{ value: string; uuid?: string; exclusive?: boolean }>;
  values?: Array<{ predicate: string; entry?: Array<{ value: string; uuid?: string }> }>;
}

const mispTaxonomy = (name: string) => readJson(join(misp, name, 'machinetag.json')) as MispTaxonomy;

/** Every (name, uuid) pair of a MISP taxonomy, with the name MISP derives the UUID from. */
function uuidsOf(t: MispTaxonomy): Array<[string, string | undefined]> {
  return [
    [t.namespace, t.uuid],
    ...t.predicates.map((p): [string, string | undefined] => [`${t.namespace}:${p.value}`, p.uuid]),
    ...(t.values ?? []).flatMap((v) => (v.entry ?? []).map((e): [string, string | undefined] => [`${t.namespace}:${v.predicate}="${e.value}"`, e.uuid])),
  ];
}

describe('shared/taxonomy/nl-obi', () => {
  const files = readTaxonomyFiles();

  it('passes the official MISP taxonomy schema', () => {
    const schema = readJson(join(misp, 'schema.json')) as Record<string, unknown>;
    // The official schema keeps its definitions under a non-standard `defs` key and has a `required`
    // list inside `properties`; Ajv's strict mode refuses both, the schema's own tooling does not.
    const validate = new Ajv({ strict: false, allErrors: true }).compile({ ...schema, $schema: undefined });
    for (const name of ['tlp', 'admiralty-scale', 'workflow']) expect(validate(mispTaxonomy(name)), name).toBe(true);
    expect(validate(files.machinetag), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...files.machinetag, labels: {} })).toBe(false);
  });

  it('derives UUIDs exactly as MISP does', () => {
    const reference = ['tlp', 'admiralty-scale', 'workflow', 'PAP', 'estimative-language'].flatMap((n) => uuidsOf(mispTaxonomy(n)));
    const withUuid = reference.filter(([, uuid]) => uuid !== undefined);
    expect(withUuid.length).toBeGreaterThan(60);
    for (const [name, uuid] of withUuid) expect(mispUuid(name), name).toBe(uuid);

    const ours = uuidsOf(files.machinetag);
    expect(ours).toHaveLength(1 + 10 + files.machinetag.values!.reduce((n, v) => n + v.entry!.length, 0));
    for (const [name, uuid] of ours) expect(uuid, name).toBe(mispUuid(name));
    expect(ours[0]).toEqual(['nl-obi', 'ee4c33eb-aaeb-58ac-af99-1300b6c84804']);
  });

  it('is what `npm run taxonomy:generate` writes (run it after editing the files)', () => {
    const stamped = stampTaxonomy(files, countryCodes());
    expect(readFileSync(join(taxonomyDir, 'machinetag.json'), 'utf8')).toBe(taxonomyFileText(stamped.machinetag));
    expect(readFileSync(join(taxonomyDir, 'labels.json'), 'utf8')).toBe(taxonomyFileText(stamped.labels));
  });

  it('offers every ISO 3166-1 country as a state actor, plus unknown', () => {
    const states = files.machinetag.values!.find((v) => v.predicate === 'state-actor')!.entry!.map((e) => e.value);
    expect(states).toEqual(['unknown', ...countryCodes()]);
    expect(states.length).toBeGreaterThanOrEqual(250);
  });

  it('reuses only values that exist in the official MISP taxonomies, with their exclusivity', () => {
    for (const r of reused) {
      const official = mispTaxonomy(r.namespace);
      expect(official.exclusive ?? false, r.namespace).toBe(('exclusive' in r && r.exclusive) || false);
      for (const p of r.predicates) {
        const predicate = official.predicates.find((o) => o.value === p.value);
        expect(predicate, `${r.namespace}:${p.value}`).toBeDefined();
        expect(predicate!.exclusive ?? false, `${r.namespace}:${p.value}`).toBe(('exclusive' in p && p.exclusive) || false);
        const officialValues = official.values?.find((v) => v.predicate === p.value)?.entry?.map((e) => e.value) ?? [];
        const ourValues = 'entries' in p ? p.entries.map((e) => e.value) : [];
        for (const v of ourValues) expect(officialValues, `${r.namespace}:${p.value}="${v}"`).toContain(v);
      }
    }
  });
});
