import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { writeFileAtomic, writeFileAtomicAsync } from './atomic-write';

describe('atomic file writes', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'keyslots.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['keyslots.json']);
  });

  it('keeps the old file when the write fails', () => {
    const dir = tempDir();
    const file = join(dir, 'keyslots.json');
    writeFileSync(file, 'old');
    expect(() => writeFileAtomic(join(dir, 'missing-dir', 'x.json'), 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['keyslots.json']);
  });

  it('also without blocking: replaces the file whole with the given time and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = join(dir, 'b.age');
    writeFileSync(file, 'old');
    const hour = new Date('2026-10-12T09:00:00Z');
    await writeFileAtomicAsync(file, new Uint8Array([1, 2, 3]), { mode: 0o644, mtime: hour });
    expect(readFileSync(file)).toEqual(Buffer.from([1, 2, 3]));
    expect(statSync(file).mtime).toEqual(hour);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(dir)).toEqual(['b.age']);
    await expect(writeFileAtomicAsync(join(dir, 'missing-dir', 'x'), 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['b.age']);
  });
});
