import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPolicyKeyName, parsePolicy, policyKeyNames, policyKeySpec, type PolicyParse } from '../../../shared/policy/policy-schema';
import { fuzzParameters } from '../../../shared/test-support/fuzz';
import { tempDir } from '../../test-support/temp-dirs';
import { readPolicyFile, resolvePolicy, type EffectivePolicy } from './load-policy';
import { readRegistrySource } from './registry-policy';

/**
 * Fuzz: policy from every place it is read (a JSON value, a file, registry values). Whatever
 * arrives, the answer is a verdict — valid, or problems that each name a key — never a throw.
 */

const sourceKeys = new Set(['(file)', '(root)', '(policy)', '(registry)']);

/** Invalid with at least one problem, each naming a policy key or the source; warnings only for unknown keys. */
function expectNamedProblems(result: PolicyParse | EffectivePolicy): void {
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.ok ? [] : result.problems) {
    expect(sourceKeys.has(p.key) || isPolicyKeyName(p.key), p.key).toBe(true);
    expect(p.message).toMatch(/^[^\n]+$/);
  }
  for (const w of result.warnings) {
    expect(isPolicyKeyName(w.key), w.key).toBe(false);
    expect(w.message).toBe('unknown key, ignored');
  }
}

const base = { organisation: 'SZW', role: 'teamlead' };

describe('policy on malformed input (fuzz)', () => {
  it('answers any JSON value with a verdict, as a file source and through the merge', () => {
    const candidate = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...policyKeyNames, '__proto__', 'constructor'), fc.string()), fc.jsonValue({ maxDepth: 2 })),
    );
    fc.assert(
      fc.property(candidate, (raw) => {
        expectNamedProblems(parsePolicy(raw));
        const values = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
        expectNamedProblems(resolvePolicy([{ kind: 'dev-file', location: 'fuzz', present: true, values, problems: [] }]));
      }),
      fuzzParameters('policyValues'),
    );
  });

  it('names the key whose value its schema refuses', () => {
    const wrong = fc
      .tuple(fc.constantFrom(...policyKeyNames), fc.jsonValue({ maxDepth: 2 }))
      .filter(([key, value]) => !policyKeySpec(key).schema.safeParse(value).success);
    fc.assert(
      fc.property(wrong, ([key, value]) => {
        const parsed = parsePolicy({ ...base, [key]: value });
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.problems.map((p) => p.key)).toContain(key);
      }),
      fuzzParameters('policyKeys'),
    );
  });

  it('reads any bytes as a policy file into a verdict', () => {
    const file = join(tempDir('obi-fuzz-'), 'policy.json');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))),
      fc.tuple(fc.jsonValue(), fc.nat()).map(([v, cut]) => {
        const text = JSON.stringify({ ...base, extra: v });
        return Buffer.from(text.slice(0, cut % text.length));
      }),
    );
    fc.assert(
      fc.property(bytes, (content) => {
        writeFileSync(file, content);
        expectNamedProblems(readPolicyFile(file));
      }),
      fuzzParameters('policyFiles'),
    );
  });

  it('turns any registry values into a verdict, naming each key at fault', () => {
    const anyCase = (s: string) =>
      fc
        .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
        .map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
    const value = fc.record({
      name: fc.oneof(
        fc.constantFrom(...policyKeyNames).chain(anyCase),
        fc.constantFrom('__proto__', 'FutureKey'),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/),
      ),
      type: fc.constantFrom('REG_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_MULTI_SZ', 'REG_BINARY'),
      data: fc.oneof(
        fc.integer({ min: 0, max: 0xffffffff }).map((n) => `0x${n.toString(16)}`),
        fc.constantFrom('SZW', 'officer', 'teamlead', 'nl', 'auto', '0 0 31 2 *', '[]', '{"kind":"folder"}', 'https://example.org/'),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 30 }),
      ),
    });
    const output = fc
      .tuple(fc.array(value, { maxLength: 12 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }))
      .map(([values, junk]) =>
        Buffer.from(
          ['HKEY_LOCAL_MACHINE\\Software\\Policies\\OBI\\Werkplek', ...values.map((v) => `    ${v.name}    ${v.type}    ${v.data}`), ...junk, ''].join('\r\n'),
          'latin1',
        ),
      );
    fc.assert(
      fc.property(output, (stdout) => {
        const source = readRegistrySource(() => ({ status: 0, stdout }));
        for (const p of source.problems) expect(sourceKeys.has(p.key) || isPolicyKeyName(p.key), p.key).toBe(true);
        expectNamedProblems(resolvePolicy([source]));
      }),
      fuzzParameters('registry'),
    );
  });
});
