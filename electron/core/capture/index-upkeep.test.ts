import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { IndexUpkeep } from './index-upkeep';
import { Meetings } from './meetings';
import { search } from './search';
import { vaultSql } from '../../test-support/vault-sql';

const vaults: OpenVault[] = [];
afterEach(() => {
  vi.useRealTimers();
  vaults.splice(0).forEach((v) => v.close());
});

async function open() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  vaults.push(vault);
  return { vault, meetings: new Meetings(vault, captureDeps(vault)) };
}

const fields = {
  date: '2026-11-02',
  time: null,
  kind: 'community-dialogue' as const,
  community: 'iranian',
  municipality: 'Deventer',
  setting: 'buurthuis',
  participants: 12,
};

/** Segments of the notes index: each one has at least one row in the index's term table. */
const segments = (vault: OpenVault) => (vaultSql(vault)('SELECT count(DISTINCT segid) AS n FROM notes_fts_idx').get() as { n: number }).n;

/** Forty meetings, then every note saved once more: eighty small writes, each its own segment. */
function writeMany(meetings: Meetings, afterEach: () => void = () => undefined) {
  const ids = Array.from({ length: 40 }, (_, i) => meetings.create(fields, `eerste versie ${i} kanaal${i}`).id);
  ids.forEach((id, i) => {
    meetings.saveNotes(id, `tweede versie ${i} onderwerp${i}`, meetings.notes(id).revision);
    afterEach();
  });
  return ids;
}

describe('full-text index upkeep', () => {
  it('keeps merging out of saves and does it in a round afterwards, without losing or reviving words', async () => {
    const { vault, meetings } = await open();
    for (const table of ['notes_fts', 'summaries_fts']) {
      expect(vaultSql(vault)(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).get()).toEqual({ v: 0 });
    }
    const counts: number[] = [];
    const ids = writeMany(meetings, () => counts.push(segments(vault)));
    // Every save added its segment and merged nothing (until SQLite's crisis bound of 64 at the 64th write).
    expect(counts.slice(0, 20)).toEqual(counts.slice(0, 20).map((_, i) => counts[0]! + i));
    const piledUp = segments(vault);

    const upkeep = new IndexUpkeep(vault, { budgetMs: 60_000 });
    expect(upkeep.runRound()).toBe(true);
    expect(segments(vault)).toBeLessThan(piledUp / 3);
    expect(upkeep.runRound()).toBe(true);

    expect(search(vault, 'tweede', {}, 100)).toHaveLength(ids.length);
    expect(search(vault, 'onderwerp17', {}, 10).map((h) => h.meetingId)).toEqual([ids[17]]);
    expect(search(vault, 'eerste', {}, 100)).toHaveLength(0);
    expect(search(vault, 'kanaal17', {}, 10)).toHaveLength(0);
  });

  it('stops a round when its time is spent and reports that work remains', async () => {
    const { vault, meetings } = await open();
    writeMany(meetings);
    const upkeep = new IndexUpkeep(vault, { budgetMs: 0, pagesPerStep: 1 });
    expect(upkeep.runRound()).toBe(false);
  });

  it('runs shortly after a write, once, and never after the vault is closed', async () => {
    const { vault, meetings } = await open();
    writeMany(meetings);
    vi.useFakeTimers();
    const upkeep = new IndexUpkeep(vault, { delayMs: 100, budgetMs: 60_000 });
    const round = vi.spyOn(upkeep, 'runRound');
    upkeep.soon();
    upkeep.soon();
    await vi.advanceTimersByTimeAsync(99);
    expect(round).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(round).toHaveBeenCalledTimes(1);

    upkeep.soon();
    upkeep.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(round).toHaveBeenCalledTimes(1);

    upkeep.soon();
    vault.close();
    await vi.advanceTimersByTimeAsync(500);
    expect(round).toHaveBeenCalledTimes(1);
  });
});
