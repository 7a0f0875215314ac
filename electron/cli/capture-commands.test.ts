import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { obi } from '../test-support/run-cli';
import { passphrase, snapshotFiles, tempDir } from '../test-support/temp-dirs';

const line = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    date: '2026-11-02',
    kind: 'community-dialogue',
    community: 'iranian',
    municipality: 'Deventer',
    participants: 12,
    setting: 'buurthuis',
    notes: 'Zij vertelde over druk via familie.',
    ...extra,
  });

describe('obi notes import', () => {
  it('refuses bytes that are not UTF-8 by line and offset, and implausible dates, leaving the vault as it was', async () => {
    const dir = tempDir();
    const env = { OBI_VAULT: join(dir, 'v'), OBI_PASSPHRASE: passphrase };
    expect((await obi(['vault', 'init'], env)).code).toBe(0);
    const before = snapshotFiles(env.OBI_VAULT);

    const latin1 = Buffer.from(line({ setting: 'café' }), 'latin1');
    const file = join(dir, 'notes.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from(`${line()}\n`), latin1]));
    const offset = latin1.indexOf(0xe9);
    const bad = await obi(['notes', 'import', file], env);
    expect(bad).toEqual({
      code: 2,
      out: '',
      err: `obi: line 2: is not valid UTF-8 at byte offset ${offset} of the line (${line().length + 1 + offset} of the file)`,
    });

    writeFileSync(file, [line(), line({ date: '0000-01-01' })].join('\n'));
    expect(await obi(['notes', 'import', file], env)).toMatchObject({ code: 2, err: 'obi: line 2: date: must not be before 1990-01-01' });
    expect(snapshotFiles(env.OBI_VAULT)).toEqual(before);

    writeFileSync(file, Buffer.from(line({ setting: 'café' })));
    expect(await obi(['notes', 'import', file], env)).toMatchObject({
      code: 0,
      out: '1 new, 0 already in the vault, nothing changed for those (0 new signals).',
    });
  }, 20_000);
});
