import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../../shared/exchange/payload';
import { obiExtensionDefinition, obiExtensionId, obiExtensionSchema, obiFixedObjects } from '../../../shared/exchange/stix/obi-extension';
import { buildOfficerPayload } from '../../../shared/exchange/stix/officer-bundle';
import { buildReturnedPayload } from '../../../shared/exchange/stix/returned-bundle';
import { buildPeriodBundle } from '../../../shared/exchange/stix/period-bundle';
import { tlpAmberStrict, type StixBundle } from '../../../shared/exchange/stix/stix-common';
import { buildTeamPayload } from '../../../shared/exchange/stix/team-bundle';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { cells, header, officerSignals, statuses, summaries } from '../../../shared/test-support/exchange-fixtures';
import { periodCells, reportPeriod, withObjective } from '../../../shared/test-support/period-fixtures';
import { beyondDerivedIds, oasisValidate, stixValidateScript } from '../../test-support/conformance-tools';
import { stixProblems } from '../../test-support/stix-conformance';

const team = { k: 5, suppressed: 2, carriedOver: 3 };

const payloads: Record<string, Payload> = {
  officer: buildOfficerPayload(header(), officerSignals),
  'officer, empty': buildOfficerPayload(header(), []),
  team: buildTeamPayload(header(), builtinTaxonomy(), { cells, summaries, ...team }),
  'team, empty report': buildTeamPayload(header(), builtinTaxonomy(), { cells: [], ...team }),
  returned: buildReturnedPayload(header(), statuses),
  'returned, empty': buildReturnedPayload(header(), []),
};

const period = { id: '3d0b7c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e', period: reportPeriod, producer: 'NCTV', now: new Date('2027-01-05T14:37:12.000Z') } as const;

/** Every bundle the code builds: the payloads' bundles and the central point's period bundle. */
const bundles: Record<string, StixBundle> = {
  ...Object.fromEntries(Object.entries(payloads).map(([name, p]) => [name, p.bundle as StixBundle])),
  period: buildPeriodBundle({ ...period, cells: periodCells }, withObjective(builtinTaxonomy())),
  'period, empty': buildPeriodBundle({ ...period, cells: [] }, builtinTaxonomy()),
};

describe('STIX bundles against the official OASIS STIX 2.1 schemas', () => {
  it.each(Object.entries(bundles))('%s: every object is valid for its type and every reference resolves', (_name, bundle) => {
    expect(stixProblems(bundle)).toEqual([]);
  });

  it.each(Object.entries(payloads))('%s: every object is TLP:AMBER+STRICT, STIX 2.1, by the organisation', (_name, payload) => {
    const producer = payload.bundle.objects.find((o) => o.type === 'identity' && o.identity_class === 'organization')!;
    expect(producer.name).toBe('SZW liaison network');
    for (const o of payload.bundle.objects.filter((o) => !obiFixedObjects.has(o.id))) {
      expect(o.object_marking_refs).toEqual([tlpAmberStrict]);
      expect(o.spec_version).toBe('2.1');
      if (o.id !== producer.id) expect(o.created_by_ref).toBe(producer.id);
    }
    expect(payload.bundle.objects.filter((o) => o.type === 'grouping').map((o) => o.context)).toEqual(['suspicious-activity']);
  });

  it('../shared/tools/stix_validate.py finds every bundle valid too, and a broken one not', () => {
    const broken = structuredClone(bundles.team!);
    broken.objects.find((o) => o.type === 'sighting')!.where_sighted_refs = [broken.objects.find((o) => o.type === 'threat-actor')!.id];
    const { broken: refused, ...results } = stixValidateScript({ ...bundles, broken });
    for (const [name, result] of Object.entries(results)) {
      expect(result.verdict, `${name}: ${result.findings.join('\n')}`).toBe(`valid: ${bundles[name]!.objects.length} objects, 0 errors`);
    }
    expect(refused!.verdict).toMatch(/^INVALID: /);
    expect(refused!.findings.join('\n')).toMatch(/where_sighted_refs/);
  });

  it('the checker refuses what the schemas refuse (so the checks above can fail)', () => {
    const bundle = structuredClone(payloads.team!.bundle);
    const sighting = bundle.objects.find((o) => o.type === 'sighting')!;
    const actor = bundle.objects.find((o) => o.type === 'threat-actor')!;
    sighting.where_sighted_refs = [actor.id];
    const note = bundle.objects.find((o) => o.type === 'note')!;
    delete note.object_refs;
    const grouping = bundle.objects.find((o) => o.type === 'grouping')!;
    grouping.object_refs = [...(grouping.object_refs as string[]), 'indicator--2f0c2a5e-3b7d-4c8e-9f0a-1b2c3d4e5f60'];
    actor.created = '2026-10-01T09:00:00Z';
    actor.X_custom = 1;
    const problems = stixProblems(bundle).join('\n');
    expect(problems).toMatch(/sighting.*where_sighted_refs/);
    expect(problems).toMatch(/note.*object_refs/);
    expect(problems).toMatch(/object_refs points to indicator--/);
    expect(problems).toMatch(/threat-actor.*\/created/);
    expect(problems).toMatch(/threat-actor.*additional properties/);
  });
});

describe('STIX bundles against the OASIS validator, as MISP and OpenCTI hold them', () => {
  it('finds every bundle valid, with no warning but {103} (ids derived on purpose)', () => {
    const verdicts = oasisValidate(bundles);
    for (const [name, verdict] of Object.entries(verdicts)) {
      expect(verdict.valid, name).toBe(true);
      expect(beyondDerivedIds(verdict), `${name}: ${verdict.findings.join('\n')}`).toEqual([]);
    }
    // The team bundle's derived ids are there, so the validator did read it.
    expect(verdicts.team!.codes).toContain('{103}');
    expect(verdicts.period!.codes).toContain('{103}');
  });

  it('names a custom property outside the extension and a broken object (so the check above can fail)', () => {
    const custom = structuredClone(payloads.team!.bundle);
    custom.objects.find((o) => o.type === 'threat-actor')!.x_obi_value = 'CN';
    const broken = structuredClone(payloads.team!.bundle);
    delete broken.objects.find((o) => o.type === 'sighting')!.sighting_of_ref;
    const verdicts = oasisValidate({ custom, broken });
    expect(verdicts.custom!.valid).toBe(true);
    expect(beyondDerivedIds(verdicts.custom!)).toEqual(['{401}']);
    expect(verdicts.broken!.valid).toBe(false);
  });
});

describe('the OBI Werkplek extension', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(obiExtensionSchema);

  it('publishes its JSON schema in the definition object, and the docs show both as they are', () => {
    expect(JSON.parse(obiExtensionDefinition.schema)).toEqual(obiExtensionSchema);
    const docs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'central', 'stix-and-misp.md'), 'utf8');
    const blocks = [...docs.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    expect(blocks.find((b) => b.type === 'extension-definition')).toEqual({ ...obiExtensionDefinition, schema: '(the JSON schema below, as one string)' });
    expect(blocks.find((b) => b.$schema !== undefined)).toEqual(obiExtensionSchema);
  });

  it.each(Object.entries(bundles))('%s: the properties of every object that uses it follow its JSON schema', (_name, bundle) => {
    const used = bundle.objects.filter((o) => o.extensions);
    for (const o of used) {
      const own = (o.extensions as Record<string, unknown>)[obiExtensionId];
      expect(validate(own), `${o.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(bundle.objects.some((o) => o.id === obiExtensionId)).toBe(used.length > 0);
  });

  it('its schema refuses what the readers refuse (so the check above can fail)', () => {
    const sighting = payloads.team!.bundle.objects.find((o) => o.type === 'sighting')!;
    const own = structuredClone((sighting.extensions as Record<string, { cell: Record<string, unknown> }>)[obiExtensionId]!);
    own.cell.stateActor = 'CN';
    expect(validate(own)).toBe(false);
    expect(validate({ extension_type: 'property-extension', consent: false })).toBe(false);
    expect(validate({ extension_type: 'new-sdo' })).toBe(false);
  });
});
