import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { formatSize, openBoundedFile, readBoundedFile, readBoundedFileSync } from './read-bounded';

const options = { what: 'import file', maxBytes: 1024 };

const both = [
  ['async', (path: string, o = options) => readBoundedFile(path, o)],
  ['sync', (path: string, o = options) => Promise.resolve().then(() => readBoundedFileSync(path, o))],
] as const;

describe.each(both)('reading a named file (%s)', (_, read) => {
  it('reads a regular file, also through a link when links may be followed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), 'hello');
    symlinkSync(join(dir, 'a.jsonl'), join(dir, 'link.jsonl'));
    expect((await read(join(dir, 'a.jsonl'))).toString()).toBe('hello');
    expect((await read(join(dir, 'link.jsonl'))).toString()).toBe('hello');
  });

  it('refuses a file above the limit by its size, without reading it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big'), Buffer.alloc(1025));
    await expect(read(join(dir, 'big'))).rejects.toMatchObject({ code: 'file_too_large', message: 'The import file big is larger than 1 KB.' });
  });

  it('refuses a FIFO without a writer at once instead of waiting for one', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    await expect(read(join(dir, 'fifo'))).rejects.toThrow('The import file fifo is a pipe.');
  });

  it('refuses a device, also behind a link', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'zero.age'));
    await expect(read('/dev/zero')).rejects.toThrow('is a device');
    await expect(read(join(dir, 'zero.age'))).rejects.toThrow('The import file zero.age is a device.');
  });

  it('refuses a folder, a missing file and a dangling link with what is wrong', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x.age'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.age'));
    await expect(read(join(dir, 'x.age'))).rejects.toThrow('is a folder');
    await expect(read(join(dir, 'missing'))).rejects.toThrow('does not exist');
    await expect(read(join(dir, 'dangling.age'))).rejects.toThrow('does not exist');
  });

  it('refuses every link when links may not be followed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.age'), 'x');
    symlinkSync(join(dir, 'a.age'), join(dir, 'b.age'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.age'));
    const noLinks = { ...options, what: 'bundle', followLinks: false };
    await expect(read(join(dir, 'b.age'), noLinks)).rejects.toThrow('The bundle b.age is a symbolic link.');
    await expect(read(join(dir, 'dangling.age'), noLinks)).rejects.toThrow('is a symbolic link');
    expect((await read(join(dir, 'a.age'), noLinks)).toString()).toBe('x');
  });
});

describe('opening a named file for streaming', () => {
  it('hands over an open regular file with the size it had when it was checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'backup.tar'), 'twelve bytes');
    const { handle, size } = await openBoundedFile(join(dir, 'backup.tar'), { what: 'backup', maxBytes: 12 });
    try {
      expect(size).toBe(12);
      expect((await handle.readFile()).toString()).toBe('twelve bytes');
    } finally {
      await handle.close();
    }
  });

  it('refuses a pipe, a device and a file above the limit with the same words as a whole read', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    writeFileSync(join(dir, 'big'), Buffer.alloc(13));
    const backup = { what: 'backup', maxBytes: 12 };
    await expect(openBoundedFile(join(dir, 'fifo'), backup)).rejects.toThrow('The backup fifo is a pipe.');
    await expect(openBoundedFile('/dev/zero', backup)).rejects.toThrow('The backup zero is a device.');
    await expect(openBoundedFile(join(dir, 'big'), backup)).rejects.toMatchObject({ code: 'file_too_large', why: 'is larger than 12 bytes' });
  });
});

describe('a limit in words', () => {
  it('is said in the largest whole unit', () => {
    expect([12, 16 * 1024, 256 * 1024 * 1024, 64 * 1024 ** 3].map(formatSize)).toEqual(['12 bytes', '16 KB', '256 MB', '64 GB']);
  });
});
