import { describe, expect, it } from 'vitest';
import type { Payload } from '../../../shared/exchange/payload';
import { buildOfficerPayload } from '../../../shared/exchange/stix/officer-bundle';
import { buildReturnedPayload } from '../../../shared/exchange/stix/returned-bundle';
import { tlpAmberStrict } from '../../../shared/exchange/stix/stix-common';
import { buildTeamPayload } from '../../../shared/exchange/stix/team-bundle';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { cells, header, officerSignals, statuses, summaries } from '../../../shared/test-support/exchange-fixtures';
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

describe('STIX bundles against the official OASIS STIX 2.1 schemas', () => {
  it.each(Object.entries(payloads))('%s: every object is valid for its type and every reference resolves', (_name, payload) => {
    expect(stixProblems(payload.bundle)).toEqual([]);
  });

  it.each(Object.entries(payloads))('%s: every object is TLP:AMBER+STRICT, STIX 2.1, by the organisation', (_name, payload) => {
    const producer = payload.bundle.objects.find((o) => o.type === 'identity' && o.identity_class === 'organization')!;
    expect(producer.name).toBe('SZW liaison network');
    for (const o of payload.bundle.objects) {
      expect(o.object_marking_refs).toEqual([tlpAmberStrict]);
      expect(o.spec_version).toBe('2.1');
      if (o.id !== producer.id) expect(o.created_by_ref).toBe(producer.id);
    }
    expect(payload.bundle.objects.filter((o) => o.type === 'grouping').map((o) => o.context)).toEqual(['suspicious-activity']);
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
