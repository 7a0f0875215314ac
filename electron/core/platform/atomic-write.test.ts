import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { writeFileAtomic } from './atomic-write';

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
});
