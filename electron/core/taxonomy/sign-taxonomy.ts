import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatPackageProblems, parseTaxonomyPackage } from '../../../shared/taxonomy/parse-taxonomy-package';
import type { TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { AppError } from '../app-error';
import { keyIdHex, parseSecretKey, sign, type MinisignSecretKey } from '../crypto/minisign';
import { signatureSuffix } from '../crypto/signed-file';
import { writeFileAtomic } from '../platform/atomic-write';
import { fileLimits, limitFor } from '../platform/file-limits';
import { readBoundedFileSync } from '../platform/read-bounded';
import type { OpenVault } from '../vault/vault';
import { activeTaxonomy } from './active-taxonomy';
import { checkNewerPackage } from './import-taxonomy';

/** The signature of a taxonomy package, `FILE.minisig` as `minisign -S -t COMMENT -m FILE` writes it. */
function signPackage(bytes: Uint8Array, fileName: string, taxonomy: TaxonomyPackage, key: MinisignSecretKey, now: Date): string {
  const { namespace, version } = taxonomy.machinetag;
  const trustedComment = `timestamp:${Math.floor(now.getTime() / 1000)}\tfile:${fileName}\ttaxonomy:${namespace}\tversion:${version}`;
  return sign(bytes, key, { trustedComment, untrustedComment: `signature of taxonomy version ${version}` });
}

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
  const signaturePath = path + signatureSuffix;
  writeFileAtomic(signaturePath, signPackage(bytes, basename(path), parsed.taxonomy, key, now), 0o644);
  return { signaturePath, keyId: keyIdHex(key.keyId), version: parsed.taxonomy.machinetag.version };
}

/**
 * Signs a taxonomy file with `key` (the central workstation's own key) after the checks teams
 * make against the version in force here, writing `FILE.minisig` beside it; the audit log records
 * the version and the key id, or nothing when the signature cannot be written.
 */
export function signTaxonomyFileInVault(
  vault: OpenVault,
  path: string,
  key: MinisignSecretKey,
  now = new Date(),
): { signaturePath: string; keyId: string; version: number } {
  const bytes = readBoundedFileSync(path, fileLimits.taxonomyFile);
  const { taxonomy } = checkNewerPackage(bytes, activeTaxonomy(vault).taxonomy);
  const { version } = taxonomy.machinetag;
  const signaturePath = path + signatureSuffix;
  const keyId = keyIdHex(key.keyId);
  const signature = signPackage(bytes, basename(path), taxonomy, key, now);
  vault.transaction(() => {
    vault.audit('taxonomy.signed', { version, keyId });
    writeFileAtomic(signaturePath, signature, 0o644);
  });
  return { signaturePath, keyId, version };
}

/** A package given as text, checked as the next version of the taxonomy in force on this workstation. */
export function checkTaxonomyUpdate(vault: OpenVault, text: string): { taxonomy: TaxonomyPackage; current: TaxonomyPackage; bytes: Buffer } {
  const bytes = Buffer.from(text, 'utf8');
  const { maxBytes, what } = fileLimits.taxonomyFile;
  if (bytes.length > maxBytes) throw new AppError('file_too_large', `The ${what} is larger than ${maxBytes / (1024 * 1024)} MB.`, { field: 'text' });
  const current = activeTaxonomy(vault).taxonomy;
  return { taxonomy: checkNewerPackage(bytes, current).taxonomy, current, bytes };
}

export interface PublishedTaxonomy {
  /** Paths of the package and of its signature beside it. */
  file: string;
  signature: string;
  version: number;
  keyId: string;
}

/**
 * Signs a new taxonomy version, given as the package's text, with `key` (the central
 * workstation's own signing key, whose public part teams trust as policy `taxonomyKey`), and saves
 * `<namespace>-v<version>.json` (exactly the text given) and its `.minisig` into `dir`. A package
 * teams would refuse (invalid, not newer than the version in force here, dropping values without
 * saying where they went) is refused with nothing written. The audit log records the version and
 * the key id; if either file cannot be written, neither stays and nothing is recorded.
 */
export function publishTaxonomyUpdate(vault: OpenVault, text: string, key: MinisignSecretKey, dir: string, now = new Date()): PublishedTaxonomy {
  const { taxonomy, bytes } = checkTaxonomyUpdate(vault, text);
  const { namespace, version } = taxonomy.machinetag;
  const name = `${namespace}-v${version}.json`;
  const file = join(dir, name);
  const signature = file + signatureSuffix;
  const keyId = keyIdHex(key.keyId);
  const signatureText = signPackage(bytes, name, taxonomy, key, now);
  vault.transaction(() => {
    vault.audit('taxonomy.signed', { version, keyId });
    try {
      mkdirSync(dir, { recursive: true });
      // The package first: a reader who finds the signature finds the package it belongs to.
      writeFileAtomic(file, bytes, 0o644);
      writeFileAtomic(signature, signatureText, 0o644);
    } catch {
      try {
        rmSync(file, { force: true });
      } catch {
        // The folder itself is missing or no folder: the package was not written either.
      }
      throw new AppError('io_error', 'The signed taxonomy could not be saved.');
    }
  });
  return { file, signature, version, keyId };
}
