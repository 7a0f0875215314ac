import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { meetingsOf, officerBundleCells, officerBundleText, sampleImportLines } from '../../test-support/sample-import';
import { passphrase, snapshotFiles, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { Meetings } from './meetings';
import { importMeetings } from './notes-import';

const vaults: OpenVault[] = [];
afterEach(() => vaults.splice(0).forEach((v) => v.close()));

async function open() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  vaults.push(vault);
  return { vault, deps: captureDeps(vault) };
}

/** The vault's files but the shared-memory index, which any read may touch: what was written. */
const written = (dir: string) => new Map([...snapshotFiles(dir)].filter(([path]) => !path.endsWith('-shm')));

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('accepted');
};

describe('importing the same meetings again', () => {
  it('leaves the same meetings and the same bundle cells when a file is imported twice', async () => {
    const file = sampleImportLines(12).join('\n');
    const once = await open();
    expect(importMeetings(once.vault, once.deps, file)).toEqual({ new: 12, alreadyPresent: 0, signals: 12 });
    const twice = await open();
    importMeetings(twice.vault, twice.deps, file);
    expect(importMeetings(twice.vault, twice.deps, file)).toEqual({ new: 0, alreadyPresent: 12, signals: 0 });
    expect(meetingsOf(twice.vault, twice.deps)).toEqual(meetingsOf(once.vault, once.deps));
    expect(officerBundleCells(twice.vault, twice.deps)).toEqual(officerBundleCells(once.vault, once.deps));
  });

  it('makes one meeting of one imported five times, in five files or five lines of one file', async () => {
    const [line] = sampleImportLines(1);
    const [withoutRef] = sampleImportLines(3).slice(2);
    const { vault, deps } = await open();
    for (let i = 0; i < 5; i++) importMeetings(vault, deps, `${line}\n${withoutRef}`);
    expect(new Meetings(vault, deps).count()).toBe(2);
    expect(importMeetings(vault, deps, Array(5).fill(line).join('\n'))).toEqual({ new: 0, alreadyPresent: 5, signals: 0 });
    const fresh = await open();
    expect(importMeetings(fresh.vault, fresh.deps, Array(5).fill(withoutRef).join('\r\n'))).toEqual({ new: 1, alreadyPresent: 4, signals: 1 });
    expect(officerBundleCells(fresh.vault, fresh.deps)).toHaveLength(1);
  });

  it('recognises a meeting without an id by its digest, also re-wrapped, and one that later gets its id', async () => {
    const { vault, deps } = await open();
    const value = JSON.parse(sampleImportLines(3)[2]!) as { notes: string; municipality: string };
    importMeetings(vault, deps, JSON.stringify(value));
    const rewrapped = {
      ...value,
      notes: `  ${value.notes.replace(': ', ':\r\n').replace(' hier', '\u00a0 hier')}\n`,
      municipality: value.municipality.toUpperCase(),
    };
    expect(importMeetings(vault, deps, JSON.stringify(rewrapped))).toEqual({ new: 0, alreadyPresent: 1, signals: 0 });
    // The source now exports it with its reference: still the same meeting, and known by that reference from now on.
    expect(importMeetings(vault, deps, JSON.stringify({ ...value, id: 'crm-late' }))).toEqual({ new: 0, alreadyPresent: 1, signals: 0 });
    expect(refusal(() => importMeetings(vault, deps, JSON.stringify({ ...value, id: 'crm-late', setting: 'zaal' })))).toBe(
      'invalid_request: line 1: differs from the meeting imported earlier with the same id in setting; nothing was imported (change that meeting in the app, or give the line its own id)',
    );
    expect(new Meetings(vault, deps).count()).toBe(1);
  });

  it('refuses a line that comes back changed, naming its line and fields only, and writes nothing of the file', async () => {
    const { vault, deps } = await open();
    const lines = sampleImportLines(4);
    importMeetings(vault, deps, lines.join('\n'));
    const before = written(vault.dir);
    const changed = JSON.parse(lines[1]!) as Record<string, unknown> & { notes: string };
    const secret = 'Mevrouw Yıldız uit Teheran';
    const next = [lines[0], ...sampleImportLines(6).slice(4), JSON.stringify({ ...changed, notes: `${changed.notes} ${secret}`, participants: 99 })];
    const message = refusal(() => importMeetings(vault, deps, next.join('\n')));
    expect(message).toBe(
      'invalid_request: line 4: differs from the meeting imported earlier with the same id in participants, notes; nothing was imported (change that meeting in the app, or give the line its own id)',
    );
    expect(message).not.toContain('Yıldız');
    expect(message).not.toContain('crm-');
    expect(written(vault.dir)).toEqual(before);
    // Without an id, the same date, place, community, kind and notes with other signals is the same meeting, changed.
    const noRef = JSON.parse(lines[2]!) as Record<string, unknown>;
    expect(refusal(() => importMeetings(vault, deps, JSON.stringify({ ...noRef, signals: [] })))).toBe(
      'invalid_request: line 1: differs from the meeting imported earlier with the same date, place, community, kind and notes in signals; nothing was imported (change that meeting in the app, or give the line its own id)',
    );
    // Two lines of one file with one id and different content: the second is refused.
    expect(
      refusal(() =>
        importMeetings(vault, deps, [JSON.stringify({ ...changed, id: 'nieuw' }), JSON.stringify({ ...changed, id: 'nieuw', kind: 'event' })].join('\n')),
      ),
    ).toMatch(/^invalid_request: line 2: differs from the meeting imported earlier with the same id in kind;/);
    expect(written(vault.dir)).toEqual(before);
  });

  it('keeps the source reference in the vault: it never enters a bundle', async () => {
    const { vault, deps } = await open();
    importMeetings(vault, deps, sampleImportLines(6, (i) => `BRONSYSTEEM-REF-${i}`).join('\n'));
    const bundle = officerBundleText(vault, deps);
    expect(bundle).toContain('Familie ondervraagd');
    expect(bundle).not.toContain('BRONSYSTEEM');
  });
});
