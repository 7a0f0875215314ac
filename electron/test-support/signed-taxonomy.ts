import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, publicKeyBase64, sign, type MinisignSecretKey } from '../core/crypto/minisign';
import type { RawPackage } from '../../shared/test-support/taxonomy-evolve';

const testCentralKey = generateKeyPair();

/**
 * The central point's signing key in tests, with the policy value that trusts it: one key per test
 * run, which the test vaults trust (`testVaultOptions.taxonomyKey`) as a workstation trusts the key
 * in its policy. A test that needs a stranger's key makes one with generateKeyPair.
 */
export function centralKey(): { key: MinisignSecretKey; taxonomyKey: string } {
  return { key: testCentralKey, taxonomyKey: publicKeyBase64(testCentralKey) };
}

/** Writes a package as the central point distributes it: FILE and, unless `signed` is false, FILE.minisig. */
export function writeTaxonomyFile(dir: string, pkg: RawPackage | string, key: MinisignSecretKey | null, name = 'nl-obi.json'): string {
  const path = join(dir, name);
  const text = typeof pkg === 'string' ? pkg : `${JSON.stringify(pkg, null, 2)}\n`;
  writeFileSync(path, text);
  if (key) writeFileSync(`${path}.minisig`, sign(Buffer.from(text), key, { trustedComment: `file:${name}` }));
  return path;
}
