import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fuzzParameters } from '../../../shared/test-support/fuzz';
import { expectedMessage, malformedImport } from '../../test-support/malformed-import';
import { passphrase, snapshotFiles, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { importMeetings } from './notes-import';

/**
 * Fuzz: malformed import files against the core import. Each must be refused with an AppError
 * that names the broken line (never a crash, a stack trace or the text itself), and the vault's
 * files must stay byte for byte what they were, also when the refusal comes inside the write
 * transaction.
 */

let vault: OpenVault;
let before: Map<string, string>;

beforeEach(async () => {
  ({ vault } = await createVault(join(tempDir('obi-fuzz-'), 'v'), passphrase, testVaultOptions));
  before = snapshotFiles(vault.dir);
});
afterEach(() => vault.close());

function refusal(input: Uint8Array): AppError {
  try {
    importMeetings(vault, captureDeps(vault), input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the malformed import was accepted');
}

describe('notes import on malformed input (fuzz)', () => {
  it('refuses a file with one broken line, naming that line, and writes nothing', () => {
    fc.assert(
      fc.property(malformedImport, (file) => {
        const e = refusal(file.bytes);
        expect(e.code).toBe('invalid_request');
        expect(e.message, file.fault.kind).toMatch(expectedMessage(file));
        // One line of plain English: no stack, and none of the officer's text (generated in every script).
        expect(e.message).toMatch(/^[\x20-\x7e]+$/);
        expect(snapshotFiles(vault.dir)).toEqual(before);
      }),
      fuzzParameters('importCore'),
    );
  });

  it('answers arbitrary bytes with an AppError or an import, never anything else', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 300 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((s) => Buffer.from(s)),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }).map((lines) => Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'))),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        let accepted = false;
        try {
          importMeetings(vault, captureDeps(vault), input);
          accepted = true;
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).message).toMatch(/^line \d+: /);
        }
        // Only a file of blank lines imports (nothing); anything else here is refused untouched.
        if (accepted) expect(new TextDecoder().decode(input).trim()).toBe('');
        else expect(snapshotFiles(vault.dir)).toEqual(before);
        before = snapshotFiles(vault.dir);
      }),
      fuzzParameters('importBytes'),
    );
  });
});
