import { describe, expect, it } from 'vitest';
import { builtinTaxonomy } from '../../taxonomy/builtin-taxonomy';
import { header } from '../../test-support/exchange-fixtures';
import { periodCells, reportPeriod, withObjective, withoutObjective } from '../../test-support/period-fixtures';
import { obiExtensionDefinition, obiExtensionId, obiFixedObjects } from './obi-extension';
import { buildPeriodBundle, type PeriodBundleInput } from './period-bundle';
import { stableId, tlpAmberStrict } from './stix-common';
import { buildTeamPayload } from './team-bundle';

const taxonomy = withObjective(builtinTaxonomy());
const input: PeriodBundleInput = {
  id: '3d0b7c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
  period: reportPeriod,
  producer: 'NCTV',
  cells: periodCells,
  now: new Date('2027-01-05T14:37:12.000Z'),
};

const own = (object: Record<string, unknown>) => (object.extensions as Record<string, Record<string, unknown>>)[obiExtensionId]!;
const ofType = <O extends { type: string }>(bundle: { objects: O[] }, type: string): O[] => bundle.objects.filter((o) => o.type === type);

describe('period bundle', () => {
  it('holds every released cell as a sighting, seen by the organisation that reported it', () => {
    const bundle = buildPeriodBundle(input, taxonomy);
    const byId = new Map(bundle.objects.map((o) => [o.id, o]));
    const central = bundle.objects[0]!;
    expect(central).toMatchObject({ type: 'identity', name: 'NCTV central point (OBI)', identity_class: 'organization' });
    const sightings = ofType(bundle, 'sighting');
    expect(sightings).toHaveLength(periodCells.length);
    sightings.forEach((sighting, i) => {
      const cell = periodCells[i]!;
      const [who, ...more] = sighting.where_sighted_refs as string[];
      expect(more).toEqual([]);
      expect(byId.get(who!)).toMatchObject({ type: 'identity', name: `${cell.organisation} liaison network` });
      const place = bundle.objects.find((o) => o.type === 'note' && (o.object_refs as string[])[0] === sighting.id)!;
      expect(own(place).note).toBe('place');
      expect(byId.get((place.object_refs as string[])[1]!)).toMatchObject({
        type: 'location',
        country: 'NL',
        extensions: { [obiExtensionId]: { level: cell.region.level } },
      });
      expect(sighting).toMatchObject({
        count: cell.count,
        created_by_ref: central.id,
        first_seen: `${cell.period.from}T00:00:00.000Z`,
        last_seen: `${cell.period.to}T23:59:59.999Z`,
      });
      expect(own(sighting).cell).toMatchObject({ organisation: cell.organisation, state_actor: cell.stateActor, region: cell.region });
      expect((own(sighting).cell as { objective?: string }).objective).toBe(cell.objective);
      expect(sighting.description).toMatch(new RegExp(`^${cell.count} conversations: .*; reported by ${cell.organisation}\\.$`));
    });
    expect(sightings.reduce((n, s) => n + (s.count as number), 0)).toBe(periodCells.reduce((n, c) => n + c.count, 0));
  });

  it('tags the objective like every other dimension once the taxonomy has it, and only then', () => {
    const tag = 'nl-obi:objective="silence-critics"';
    const [first] = ofType(buildPeriodBundle(input, taxonomy), 'sighting');
    expect(first!.labels).toContain(tag);
    expect(first!.external_references).toContainEqual({ source_name: 'nl-obi', external_id: tag, description: 'Silence critics' });
    expect(first!.description).toContain('objective Silence critics');
    const [plain] = ofType(buildPeriodBundle(input, withoutObjective(builtinTaxonomy())), 'sighting');
    expect(plain!.labels).not.toContain(tag);
    expect(own(plain!).cell).toMatchObject({ objective: 'silence-critics' });
  });

  it('is a TLP:AMBER+STRICT report of the period by the central point, with the ids the team bundles use', () => {
    const bundle = buildPeriodBundle(input, taxonomy);
    const central = bundle.objects[0]!;
    for (const o of bundle.objects.filter((o) => !obiFixedObjects.has(o.id))) {
      expect(o.object_marking_refs, o.id).toEqual([tlpAmberStrict]);
      expect(o.labels, o.id).toContain('tlp:amber+strict');
      if (o.type !== 'identity' || o.identity_class === 'class') expect(o.created_by_ref, o.id).toBe(central.id);
      // STIX gives a note no description: its abstract and content say what it is.
      if (o.type !== 'note') expect(o.description, o.id).toEqual(expect.stringMatching(/\S/));
    }
    expect(ofType(bundle, 'grouping')).toEqual([]);
    const [report] = ofType(bundle, 'report');
    expect(report).toMatchObject({ name: 'OBI fenomeenbeeld 2026-Q4', report_types: ['threat-report'], published: '2027-01-05T14:00:00.000Z' });
    expect(report!.description).toContain('4 released cells from BZ, NCTV, SZW, 29 conversations in all');
    const members = new Set(report!.object_refs as string[]);
    for (const o of bundle.objects) expect(members.has(o.id), o.id).toBe(o.id !== central.id && o.id !== report!.id && !obiFixedObjects.has(o.id));
    expect(ofType(bundle, 'extension-definition')).toEqual([obiExtensionDefinition]);
    expect(bundle.id).toBe(`bundle--${input.id}`);
    // The organisation and the state actor are the objects a team bundle of that organisation has.
    const { objective, organisation, ...teamCell } = periodCells[0]!;
    expect([objective, organisation]).toEqual(['silence-critics', 'SZW']);
    const team = buildTeamPayload(header(), builtinTaxonomy(), { cells: [teamCell], k: 5, suppressed: 0, carriedOver: 0 });
    const teamIds = new Set(team.bundle.objects.map((o) => o.id));
    expect(teamIds.has(stableId('identity', 'organisation:SZW'))).toBe(true);
    for (const type of ['threat-actor', 'attack-pattern', 'location', 'relationship']) {
      for (const { id } of ofType(team.bundle, type))
        expect(
          bundle.objects.some((o) => o.id === id),
          `${type} ${id}`,
        ).toBe(true);
    }
  });

  it('is the same for the same input; an empty period is a report of the central point alone', () => {
    expect(buildPeriodBundle(input, taxonomy)).toEqual(buildPeriodBundle(input, taxonomy));
    const empty = buildPeriodBundle({ ...input, cells: [] }, taxonomy);
    expect(empty.objects.map((o) => o.type)).toEqual(['identity', 'report']);
    expect(empty.objects[1]!.object_refs).toEqual([empty.objects[0]!.id]);
  });

  it('refuses input that breaks the contract, naming the field', () => {
    const cell = periodCells[0]!;
    expect(() => buildPeriodBundle({ ...input, id: 'report-1' }, taxonomy)).toThrow(/^buildPeriodBundle: id: must be a UUID$/);
    expect(() => buildPeriodBundle({ ...input, period: { ...reportPeriod, label: 'Q4' } }, taxonomy)).toThrow(/period\.label/);
    expect(() => buildPeriodBundle({ ...input, period: { ...reportPeriod, to: '2026-09-30' } }, taxonomy)).toThrow(/period\.to/);
    expect(() => buildPeriodBundle({ ...input, producer: 'AIVD' as 'NCTV' }, taxonomy)).toThrow(/producer/);
    expect(() => buildPeriodBundle({ ...input, cells: [{ ...cell, organisation: 'Politie' as 'SZW' }] }, taxonomy)).toThrow(/cells\.0\.organisation/);
    expect(() => buildPeriodBundle({ ...input, cells: [{ ...cell, region: { level: 'province', value: 'Amsterdam' } }] }, taxonomy)).toThrow(
      /cells\.0\.region\.value/,
    );
    expect(() => buildPeriodBundle({ ...input, cells: [{ ...cell, count: 0 }] }, taxonomy)).toThrow(/cells\.0\.count/);
    expect(() => buildPeriodBundle({ ...input, now: new Date(Number.NaN) }, taxonomy)).toThrow(/now/);
  });
});
