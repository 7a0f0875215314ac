import { readOfficerBundle } from '../../shared/exchange/stix/officer-bundle';
import { parsePolicy, type Policy } from '../../shared/policy/policy-schema';
import type { CaptureDeps } from '../core/capture/capture-ports';
import { Meetings } from '../core/capture/meetings';
import { readyAll } from '../core/capture/ready-all';
import { buildOfficerBundle } from '../core/exchange/prepare-officer-bundle';
import type { OpenVault } from '../core/vault/vault';

const places = ['Utrecht', 'Amersfoort', 'Deventer'] as const;
const communities = ['chinese', 'iranian', 'eritrean'] as const;
const actors = ['CN', 'IR', 'ER'] as const;

/**
 * An import file of `n` meetings as a source system exports them: every third line without the
 * source's `id`, each with one signal ready to be sent. `sourceRef` makes the ids recognisable in
 * anything that must never carry them.
 */
export function sampleImportLines(n: number, sourceRef = (i: number) => `crm-2026-${1000 + i}`): string[] {
  return Array.from({ length: n }, (_, i) => {
    const notes = `Gesprek ${i}: deelnemers vertelden dat familie in het land van herkomst is ondervraagd over hun activiteiten hier.`;
    return JSON.stringify({
      ...(i % 3 === 2 ? {} : { id: sourceRef(i) }),
      date: `2026-10-${String(1 + (i % 20)).padStart(2, '0')}`,
      kind: 'community-dialogue',
      community: communities[i % 3],
      municipality: places[i % 3],
      participants: 5 + (i % 7),
      notes,
      signals: [
        {
          quote: 'familie in het land van herkomst is ondervraagd',
          summary: `Familie ondervraagd na gesprek ${i}.`,
          tags: [`nl-obi:state-actor="${actors[i % 3]}"`, 'nl-obi:modus-operandi="coercion-by-proxy-family"', 'nl-obi:channel="via-family-in-origin-country"'],
          consent: true,
        },
      ],
    });
  });
}

/** Every meeting of the vault without its row ids and times: what an import must leave the same. */
export function meetingsOf(vault: OpenVault, deps: CaptureDeps): string[] {
  const meetings = new Meetings(vault, deps);
  return meetings
    .list(100_000)
    .items.map(({ date, time, kind, community, municipality, province, setting, participants, signals, id }) =>
      JSON.stringify({ date, time, kind, community, municipality, province, setting, participants, signals, notes: meetings.notes(id).body }),
    )
    .sort();
}

const officerPolicy = (): Policy => {
  const parsed = parsePolicy({ organisation: 'BZ', role: 'officer' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
};

/**
 * The cells of the officer bundle the vault's signals would make now (all made ready first): each
 * signal's date, place, tags and summary, sorted, without the random references.
 */
export function officerBundleCells(vault: OpenVault, deps: CaptureDeps): string[] {
  readyAll(vault, deps, true);
  const build = buildOfficerBundle(vault, officerPolicy(), deps, new Date('2026-11-01T12:00:00Z'));
  const read = readOfficerBundle(build.payload);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.value.map((s) => JSON.stringify([s.meetingDate, s.municipality, s.province, s.tags, s.summary])).sort();
}

/** The whole officer bundle payload as text, for checks of what it must never hold. */
export function officerBundleText(vault: OpenVault, deps: CaptureDeps): string {
  readyAll(vault, deps, true);
  return JSON.stringify(buildOfficerBundle(vault, officerPolicy(), deps, new Date('2026-11-01T12:00:00Z')).payload);
}
