import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sumsOfCells } from '../../../shared/central/cell-sums';
import { releasedCell } from '../../../shared/central/central-input';
import type { PeriodCell } from '../../../shared/exchange/stix/period-bundle';
import { buildTeamPayload } from '../../../shared/exchange/stix/team-bundle';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { sortedSums, variedCentral } from '../../../shared/test-support/central-fixtures';
import { evolve } from '../../../shared/test-support/taxonomy-evolve';
import { centralWorkstation } from '../../test-support/central-chain';
import { centralKey, writeTaxonomyFile } from '../../test-support/signed-taxonomy';
import { tempDir } from '../../test-support/temp-dirs';
import { generateKeyPair, publicKeyBase64 } from '../crypto/minisign';
import { importTaxonomy } from '../taxonomy/import-taxonomy';
import { taggedStores } from '../wiring';
import { takeInTeamBundle } from './central-intake';
import { CentralStore } from './central-store';

/**
 * The sums a report reads are the sums of the stored cells, whatever happened to them: added at
 * intake and changed with a cell's taxonomy values (the migration that fills them for older vaults
 * is tested in vault/central-sums-migration.test.ts). Compared with the sums of the same cells made
 * in memory (shared/central/cell-sums.ts), which the fenomeenbeeld's own tests build on.
 */

const allDays = { from: '0000-01-01', to: '9999-12-31' };
const taxonomy = builtinTaxonomy();

const storedCells = (store: CentralStore): PeriodCell[] => store.cellsOverlapping(allDays.from, allDays.to).map(releasedCell);

describe('the sums of the central point', () => {
  it('are the sums of its cells: at intake, and after a taxonomy change moved cells to other values', async () => {
    const central = await centralWorkstation();
    const sim = variedCentral();
    const policy = central.policy(sim.teams.map((t) => ({ name: t.name, organisation: t.organisation, signer: publicKeyBase64(generateKeyPair()) })));
    for (const report of sim.reports) {
      const cells = sim.cells.filter((c) => c.bundleId === report.bundleId).map(releasedCell);
      const payload = buildTeamPayload(
        {
          id: randomUUID(),
          organisation: report.organisation,
          period: report.period,
          taxonomyVersion: taxonomy.machinetag.version,
          softwareVersion: '0.1.0',
          now: new Date(`${report.period.to}T12:00:00Z`),
        },
        taxonomy,
        { cells: cells.map(({ organisation: _o, ...c }) => c), k: 5, suppressed: 0, carriedOver: 0 },
      );
      takeInTeamBundle(central.vault, policy, { payload, team: report.team, taxonomy, now: new Date('2026-06-01T10:00:00Z') });
    }
    const store = new CentralStore(central.vault);
    const before = storedCells(store);
    expect(before).toHaveLength(sim.cells.length);
    expect(sortedSums(store.sumsOverlapping(allDays.from, allDays.to))).toEqual(sortedSums(sumsOfCells(before)));
    // A window reads the sums of the cells that overlap it, and no others.
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect(sortedSums(store.sumsOverlapping(march.from, march.to))).toEqual(
      sortedSums(sumsOfCells(before.filter((c) => c.period.to >= march.from && c.period.from <= march.to))),
    );

    const { key, taxonomyKey } = centralKey();
    const next = evolve([{ merge: ['state-actor', 'CN', 'HK'] }, { rename: ['modus-operandi', 'physical-surveillance', 'surveillance-in-person'] }]);
    importTaxonomy(central.vault, taggedStores(central.vault), writeTaxonomyFile(tempDir(), next, key), taxonomyKey);
    const after = storedCells(store);
    expect(after.filter((c) => c.stateActor === 'HK').length).toBeGreaterThan(before.filter((c) => c.stateActor === 'HK').length);
    expect(after.some((c) => c.modusOperandi === 'surveillance-in-person')).toBe(true);
    expect(sortedSums(store.sumsOverlapping(allDays.from, allDays.to))).toEqual(sortedSums(sumsOfCells(after)));
  });
});
