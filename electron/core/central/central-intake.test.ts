import { copyFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { releasedCell } from '../../../shared/central/central-input';
import { buildTeamPayload } from '../../../shared/exchange/stix/team-bundle';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { cells, header, summaries } from '../../../shared/test-support/exchange-fixtures';
import { evolve } from '../../../shared/test-support/taxonomy-evolve';
import { centralWorkstation, makeTeam, teamRound } from '../../test-support/central-chain';
import { meetings } from '../../test-support/exchange-pair';
import { centralKey, writeTaxonomyFile } from '../../test-support/signed-taxonomy';
import { tempDir } from '../../test-support/temp-dirs';
import { readInbox } from '../exchange/exchange-service';
import { importTaxonomy } from '../taxonomy/import-taxonomy';
import { captureDeps, taggedStores } from '../wiring';
import { takeInTeamBundle } from './central-intake';
import { CentralStore } from './central-store';

/** Every day a stored cell can have: the store's reads take a window. */
const allDays = { from: '0000-01-01', to: '9999-12-31' };

const october = new Date('2026-10-30T10:00:00Z');

/** Puts a bundle and its signature into a folder (the central inbox, or another). */
const deliver = (file: string, dir: string) => {
  copyFileSync(file, join(dir, basename(file)));
  copyFileSync(`${file}.minisig`, join(dir, `${basename(file)}.minisig`));
  return join(dir, basename(file));
};

describe('the central point takes in team bundles', () => {
  it('stores the cells, summaries and report of an enrolled team with team, organisation, period and taxonomy version', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('team-szw', 'SZW', central.recipient);
    const file = await teamRound(team, [meetings(3)], october);
    deliver(file, central.inbox);

    const results = await readInbox(central.vault, central.policy([team]), captureDeps(central.vault));
    expect(results).toMatchObject([{ outcome: 'imported', signals: 3 }]);
    const store = new CentralStore(central.vault);
    const [report] = store.reports();
    expect(report).toMatchObject({
      team: 'team-szw',
      organisation: 'SZW',
      taxonomyVersion: builtinTaxonomy().machinetag.version,
      cellCount: 1,
      period: { from: '2026-10-01' },
    });
    expect(report!.receivedAt).toMatch(/T\d{2}:00:00\.000Z$/);
    // The team lead's review figures of the period come along for the evaluation.
    expect(report!.evaluation).toMatchObject({ returned: 0, redactedFurther: 0 });
    expect(report!.evaluation!.inPeriod).toBe(report!.evaluation!.approved);
    expect(store.cellsOverlapping(allDays.from, allDays.to)).toMatchObject([
      { team: 'team-szw', organisation: 'SZW', stateActor: 'CN', modusOperandi: 'physical-surveillance', count: 3 },
    ]);
    expect(readdirSync(central.inbox).filter((n) => n.endsWith('.age'))).toEqual([]);
  });

  it('keeps each redacted summary with its cell, and refuses a bundle whose STIX breaks the team-bundle contract', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('team-szw', 'SZW', central.recipient);
    const policy = central.policy([team]);
    const intake = { team: 'team-szw', taxonomy: builtinTaxonomy(), now: october };
    const payload = buildTeamPayload(header(), builtinTaxonomy(), { cells, summaries, k: 5, suppressed: 0, carriedOver: 0 });
    expect(takeInTeamBundle(central.vault, policy, { ...intake, payload })).toBe(4);
    const store = new CentralStore(central.vault);
    const stored = store.cellsOverlapping(allDays.from, allDays.to).map(releasedCell);
    expect(store.summariesOverlapping(allDays.from, allDays.to)).toEqual(summaries.map((s) => ({ cell: stored[s.cell], text: s.text })));

    const broken = buildTeamPayload(header(randomUUID()), builtinTaxonomy(), { cells, k: 5, suppressed: 0, carriedOver: 0 });
    const sighting = broken.bundle.objects.find((o) => o.type === 'sighting')!;
    sighting.count = 2;
    expect(() => takeInTeamBundle(central.vault, policy, { ...intake, payload: broken })).toThrow(/count: must be at least k = 5/);
    expect(store.counts()).toEqual({ reports: 1, cells: 4 });
  });

  it('takes in the signed empty report as a report of no cells', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('team-bz', 'BZ', central.recipient);
    const file = await teamRound(team, [null], october);
    const results = await readInbox(central.vault, central.policy([team]), captureDeps(central.vault), [file]);
    expect(results).toMatchObject([{ outcome: 'imported', signals: 0 }]);
    expect(new CentralStore(central.vault).reports()).toMatchObject([{ team: 'team-bz', cellCount: 0 }]);
  });

  it('recognises a replay by its id, named or renamed in the inbox, and keeps nothing twice', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('team-szw', 'SZW', central.recipient);
    const file = await teamRound(team, [meetings(2)], october);
    const policy = central.policy([team]);
    await readInbox(central.vault, policy, captureDeps(central.vault), [file]);
    const again = await readInbox(central.vault, policy, captureDeps(central.vault), [file]);
    expect(again).toMatchObject([{ outcome: 'refused', reason: 'bundle_replayed' }]);
    copyFileSync(file, join(central.inbox, 'renamed.age'));
    copyFileSync(`${file}.minisig`, join(central.inbox, 'renamed.age.minisig'));
    const fromInbox = await readInbox(central.vault, policy, captureDeps(central.vault));
    expect(fromInbox).toMatchObject([{ outcome: 'skipped', reason: 'seen' }]);
    expect(new CentralStore(central.vault).counts()).toEqual({ reports: 1, cells: 1 });
  });

  it('refuses a team that is not enrolled, and a team bundle from another organisation than enrolled, keeping nothing', async () => {
    const central = await centralWorkstation();
    const enrolled = await makeTeam('team-szw', 'SZW', central.recipient);
    const stranger = await makeTeam('team-x', 'BZ', central.recipient);
    const strangerFile = await teamRound(stranger, [meetings(2)], october);
    const refused = await readInbox(central.vault, central.policy([enrolled]), captureDeps(central.vault), [strangerFile]);
    expect(refused).toMatchObject([{ outcome: 'refused', reason: 'bundle_untrusted' }]);

    const wrongOrganisation = await readInbox(central.vault, central.policy([{ ...stranger, organisation: 'NCTV' }]), captureDeps(central.vault), [
      strangerFile,
    ]);
    expect(wrongOrganisation).toMatchObject([{ outcome: 'refused', reason: 'bundle_invalid' }]);
    expect(wrongOrganisation[0]!.message).toContain('enrolled for NCTV');
    expect(new CentralStore(central.vault).counts()).toEqual({ reports: 0, cells: 0 });
    expect(central.vault.recentAudit(20).filter((e) => e.event === 'bundle.refused')).toHaveLength(2);
  });

  it('refuses an officer bundle sent to the central point', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('team-szw', 'SZW', central.recipient);
    await teamRound(team, [meetings(2)], october);
    const officerFile = readdirSync(team.o2l).find((n) => n.endsWith('.age'))!;
    const results = await readInbox(central.vault, central.policy([team]), captureDeps(central.vault), [join(team.o2l, officerFile)]);
    // Signed by an officer, whom the central point does not know; never decrypted.
    expect(results).toMatchObject([{ outcome: 'refused', reason: 'bundle_untrusted' }]);
  });

  it('brings cells of an older taxonomy version to the one in force, at intake and when a newer one is imported', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('team-szw', 'SZW', central.recipient);
    const policy = central.policy([team]);
    const { key, taxonomyKey } = centralKey();
    const v2 = evolve([{ rename: ['modus-operandi', 'physical-surveillance', 'surveillance-in-person'] }]);
    const v3 = evolve([{ merge: ['state-actor', 'CN', 'HK'] }], v2);

    await readInbox(central.vault, policy, captureDeps(central.vault), [await teamRound(team, [meetings(2)], october)]);
    importTaxonomy(central.vault, taggedStores(central.vault), writeTaxonomyFile(tempDir(), v2, key), taxonomyKey);
    const store = new CentralStore(central.vault);
    expect(store.cellsOverlapping(allDays.from, allDays.to)).toMatchObject([
      { modusOperandi: 'surveillance-in-person', stateActor: 'CN', taxonomyVersion: v2.machinetag.version },
    ]);

    // The team still works with version 1; its next bundle arrives after the central point moved to version 3.
    importTaxonomy(central.vault, taggedStores(central.vault), writeTaxonomyFile(tempDir(), v3, key), taxonomyKey);
    await readInbox(central.vault, policy, captureDeps(central.vault), [await teamRound(team, [meetings(2, 10)], new Date('2026-11-30T10:00:00Z'))]);
    expect(store.cellsOverlapping(allDays.from, allDays.to).map((c) => [c.stateActor, c.modusOperandi, c.taxonomyVersion])).toEqual([
      ['HK', 'surveillance-in-person', v3.machinetag.version],
      ['HK', 'surveillance-in-person', v3.machinetag.version],
    ]);
    expect(store.reports().map((r) => r.taxonomyVersion)).toEqual([builtinTaxonomy().machinetag.version, builtinTaxonomy().machinetag.version]);
  });
});
