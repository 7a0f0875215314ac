import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { diagnosticsTreatment } from '../../../shared/policy/policy-representation';
import { policyKeySpec, type PolicyKeyName } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';
import { readLogTail } from '../logging/event-log';
import type { EffectivePolicy } from '../policy/load-policy';
import { latestSchemaVersion } from '../vault/migrate';
import { unlockWithPassphrase, type OpenVault, type VaultOptions } from '../vault/vault';
import { dbFileName, readKeySlots, slotsFileName, vaultPresence } from '../vault/vault-files';

/**
 * `obi diag`: a zip for the service desk that says how the installation is, never what is in it —
 * versions, the effective policy with texts and JSON values redacted (they may hold keys or
 * addresses), the tail of the event log (re-checked line by line), and the health of the vault:
 * file sizes, key-slot kinds, and, when the passphrase is given, the integrity check, the audit
 * chain and the number of rows per table. No row is ever read.
 */

export interface DiagInput {
  versions: Record<string, string>;
  policy: EffectivePolicy;
  logDir: string;
  vaultDir: string;
  /** Opens the vault for the checks that need it; without it only the files are described. */
  passphrase?: string;
  vault?: VaultOptions;
  now: Date;
  logLines?: number;
}

const redacted = (value: unknown) => {
  const text = JSON.stringify(value);
  return { redacted: true, length: text.length, sha256: createHash('sha256').update(text).digest('hex').slice(0, 12) };
};

/** Officers' names, keys and transport paths are left out; a list says only how long it is. */
function diagnosticValue(key: PolicyKeyName, value: unknown): unknown {
  switch (diagnosticsTreatment(policyKeySpec(key))) {
    case 'shown':
      return value;
    case 'redacted':
      return redacted(value);
    case 'omitted':
      return Array.isArray(value) ? { omitted: true, entries: value.length } : { omitted: true };
  }
}

export function policyForDiagnostics(policy: EffectivePolicy) {
  return {
    valid: policy.ok,
    // A development file's path may name the developer's home folder; machine locations are fixed.
    sources: policy.sources.map((s) => ({ kind: s.kind, present: s.present, location: s.kind === 'dev-file' ? '(development file)' : s.location })),
    entries: policy.entries.map((e) => ({ key: e.key, origin: e.origin, value: diagnosticValue(e.key, e.value) })),
    problems: policy.problems.map(({ key, message, source }) => ({ key, message, source })),
    warnings: policy.warnings.map(({ key, message, source }) => ({ key, message, source })),
  };
}

function fileSizes(dir: string): Record<string, number | null> {
  const names = [dbFileName, `${dbFileName}-wal`, `${dbFileName}-shm`, slotsFileName];
  return Object.fromEntries(names.map((n) => [n, existsSync(join(dir, n)) ? statSync(join(dir, n)).size : null]));
}

async function vaultHealth(input: DiagInput) {
  let presence;
  try {
    presence = vaultPresence(input.vaultDir);
  } catch (e) {
    return { present: true, readable: false, code: e instanceof AppError ? e.code : 'internal' };
  }
  if (presence === 'absent') return { present: false };
  const base = {
    present: true,
    files: fileSizes(input.vaultDir),
    keySlots: readKeySlots(input.vaultDir).slots.map((s) => s.kind),
    appSchemaVersion: latestSchemaVersion,
  };
  if (input.passphrase === undefined) return { ...base, checks: 'not run: set OBI_PASSPHRASE to check integrity and count rows' };
  let vault: OpenVault;
  try {
    vault = await unlockWithPassphrase(input.vaultDir, input.passphrase, input.vault);
  } catch (e) {
    return { ...base, opened: false, code: e instanceof AppError ? e.code : 'internal' };
  }
  try {
    const problems = vault.checkIntegrity();
    const audit = vault.verifyAudit();
    return {
      ...base,
      opened: true,
      schemaVersion: vault.schemaVersion,
      integrity: problems.length === 0 ? 'ok' : { problems: problems.length, first: problems[0] },
      audit: audit.ok ? { ok: true, entries: audit.entries } : { ok: false },
      rowCounts: vault.rowCounts(),
    };
  } finally {
    vault.close();
  }
}

const readme = `OBI Werkplek diagnostics

For the service desk: how this installation is, not what is in it. It holds no note text,
summaries, names, keys or passphrases.

versions.json  app, Node, SQLCipher and platform versions
policy.json    effective machine policy and the source of each value; texts and JSON values are
               redacted (length and a short SHA-256 fingerprint to compare with what IT set);
               officers' names, keys and transport paths are left out (a list gives its length)
log-tail.txt   the last events of the app's log (events and error codes only)
vault.json     presence and size of the vault files, key-slot kinds; with OBI_PASSPHRASE also the
               integrity check, the audit chain and the number of rows per table
`;

export async function buildDiagBundle(input: DiagInput): Promise<Uint8Array> {
  const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
  const tail = readLogTail(input.logDir, input.logLines ?? 1000);
  const files = {
    'README.txt': strToU8(readme),
    'versions.json': json({ ...input.versions, createdAt: input.now.toISOString() }),
    'policy.json': json(policyForDiagnostics(input.policy)),
    'log-tail.txt': strToU8(tail.length > 0 ? `${tail.join('\n')}\n` : '(no log yet)\n'),
    'vault.json': json(await vaultHealth(input)),
  };
  return zipSync(files, { level: 9, mtime: input.now });
}
