import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLimits } from '../core/platform/file-limits';
import { formatSize } from '../core/platform/read-bounded';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'it', 'limits.md'), 'utf8');

describe('docs/it/limits.md', () => {
  it('states the cap of every kind of named file as the code has it', () => {
    for (const { what, maxBytes } of Object.values(fileLimits)) {
      expect(doc, what).toMatch(new RegExp(`^\\| ${what} \\|.*\\| ${formatSize(maxBytes)} \\|$`, 'm'));
    }
  });
});
