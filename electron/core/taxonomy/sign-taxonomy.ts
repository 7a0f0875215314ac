import { basename } from 'node:path';
import { formatPackageProblems, parseTaxonomyPackage } from '../../../shared/taxonomy/parse-taxonomy-package';
import { AppError } from '../app-error';
import { keyIdHex, parseSecretKey, sign } from '../crypto/minisign';
import { signatureSuffix } from '../crypto/signed-file';
import { writeFileAtomic } from '../platform/atomic-write';
import { fileLimits, limitFor } from '../platform/file-limits';
import { readBoundedFileSync } from '../platform/read-bounded';

/**
 * For the central point: signs a taxonomy package with its minisign secret key, writing
 * `FILE.minisig` beside it, as `minisign -S -m FILE` would. A package that workstations would
 * refuse as invalid is not signed at all.
 */
export function signTaxonomyFile(path: string, secretKeyPath: string, now = new Date()): { signaturePath: string; keyId: string; version: number } {
  const bytes = readBoundedFileSync(path, fileLimits.taxonomyFile);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('taxonomy_invalid', 'The taxonomy file is not valid UTF-8 JSON; it was not signed.');
  }
  const parsed = parseTaxonomyPackage(raw);
  if (!parsed.ok) throw new AppError('taxonomy_invalid', `The taxonomy file is not valid, so it was not signed: ${formatPackageProblems(parsed.problems)}.`);
  const key = parseSecretKey(readBoundedFileSync(secretKeyPath, limitFor('keyFile', 'secret key file')).toString('utf8'));
  const version = parsed.taxonomy.machinetag.version;
  const trustedComment = `timestamp:${Math.floor(now.getTime() / 1000)}\tfile:${basename(path)}\ttaxonomy:${parsed.taxonomy.machinetag.namespace}\tversion:${version}`;
  const signaturePath = path + signatureSuffix;
  writeFileAtomic(signaturePath, sign(bytes, key, { trustedComment, untrustedComment: `signature of taxonomy version ${version}` }), 0o644);
  return { signaturePath, keyId: keyIdHex(key.keyId), version };
}
