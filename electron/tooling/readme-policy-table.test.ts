import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyKeysMarkdown } from '../../shared/policy/policy-docs';

describe('README policy table', () => {
  it('is the one generated from the policy schema', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const section = /<!-- policy-keys:start -->\n([\s\S]*?)\n<!-- policy-keys:end -->/.exec(readme)?.[1];
    expect(section).toBe(policyKeysMarkdown());
  });
});
