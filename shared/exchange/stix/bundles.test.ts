import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { municipalities } from '../../geo/municipalities';
import { builtinTaxonomy } from '../../taxonomy/builtin-taxonomy';
import { cells, header, officerSignals, statuses, summaries } from '../../test-support/exchange-fixtures';
import { readPayload, type Payload } from '../payload';
import { buildOfficerPayload, readOfficerBundle } from './officer-bundle';
import { buildReturnedPayload, readReturnedBundle } from './returned-bundle';
import { stableId, tlpAmberStrict } from './stix-common';
import { buildTeamPayload, readTeamBundle } from './team-bundle';

const taxonomy = builtinTaxonomy();
const teamContent = { cells, summaries, k: 5, suppressed: 1, carriedOver: 4 };

/** Through JSON and the payload schema, as a received bundle is. */
function received(payload: Payload): Payload {
  const read = readPayload(JSON.parse(JSON.stringify(payload)));
  if (!read.ok) throw new Error(`${read.problem.path}: ${read.problem.message}`);
  return read.value;
}

function objectOf(payload: Payload, type: string, n = 0) {
  return payload.bundle.objects.filter((o) => o.type === type)[n]!;
}

function problemOf<T>(result: { ok: true; value: T } | { ok: false; problem: { path: string; message: string } }): string {
  return result.ok ? 'accepted' : result.problem.path;
}

describe('officer bundle', () => {
  it('reads back exactly the signals it was built from', () => {
    const payload = buildOfficerPayload(header(), officerSignals);
    expect(readOfficerBundle(received(payload))).toEqual({ ok: true, value: officerSignals });
    expect(payload.manifest).toMatchObject({ kind: 'officer', counts: { signals: 3, cells: 0 }, k: null, suppressed: 0, carriedOver: 0 });
  });

  it('is the same for the same input, and its recurring objects keep their ids across bundles', () => {
    const a = buildOfficerPayload(header(), officerSignals);
    expect(buildOfficerPayload(header(), officerSignals)).toEqual(a);
    const b = buildOfficerPayload(header('7a2d3b6f-4c8e-4d9f-a01b-2c3d4e5f6071'), officerSignals);
    const ids = (p: Payload, type: string) => p.bundle.objects.filter((o) => o.type === type).map((o) => o.id);
    expect(ids(b, 'identity')).toEqual(ids(a, 'identity'));
    expect(ids(b, 'location')).toEqual(ids(a, 'location'));
    expect(ids(b, 'note').some((id) => ids(a, 'note').includes(id))).toBe(false);
    expect(ids(a, 'location')).toHaveLength(2);
    // A municipality is one place in officer and team bundles alike.
    const team = buildTeamPayload(header(), taxonomy, {
      ...teamContent,
      cells: [{ ...cells[0]!, region: { level: 'municipality', value: "'s-Gravenhage" } }],
      summaries: [],
    });
    const place = (p: Payload) => p.bundle.objects.find((o) => o.type === 'location' && o.city === "'s-Gravenhage")!;
    expect(place(team)).toEqual(place(a));
  });

  it('round-trips any valid signals (property)', () => {
    const signal = fc.record({
      signalRef: fc.uuid({ version: 4 }),
      summary: fc.string({ minLength: 1, maxLength: 200 }).filter((t) => /\S/.test(t)),
      tags: fc.array(fc.constantFrom('nl-obi:state-actor="CN"', 'nl-obi:target="lgbtqi"', 'admiralty-scale:source-reliability="a"', 'tlp:amber+strict'), {
        minLength: 1,
        maxLength: 4,
      }),
      meetingDate: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      place: fc.constantFrom(...municipalities),
    });
    fc.assert(
      fc.property(fc.uniqueArray(signal, { selector: (s) => s.signalRef, maxLength: 8 }), (drawn) => {
        const signals = drawn.map(({ place, ...s }) => ({ ...s, municipality: place.name, province: place.province, consent: true as const }));
        expect(readOfficerBundle(received(buildOfficerPayload(header(), signals)))).toEqual({ ok: true, value: signals });
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to build a signal without consent, without tags or with a bad date', () => {
    const s = officerSignals[0]!;
    expect(() => buildOfficerPayload(header(), [{ ...s, consent: false as true }])).toThrow(/consent/);
    expect(() => buildOfficerPayload(header(), [{ ...s, tags: [] }])).toThrow();
    expect(() => buildOfficerPayload(header(), [{ ...s, meetingDate: '14-08-2026' }])).toThrow();
    expect(() => buildOfficerPayload(header(), [s, s])).toThrow(/signalRef/);
  });

  it('names the field of a damaged bundle', () => {
    const cases: Array<[(p: Payload) => void, string]> = [
      [(p) => void (objectOf(p, 'note').x_obi_consent = false), 'bundle.objects.2.x_obi_consent'],
      [(p) => void delete objectOf(p, 'note').x_obi_meeting_date, 'bundle.objects.2.x_obi_meeting_date'],
      [(p) => void (objectOf(p, 'note').content = '  '), 'bundle.objects.2.content'],
      [(p) => void (objectOf(p, 'note').object_refs = [objectOf(p, 'identity').id]), 'bundle.objects.2.object_refs.0'],
      [(p) => void (objectOf(p, 'note').object_refs = ['location--2f0c2a5e-3b7d-4c8e-9f0a-1b2c3d4e5f60']), 'bundle.objects.2.object_refs.0'],
      [(p) => void (objectOf(p, 'location').administrative_area = 'Bayern'), 'bundle.objects.1.administrative_area'],
      [(p) => void (objectOf(p, 'note', 1).x_obi_signal_id = objectOf(p, 'note').x_obi_signal_id), 'bundle.objects.3.x_obi_signal_id'],
      [(p) => void (objectOf(p, 'note').object_marking_refs = []), 'bundle.objects.2.object_marking_refs'],
      [(p) => void (objectOf(p, 'note').spec_version = '2.0'), 'bundle.objects.2.spec_version'],
      [(p) => void p.bundle.objects.push(objectOf(p, 'note')), 'bundle.objects.7.id'],
      [(p) => void (p.manifest.counts.signals = 4), 'manifest.counts.signals'],
      [(p) => void (p.manifest.kind = 'returned'), 'manifest.kind'],
    ];
    for (const [damage, path] of cases) {
      const p = received(buildOfficerPayload(header(), officerSignals));
      damage(p);
      expect(problemOf(readOfficerBundle(p)), path).toBe(path);
    }
  });
});

describe('team bundle', () => {
  it('reads back the cells and summaries it was built from', () => {
    const payload = buildTeamPayload(header(), taxonomy, teamContent);
    expect(readTeamBundle(received(payload))).toEqual({ ok: true, value: { cells, summaries } });
    expect(payload.manifest).toMatchObject({ kind: 'team', k: 5, suppressed: 1, carriedOver: 4, counts: { cells: 4, signals: 25 } });
    expect(payload.manifest.taxonomyVersion).toBe(taxonomy.machinetag.version);
  });

  it('maps a cell as TAXONOMY-SOURCES.md describes', () => {
    const payload = buildTeamPayload(header(), taxonomy, teamContent);
    const byId = new Map(payload.bundle.objects.map((o) => [o.id, o]));
    const sighting = objectOf(payload, 'sighting');
    const pattern = byId.get(sighting.sighting_of_ref as string)!;
    expect(pattern).toMatchObject({
      type: 'attack-pattern',
      external_references: [{ source_name: 'nl-obi', external_id: 'nl-obi:modus-operandi="intimidation-threats"' }],
    });
    expect(sighting).toMatchObject({
      count: 6,
      summary: true,
      first_seen: '2026-08-01T00:00:00.000Z',
      last_seen: '2026-08-31T23:59:59.999Z',
      labels: ['nl-obi:state-actor="CN"', 'nl-obi:target="activists-dissidents"', 'nl-obi:channel="in-person"'],
    });
    expect(byId.get((sighting.where_sighted_refs as string[])[0]!)).toMatchObject({ type: 'location', country: 'NL', administrative_area: 'Zuid-Holland' });
    const actor = objectOf(payload, 'threat-actor');
    expect(actor).toMatchObject({ threat_actor_types: ['nation-state'], labels: ['nl-obi:state-actor="CN"'] });
    const target = objectOf(payload, 'identity', 1);
    expect(target).toMatchObject({ identity_class: 'class', labels: ['nl-obi:target="activists-dissidents"'] });
    const rels = payload.bundle.objects.filter((o) => o.type === 'relationship');
    expect(rels).toContainEqual(expect.objectContaining({ relationship_type: 'uses', source_ref: actor.id, target_ref: pattern.id }));
    expect(rels).toContainEqual(expect.objectContaining({ relationship_type: 'targets', source_ref: pattern.id, target_ref: target.id }));
    expect(objectOf(payload, 'note')).toMatchObject({ content: summaries[0]!.text, object_refs: [sighting.id] });
    // Two cells share the state actor and the modus operandi: one object each, one `uses`.
    expect(payload.bundle.objects.filter((o) => o.id === actor.id)).toHaveLength(1);
    expect(rels.filter((r) => r.relationship_type === 'uses' && r.source_ref === actor.id)).toHaveLength(1);
    expect(actor.id).toBe(stableId('threat-actor', 'state-actor:CN'));
  });

  it('gives no machine tag to values outside the taxonomy', () => {
    const payload = buildTeamPayload(header(), taxonomy, teamContent);
    const several = payload.bundle.objects.find((o) => o.x_obi_value === 'multiple' && o.type === 'attack-pattern')!;
    expect(several.external_references).toBeUndefined();
    const any = payload.bundle.objects.find((o) => o.x_obi_value === 'any')!;
    expect(any.labels).toBeUndefined();
    expect(objectOf(payload, 'sighting', 2).labels).toBeUndefined();
  });

  it('an empty report is still a bundle with a grouping and the organisation', () => {
    const payload = buildTeamPayload(header(), taxonomy, { cells: [], k: 5, suppressed: 0, carriedOver: 7 });
    expect(payload.bundle.objects.map((o) => o.type)).toEqual(['identity', 'grouping']);
    expect(objectOf(payload, 'grouping').object_refs).toEqual([objectOf(payload, 'identity').id]);
    expect(payload.manifest).toMatchObject({ counts: { signals: 0, cells: 0 }, carriedOver: 7 });
    expect(readTeamBundle(received(payload))).toEqual({ ok: true, value: { cells: [], summaries: [] } });
  });

  it('refuses cells below k, unknown places and summaries of no cell', () => {
    expect(() => buildTeamPayload(header(), taxonomy, { ...teamContent, k: 6 })).toThrow(/fewer than k/);
    const cell = cells[0]!;
    expect(() => buildTeamPayload(header(), taxonomy, { ...teamContent, cells: [{ ...cell, region: { level: 'province', value: 'Amsterdam' } }] })).toThrow();
    expect(() => buildTeamPayload(header(), taxonomy, { ...teamContent, cells: [{ ...cell, region: { level: 'country', value: 'BE' } }] })).toThrow();
    expect(() => buildTeamPayload(header(), taxonomy, { ...teamContent, summaries: [{ cell: 9, text: 'x' }] })).toThrow(/cell/);
    expect(() => buildTeamPayload({ ...header(), taxonomyVersion: 2 }, taxonomy, teamContent)).toThrow(/taxonomy version/);
  });

  it('names the field of a damaged bundle', () => {
    const at = (p: Payload, type: string, field: string) => `bundle.objects.${p.bundle.objects.indexOf(objectOf(p, type))}.${field}`;
    const cases: Array<(p: Payload) => string> = [
      (p) => {
        objectOf(p, 'sighting').count = 4;
        return at(p, 'sighting', 'count');
      },
      (p) => {
        (objectOf(p, 'sighting').x_obi_cell as { period: { level: string } }).period.level = 'year';
        return at(p, 'sighting', 'x_obi_cell.period.level');
      },
      (p) => {
        objectOf(p, 'sighting').where_sighted_refs = [objectOf(p, 'identity').id];
        return at(p, 'sighting', 'where_sighted_refs.0');
      },
      (p) => {
        objectOf(p, 'note').object_refs = [objectOf(p, 'identity').id];
        return at(p, 'note', 'object_refs.0');
      },
      (p) => {
        p.manifest.counts.cells = 3;
        return 'manifest.counts.cells';
      },
    ];
    for (const damage of cases) {
      const p = received(buildTeamPayload(header(), taxonomy, teamContent));
      const path = damage(p);
      expect(problemOf(readTeamBundle(p)), path).toBe(path);
    }
  });
});

describe('readers of received bundles (fuzz)', () => {
  const built = [buildOfficerPayload(header(), officerSignals), buildTeamPayload(header(), taxonomy, teamContent), buildReturnedPayload(header(), statuses)];
  const readers = [readOfficerBundle, readTeamBundle, readReturnedBundle];

  it('never throw on any JSON, and name a field when they refuse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const read = readPayload(raw);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.problem.path).toMatch(/^(\(root\)|[\w.]+)$/);
      }),
    );
  });

  it('never throw when any property of any object is replaced or removed', () => {
    fc.assert(
      fc.property(fc.nat(2), fc.nat(), fc.nat(), fc.option(fc.jsonValue(), { nil: undefined }), (kind, objectSeed, keySeed, value) => {
        const p = JSON.parse(JSON.stringify(built[kind]!)) as Payload;
        const object = p.bundle.objects[objectSeed % p.bundle.objects.length]! as Record<string, unknown>;
        const keys = Object.keys(object);
        const key = keys[keySeed % keys.length]!;
        if (value === undefined) delete object[key];
        else object[key] = value;
        const read = readPayload(JSON.parse(JSON.stringify(p)));
        if (!read.ok) return;
        for (const reader of readers) {
          const result = reader(read.value);
          if (!result.ok) expect(result.problem.path).toMatch(/^(manifest|bundle)\./);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('returned bundle', () => {
  it('reads back every verdict, with the reason of a return', () => {
    const payload = buildReturnedPayload(header(), statuses);
    expect(readReturnedBundle(received(payload))).toEqual({ ok: true, value: statuses });
    const grouping = objectOf(payload, 'grouping');
    for (const note of payload.bundle.objects.filter((o) => o.type === 'note')) expect(note.object_refs).toEqual([grouping.id]);
    expect(payload.bundle.objects.every((o) => (o.object_marking_refs as string[]).includes(tlpAmberStrict))).toBe(true);
  });

  it('refuses a return without a reason and names damaged fields', () => {
    expect(() => buildReturnedPayload(header(), [{ signalRef: statuses[0]!.signalRef, status: 'returned', reason: ' ' }])).toThrow();
    const cases: Array<[(p: Payload) => void, string]> = [
      [(p) => void (objectOf(p, 'note', 1).content = ''), 'bundle.objects.2.content'],
      [(p) => void (objectOf(p, 'note').x_obi_status = 'lost'), 'bundle.objects.1.x_obi_status'],
      [(p) => void (objectOf(p, 'note').object_refs = [objectOf(p, 'identity').id]), 'bundle.objects.1.object_refs.0'],
    ];
    for (const [damage, path] of cases) {
      const p = received(buildReturnedPayload(header(), statuses));
      damage(p);
      expect(problemOf(readReturnedBundle(p)), path).toBe(path);
    }
  });
});
