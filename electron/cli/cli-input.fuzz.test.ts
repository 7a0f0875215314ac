import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { policyKeyNames } from '../../shared/policy/policy-schema';
import { fuzzParameters } from '../../shared/test-support/fuzz';
import { createVault } from '../core/vault/vault';
import { expectedMessage, malformedImport } from '../test-support/malformed-import';
import { obi } from '../test-support/run-cli';
import { passphrase, snapshotFiles, tempDir, testVaultOptions } from '../test-support/temp-dirs';

/**
 * Fuzz: malformed input to the command line, as a script or an administrator would give it. Each
 * is answered with exit 2 and one line that names what is wrong (never a stack trace, never the
 * input), and a refused import leaves the vault's files byte for byte as they were.
 */

const stackTrace = /\n\s+at /;

/** Standard input as a stream delivering the bytes in the pieces a pipe may cut them into. */
function chunks(bytes: Uint8Array, cuts: number[]): Readable {
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  return Readable.from(
    at.slice(1).map((end, i) => bytes.subarray(at[i], end)),
    { objectMode: true },
  );
}

describe('obi on malformed input (fuzz)', () => {
  it('obi notes import refuses a file with one broken line by its number, and leaves the vault as it was', async () => {
    const dir = tempDir('obi-fuzz-');
    const env = { OBI_VAULT: join(dir, 'v'), OBI_PASSPHRASE: passphrase };
    (await createVault(env.OBI_VAULT, passphrase, testVaultOptions)).vault.close();
    const before = snapshotFiles(env.OBI_VAULT);
    const file = join(dir, 'notes.jsonl');
    await fc.assert(
      fc.asyncProperty(malformedImport, async (input) => {
        writeFileSync(file, input.bytes);
        const r = await obi(['notes', 'import', file], env);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err.replace(/^obi: /, '')).toMatch(expectedMessage(input));
        expect(r.err).toMatch(/^obi: [\x20-\x7e]+$/);
        expect(snapshotFiles(env.OBI_VAULT)).toEqual(before);
      }),
      fuzzParameters('importCli'),
    );
  }, 60_000);

  it('obi policy check answers any file with a verdict per key, or "ok"', async () => {
    const file = join(tempDir('obi-fuzz-'), 'policy.json');
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 100 }),
      fc
        .dictionary(fc.oneof(fc.constantFrom(...policyKeyNames, '__proto__'), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }))
        .map((o) => Buffer.from(JSON.stringify({ organisation: 'BZ', role: 'officer', ...o }))),
    );
    await fc.assert(
      fc.asyncProperty(content, async (bytes) => {
        writeFileSync(file, bytes);
        const r = await obi(['policy', 'check', file]);
        expect([0, 2]).toContain(r.code);
        for (const line of r.out.split('\n')) expect(line).toMatch(/^(ok: the policy is valid|warning: .+: unknown key, ignored|[A-Za-z()]+: [^\n]+)$/);
        if (r.code === 2) expect(r.err).toMatch(/^obi: The policy is not valid \(\d+ problems?\)\.$/);
        else expect(r.out.split('\n').at(-1)).toBe('ok: the policy is valid');
      }),
      fuzzParameters('policyCli'),
    );
  }, 60_000);

  it('obi redact and obi redact --jsonl answer any bytes in any chunks with output or one line naming the input line', async () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc
        .array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ id: fc.string({ maxLength: 5 }), text: fc.string({ unit: 'binary', maxLength: 60 }) })), {
          maxLength: 5,
        })
        .map((lines) => Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'))),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), async (bytes, cuts, jsonl) => {
        const r = await obi(jsonl ? ['redact', '--jsonl'] : ['redact'], {}, undefined, { stdin: chunks(bytes, cuts) });
        expect(r.err).not.toMatch(stackTrace);
        if (r.code === 2) expect(r.err).toMatch(/^obi: line \d+: [\x20-\x7e]+$/);
        else {
          expect(r).toMatchObject({ code: 0, err: '' });
          for (const line of r.out.split('\n').filter(Boolean))
            expect(JSON.parse(line)).toMatchObject({ text: expect.any(String) as unknown, spans: expect.any(Array) as unknown });
        }
      }),
      fuzzParameters('redactCli'),
    );
  }, 60_000);
});
