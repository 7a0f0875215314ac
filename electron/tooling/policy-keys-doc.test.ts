import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyKeysMarkdown } from '../../shared/policy/policy-docs';

describe('the policy table in docs/it/policy.md', () => {
  it('is the one generated from the policy schema', () => {
    const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'it', 'policy.md'), 'utf8');
    const section = /<!-- policy-keys:start -->\n([\s\S]*?)\n<!-- policy-keys:end -->/.exec(page)?.[1];
    expect(section).toBe(policyKeysMarkdown());
  });
});
