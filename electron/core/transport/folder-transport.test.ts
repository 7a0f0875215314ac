import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { folderTransport } from './folder-transport';

const at = new Date('2026-10-12T09:41:27.123Z');

describe('folder transport', () => {
  it('writes each file whole, only on the hour, and counts a file already there with the same bytes as delivered', async () => {
    const dir = tempDir();
    const out = join(dir, 'out', 'nested');
    const t = folderTransport({ kind: 'folder', outbox: out, inbox: join(dir, 'in') }, () => at);
    expect(await t.deliver({ name: 'b1.age.minisig', bytes: 'sig' }, 'outbox')).toBe(join(out, 'b1.age.minisig'));
    await t.deliver({ name: 'b1.age', bytes: new Uint8Array([1, 2, 3]) }, 'outbox');
    expect(readFileSync(join(out, 'b1.age'))).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(out).sort()).toEqual(['b1.age', 'b1.age.minisig']);
    for (const name of readdirSync(out)) expect(statSync(join(out, name)).mtime).toEqual(new Date('2026-10-12T09:00:00.000Z'));

    // A retry after a crash or a lost answer: the same bytes are fine, other bytes are never written over.
    await expect(t.deliver({ name: 'b1.age', bytes: new Uint8Array([1, 2, 3]) }, 'outbox')).resolves.toBe(join(out, 'b1.age'));
    await expect(t.deliver({ name: 'b1.age', bytes: new Uint8Array([9]) }, 'outbox')).rejects.toMatchObject({ code: 'conflict' });
    symlinkSync('/dev/zero', join(out, 'b2.age'));
    await expect(t.deliver({ name: 'b2.age', bytes: 'x' }, 'outbox')).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(join(out, 'b1.age'))).toEqual(Buffer.from([1, 2, 3]));
    expect(await t.list()).toEqual([]);
  });

  it('refuses unsafe names and a missing returns folder', async () => {
    const dir = tempDir();
    const t = folderTransport({ kind: 'folder', outbox: dir, inbox: dir });
    await expect(t.deliver({ name: '../escape.age', bytes: 'x' }, 'outbox')).rejects.toMatchObject({ code: 'internal' });
    await expect(t.deliver({ name: 'r.age', bytes: 'x' }, 'returns')).rejects.toThrow(/transport.returns/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists only bundle names, oldest first, each with what lstat says it is, never following a link', async () => {
    const dir = tempDir();
    for (const n of ['b.age', 'b.age.minisig', 'a.age', 'notes.txt', '.hidden.age', 'we ird.age']) writeFileSync(join(dir, n), 'x');
    const old = new Date('2026-01-01T00:00:00Z');
    execFileSync('touch', ['-d', old.toISOString(), join(dir, 'b.age')]);
    execFileSync('mkfifo', [join(dir, 'fifo.age')]);
    symlinkSync('/dev/zero', join(dir, 'zero.age'));
    symlinkSync(join(dir, 'nowhere.age'), join(dir, 'dangling.age'));
    mkdirSync(join(dir, 'folder.age'));
    const entries = await folderTransport({ kind: 'folder', outbox: dir, inbox: dir }).list();
    expect(entries[0]).toMatchObject({ name: 'b.age', kind: 'file', size: 1 });
    expect(Object.fromEntries(entries.map((e) => [e.name, e.kind]))).toEqual({
      'b.age': 'file',
      'a.age': 'file',
      'fifo.age': 'pipe',
      'zero.age': 'link',
      'dangling.age': 'link',
      'folder.age': 'folder',
    });
  });

  it('reads a regular file and its signature; refuses a link, a pipe, a missing signature and an oversized file without reading them', async () => {
    const dir = tempDir();
    const t = folderTransport({ kind: 'folder', outbox: dir, inbox: dir });
    writeFileSync(join(dir, 'ok.age'), 'bundle');
    writeFileSync(join(dir, 'ok.age.minisig'), 'signature');
    symlinkSync(join(dir, 'ok.age'), join(dir, 'link.age'));
    writeFileSync(join(dir, 'link.age.minisig'), 'signature');
    execFileSync('mkfifo', [join(dir, 'fifo.age')]);
    writeFileSync(join(dir, 'fifo.age.minisig'), 'signature');
    writeFileSync(join(dir, 'unsigned.age'), 'bundle');
    writeFileSync(join(dir, 'big.age'), '');
    truncateSync(join(dir, 'big.age'), 1024 * 1024 * 1024);
    writeFileSync(join(dir, 'big.age.minisig'), 'signature');
    const byName = Object.fromEntries((await t.list()).map((e) => [e.name, e]));

    const content = await t.read(byName['ok.age']!, 1024);
    expect([content.bytes.toString(), content.signature]).toEqual(['bundle', 'signature']);
    await expect(t.read(byName['link.age']!, 1024)).rejects.toMatchObject({ message: 'The bundle link.age is a symbolic link.' });
    await expect(t.read(byName['fifo.age']!, 1024)).rejects.toMatchObject({ message: 'The bundle fifo.age is a pipe.' });
    await expect(t.read(byName['unsigned.age']!, 1024)).rejects.toMatchObject({ code: 'signature_missing' });
    await expect(t.read(byName['big.age']!, 1024)).rejects.toMatchObject({ code: 'file_too_large' });
  });

  it('describes an entry anew when it or its signature changes, so a decision about it is not kept for the new one', async () => {
    const dir = tempDir();
    const t = folderTransport({ kind: 'folder', outbox: dir, inbox: dir });
    writeFileSync(join(dir, 'a.age'), 'bundle');
    const before = (await t.list())[0]!.listing;
    expect((await t.list())[0]!.listing).toBe(before);
    writeFileSync(join(dir, 'a.age.minisig'), 'signature');
    const signed = (await t.list())[0]!.listing;
    expect(signed).not.toBe(before);
    writeFileSync(join(dir, 'a.age'), 'bundle, longer');
    expect((await t.list())[0]!.listing).not.toBe(signed);
  });

  it('moves a bundle taken in into processed/, or deletes it when policy says so', async () => {
    const dir = tempDir();
    for (const n of ['a.age', 'a.age.minisig', 'b.age', 'b.age.minisig']) writeFileSync(join(dir, n), n);
    const moving = folderTransport({ kind: 'folder', outbox: dir, inbox: dir });
    await moving.settle((await moving.list()).find((e) => e.name === 'a.age')!);
    expect(readdirSync(join(dir, 'processed')).sort()).toEqual(['a.age', 'a.age.minisig']);
    const deleting = folderTransport({ kind: 'folder', outbox: dir, inbox: dir, afterImport: 'delete' });
    await deleting.settle((await deleting.list()).find((e) => e.name === 'b.age')!);
    expect(readdirSync(dir)).toEqual(['processed']);
    expect(existsSync(join(dir, 'processed', 'b.age'))).toBe(false);
  });
});
