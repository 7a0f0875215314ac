import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { municipalities } from '../../geo/municipalities';
import { builtinTaxonomy } from '../../taxonomy/builtin-taxonomy';
import { cells, header, officerSignals, statuses, summaries } from '../../test-support/exchange-fixtures';
import { readPayload, type Payload } from '../payload';
import { buildOfficerPayload, readOfficerBundle } from './officer-bundle';
import { buildReturnedPayload, readReturnedBundle } from './returned-bundle';
import { obiExtensionDefinition, obiExtensionId, obiFixedObjects } from './obi-extension';
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

/** The path of a field of the n-th object of a type, as a reader names it. */
function at(payload: Payload, type: string, field?: string, n = 0): string {
  const index = payload.bundle.objects.indexOf(objectOf(payload, type, n));
  return `bundle.objects.${index}${field === undefined ? '' : `.${field}`}`;
}

/** The identity of a target group (the first identity is the producer). */
const targetGroup = (payload: Payload) => payload.bundle.objects.find((o) => o.type === 'identity' && o.identity_class === 'class')!;

/** The note that names the region of a sighting. */
const placeNoteOf = (payload: Payload, sighting: string) =>
  payload.bundle.objects.find((o) => o.type === 'note' && (o.object_refs as string[])[0] === sighting && own(o).note === 'place')!;

/** Our extension's properties on an object, and their path. */
const ext = `extensions.${obiExtensionId}`;
const own = (object: Record<string, unknown>) => (object.extensions as Record<string, Record<string, unknown>>)[obiExtensionId]!;

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
      conversation: fc.stringMatching(/^[0-9a-f]{32}$/),
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
    const cases: Array<(p: Payload) => string> = [
      (p) => {
        own(objectOf(p, 'note')).consent = false;
        return at(p, 'note', `${ext}.consent`);
      },
      (p) => {
        delete own(objectOf(p, 'note')).meeting_date;
        return at(p, 'note', `${ext}.meeting_date`);
      },
      (p) => {
        own(objectOf(p, 'note')).extension_type = 'toplevel-property-extension';
        return at(p, 'note', `${ext}.extension_type`);
      },
      (p) => {
        delete objectOf(p, 'note').extensions;
        return at(p, 'note', 'extensions');
      },
      (p) => {
        objectOf(p, 'note').x_obi_consent = true;
        own(objectOf(p, 'note')).consent = 'yes';
        return at(p, 'note', `${ext}.consent`);
      },
      (p) => {
        objectOf(p, 'note').content = '  ';
        return at(p, 'note', 'content');
      },
      (p) => {
        objectOf(p, 'note').object_refs = [objectOf(p, 'identity').id];
        return at(p, 'note', 'object_refs.0');
      },
      (p) => {
        objectOf(p, 'note').object_refs = ['location--2f0c2a5e-3b7d-4c8e-9f0a-1b2c3d4e5f60'];
        return at(p, 'note', 'object_refs.0');
      },
      (p) => {
        objectOf(p, 'location').administrative_area = 'Bayern';
        return at(p, 'location', 'administrative_area');
      },
      (p) => {
        own(objectOf(p, 'note', 1)).signal_id = own(objectOf(p, 'note')).signal_id;
        return at(p, 'note', `${ext}.signal_id`, 1);
      },
      (p) => {
        objectOf(p, 'note').object_marking_refs = [];
        return at(p, 'note', 'object_marking_refs');
      },
      (p) => {
        objectOf(p, 'note').spec_version = '2.0';
        return at(p, 'note', 'spec_version');
      },
      (p) => {
        p.bundle.objects.push(objectOf(p, 'note'));
        return `bundle.objects.${p.bundle.objects.length - 1}.id`;
      },
      (p) => {
        objectOf(p, 'extension-definition').version = '9.9.9';
        return at(p, 'extension-definition');
      },
      (p) => {
        p.bundle.objects = p.bundle.objects.filter((o) => o.type !== 'extension-definition');
        return 'bundle.objects';
      },
      (p) => {
        p.manifest.counts.signals = 4;
        return 'manifest.counts.signals';
      },
      (p) => {
        p.manifest.kind = 'returned';
        return 'manifest.kind';
      },
    ];
    for (const damage of cases) {
      const p = received(buildOfficerPayload(header(), officerSignals));
      const path = damage(p);
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

  it('maps a cell as TAXONOMY-SOURCES.md describes, with the codes where consumers read them', () => {
    const payload = buildTeamPayload(header(), taxonomy, teamContent);
    const byId = new Map(payload.bundle.objects.map((o) => [o.id, o]));
    const producer = objectOf(payload, 'identity');
    expect(producer).toMatchObject({ name: 'SZW liaison network', identity_class: 'organization' });
    const sighting = objectOf(payload, 'sighting');
    const pattern = byId.get(sighting.sighting_of_ref as string)!;
    const mo = 'nl-obi:modus-operandi="intimidation-threats"';
    expect(pattern).toMatchObject({
      type: 'attack-pattern',
      labels: ['tlp:amber+strict', mo],
      external_references: [{ source_name: 'nl-obi', external_id: mo }],
    });
    expect(own(pattern)).toEqual({ extension_type: 'property-extension', predicate: 'modus-operandi', value: 'intimidation-threats' });
    const tags = ['nl-obi:state-actor="CN"', mo, 'nl-obi:target="activists-dissidents"', 'nl-obi:channel="in-person"'];
    expect(sighting).toMatchObject({
      count: 6,
      summary: true,
      first_seen: '2026-08-01T00:00:00.000Z',
      last_seen: '2026-08-31T23:59:59.999Z',
      labels: ['tlp:amber+strict', ...tags],
      external_references: tags.map((tag): unknown => expect.objectContaining({ source_name: 'nl-obi', external_id: tag })),
    });
    expect(sighting.description).toMatch(/^6 conversations: China; /);
    // Who saw it: the reporting organisation; where: the location, named by a note on the sighting.
    expect(sighting.where_sighted_refs).toEqual([producer.id]);
    const place = placeNoteOf(payload, sighting.id);
    expect(place).toMatchObject({ abstract: 'Region: Zuid-Holland', lang: 'en', labels: ['tlp:amber+strict', ...tags] });
    expect(own(place)).toEqual({ extension_type: 'property-extension', note: 'place' });
    const where = (place.object_refs as string[])[1]!;
    expect(byId.get(where)).toMatchObject({ type: 'location', country: 'NL', administrative_area: 'Zuid-Holland' });
    expect(own(byId.get(where)!)).toEqual({ extension_type: 'property-extension', level: 'province' });
    const { count, ...cell } = cells[0]!;
    expect(own(sighting)).toEqual({
      extension_type: 'property-extension',
      cell: {
        state_actor: cell.stateActor,
        modus_operandi: cell.modusOperandi,
        target: cell.target,
        channel: cell.channel,
        region: cell.region,
        period: cell.period,
      },
    });
    expect(count).toBe(sighting.count);

    const actor = objectOf(payload, 'threat-actor');
    expect(actor).toMatchObject({
      name: 'China',
      threat_actor_types: ['nation-state'],
      aliases: ['CN'],
      labels: ['tlp:amber+strict', 'nl-obi:state-actor="CN"'],
      external_references: [
        { source_name: 'nl-obi', external_id: 'nl-obi:state-actor="CN"', description: 'China' },
        { source_name: 'ISO 3166-1 alpha-2', external_id: 'CN', description: 'China' },
      ],
    });
    expect(actor.description).toMatch(/^Authorities of the country or territory with ISO code CN \(China\)/);
    const target = targetGroup(payload);
    expect(target).toMatchObject({ labels: ['tlp:amber+strict', 'nl-obi:target="activists-dissidents"'] });
    const rels = payload.bundle.objects.filter((o) => o.type === 'relationship');
    expect(rels).toContainEqual(expect.objectContaining({ relationship_type: 'uses', source_ref: actor.id, target_ref: pattern.id }));
    expect(rels).toContainEqual(expect.objectContaining({ relationship_type: 'targets', source_ref: pattern.id, target_ref: target.id }));
    const summary = payload.bundle.objects.find((o) => o.type === 'note' && own(o).note === 'summary')!;
    expect(summary).toMatchObject({ content: summaries[0]!.text, object_refs: [sighting.id], labels: ['tlp:amber+strict', ...tags] });
    // Two cells share the state actor and the modus operandi: one object each, one `uses`.
    expect(payload.bundle.objects.filter((o) => o.id === actor.id)).toHaveLength(1);
    expect(rels.filter((r) => r.relationship_type === 'uses' && r.source_ref === actor.id)).toHaveLength(1);
    expect(actor.id).toBe(stableId('threat-actor', 'state-actor:CN'));
  });

  it('gives every object a description and labels, and the bundle the extension definition once', () => {
    const payload = buildTeamPayload(header(), taxonomy, teamContent);
    for (const o of payload.bundle.objects) {
      // STIX gives a note no description: its abstract and content say what it is.
      if (o.type !== 'note') expect(o.description, o.id).toEqual(expect.stringMatching(/\S/));
      expect((o.labels as string[]).length, o.id).toBeGreaterThan(0);
      expect(o).not.toHaveProperty('x_obi_value');
      for (const key of Object.keys(o)) expect(key, o.id).not.toMatch(/^x_/);
    }
    expect(payload.bundle.objects.filter((o) => o.type === 'extension-definition')).toEqual([obiExtensionDefinition]);
    const grouping = objectOf(payload, 'grouping');
    for (const id of obiFixedObjects.keys()) expect(grouping.object_refs).not.toContain(id);
  });

  it('gives no machine tag to values outside the taxonomy', () => {
    const payload = buildTeamPayload(header(), taxonomy, teamContent);
    const valued = (type: string, value: string) => payload.bundle.objects.find((o) => o.type === type && o.extensions && own(o).value === value)!;
    const several = valued('attack-pattern', 'multiple');
    expect(several.external_references).toBeUndefined();
    expect(several.labels).toEqual(['tlp:amber+strict']);
    expect(several.name).toBe('Several modi operandi');
    const actors = valued('threat-actor', 'multiple');
    expect(actors).toMatchObject({ name: 'Several state actors', labels: ['tlp:amber+strict'] });
    expect(actors.external_references).toBeUndefined();
    const any = valued('identity', 'any');
    expect(any.labels).toEqual(['tlp:amber+strict']);
    expect(objectOf(payload, 'sighting', 2).labels).toEqual(['tlp:amber+strict']);
    expect(objectOf(payload, 'sighting', 2).external_references).toBeUndefined();
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
    expect(() => buildTeamPayload({ ...header(), taxonomyVersion: 1 }, taxonomy, teamContent)).toThrow(/taxonomy version/);
  });

  it('names the field of a damaged bundle', () => {
    const cases: Array<(p: Payload) => string> = [
      (p) => {
        objectOf(p, 'sighting').count = 4;
        return at(p, 'sighting', 'count');
      },
      (p) => {
        (own(objectOf(p, 'sighting')).cell as { period: { level: string } }).period.level = 'year';
        return at(p, 'sighting', `${ext}.cell.period.level`);
      },
      (p) => {
        (own(objectOf(p, 'sighting')).cell as { organisation?: string }).organisation = 'BZ';
        return at(p, 'sighting', `${ext}.cell`);
      },
      (p) => {
        delete objectOf(p, 'sighting').extensions;
        return at(p, 'sighting', 'extensions');
      },
      (p) => {
        objectOf(p, 'sighting').where_sighted_refs = [targetGroup(p).id];
        return at(p, 'sighting', 'where_sighted_refs.0');
      },
      (p) => {
        objectOf(p, 'sighting').where_sighted_refs = [objectOf(p, 'location').id];
        return at(p, 'sighting', 'where_sighted_refs.0');
      },
      (p) => {
        const place = placeNoteOf(p, objectOf(p, 'sighting').id);
        place.object_refs = [objectOf(p, 'sighting').id, objectOf(p, 'location', 1).id];
        return `bundle.objects.${p.bundle.objects.indexOf(place)}.object_refs.1`;
      },
      (p) => {
        const place = placeNoteOf(p, objectOf(p, 'sighting').id);
        place.object_refs = [objectOf(p, 'sighting').id, targetGroup(p).id];
        return `bundle.objects.${p.bundle.objects.indexOf(place)}.object_refs.1`;
      },
      (p) => {
        const place = placeNoteOf(p, objectOf(p, 'sighting').id);
        own(place).note = 'where';
        return `bundle.objects.${p.bundle.objects.indexOf(place)}.${ext}.note`;
      },
      (p) => {
        const summary = p.bundle.objects.find((o) => o.type === 'note' && own(o).note === 'summary')!;
        summary.object_refs = [objectOf(p, 'identity').id];
        return `bundle.objects.${p.bundle.objects.indexOf(summary)}.object_refs.0`;
      },
      (p) => {
        const target = targetGroup(p);
        target.object_marking_refs = ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'];
        return `bundle.objects.${p.bundle.objects.indexOf(target)}.object_marking_refs`;
      },
      (p) => {
        const maintainer = p.bundle.objects.find((o) => obiFixedObjects.has(o.id) && o.type === 'identity')!;
        maintainer.name = 'SZW';
        return `bundle.objects.${p.bundle.objects.indexOf(maintainer)}`;
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
    const content = payload.bundle.objects.filter((o) => !obiFixedObjects.has(o.id));
    expect(content.every((o) => (o.object_marking_refs as string[]).includes(tlpAmberStrict))).toBe(true);
    expect(own(objectOf(payload, 'note', 1))).toEqual({ extension_type: 'property-extension', signal_id: statuses[1]!.signalRef, status: 'returned' });
  });

  it('refuses a return without a reason and names damaged fields', () => {
    expect(() => buildReturnedPayload(header(), [{ signalRef: statuses[0]!.signalRef, status: 'returned', reason: ' ' }])).toThrow();
    const cases: Array<(p: Payload) => string> = [
      (p) => {
        objectOf(p, 'note', 1).content = '';
        return at(p, 'note', 'content', 1);
      },
      (p) => {
        own(objectOf(p, 'note')).status = 'lost';
        return at(p, 'note', `${ext}.status`);
      },
      (p) => {
        objectOf(p, 'note').object_refs = [objectOf(p, 'identity').id];
        return at(p, 'note', 'object_refs.0');
      },
    ];
    for (const damage of cases) {
      const p = received(buildReturnedPayload(header(), statuses));
      const path = damage(p);
      expect(problemOf(readReturnedBundle(p)), path).toBe(path);
    }
  });
});
