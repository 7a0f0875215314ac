import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Argon2Params } from '../core/vault/key-slots';
import { centralKey } from './signed-taxonomy';

/** Argon2id at its smallest, so tests spend their time on behaviour rather than on the KDF. */
export const testArgon2: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };
/** Cheap key derivation, and trust in the test central point's taxonomy key (as a policy would give). */
export const testVaultOptions = { argon2: testArgon2, taxonomyKey: centralKey().taxonomyKey };

export const passphrase = 'correct horse battery staple 42';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'obi-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Path → bytes of every file below `dir`, to prove that something left the files alone. */
export function snapshotFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p, readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** Every file below `dir` as raw bytes, for scanning for plaintext. */
export function allFileBytes(dir: string): Array<{ path: string; bytes: Buffer }> {
  return [...snapshotFiles(dir)].map(([path, b64]) => ({ path, bytes: Buffer.from(b64, 'base64') }));
}
