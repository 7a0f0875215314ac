import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { folderTransport } from './folder-transport';

describe('folder transport', () => {
  it('writes each file whole into the outbox, signature first, and lists the inbox oldest first', () => {
    const dir = tempDir();
    const t = folderTransport({ kind: 'folder', outbox: join(dir, 'out', 'nested'), inbox: join(dir, 'in') });
    const paths = t.deliver([
      { name: 'b1.age.minisig', bytes: 'sig' },
      { name: 'b1.age', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    expect(paths.map((p) => p.split('/').pop())).toEqual(['b1.age.minisig', 'b1.age']);
    expect(readFileSync(paths[1]!)).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(join(dir, 'out', 'nested')).sort()).toEqual(['b1.age', 'b1.age.minisig']);
    expect(t.inbox()).toEqual([]);
  });

  it('reads only bundle files with safe names from the inbox', () => {
    const dir = tempDir();
    for (const n of ['a.age', 'a.age.minisig', 'notes.txt', '.hidden.age']) writeFileSync(join(dir, n), 'x');
    expect(
      folderTransport({ kind: 'folder', outbox: dir, inbox: dir })
        .inbox()
        .map((p) => p.split('/').pop()),
    ).toEqual(['a.age']);
  });

  it('refuses unsafe names and a missing returns folder', () => {
    const dir = tempDir();
    const t = folderTransport({ kind: 'folder', outbox: dir, inbox: dir });
    expect(() => t.deliver([{ name: '../escape.age', bytes: 'x' }])).toThrow(AppError);
    expect(() => t.deliver([{ name: 'r.age', bytes: 'x' }], 'returns')).toThrow(/transport.returns/);
  });
});
