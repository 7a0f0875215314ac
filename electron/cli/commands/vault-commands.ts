import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { passphraseProblemText } from '../../../shared/vault/passphrase-strength';
import { AppError } from '../../core/app-error';
import { checkAgainstHead, exportAuditHead, readAuditHeadRecord } from '../../core/exchange/audit-head';
import { writeFileAtomic } from '../../core/platform/atomic-write';
import { fileLimits } from '../../core/platform/file-limits';
import { readBoundedFileSync } from '../../core/platform/read-bounded';
import { backupVault, restoreVault } from '../../core/vault/backup';
import { createVault, unlockWithPassphrase, type OpenVault } from '../../core/vault/vault';
import { cliLog, newSecretFrom, secretFrom, vaultDirFrom, type CliIo } from '../cli-io';
import { cliPolicy } from './policy-commands';

/** Vault options from the CLI's surroundings: only tests choose another Argon2id cost. */
const argon2Of = (io: CliIo) => (io.argon2 ? { argon2: io.argon2 } : {});

/** The rule the core applies, checked before the slow key derivation starts. */
function checkNewPassphrase(passphrase: string): string {
  const problem = passphraseProblemText(passphrase);
  if (problem) throw new AppError('passphrase_weak', `The new passphrase ${problem}.`);
  return passphrase;
}

/**
 * Opens the vault with the passphrase, runs `fn`, and always closes (dropping the key). The
 * policy's taxonomy key goes with it, so that an imported taxonomy counts only while it verifies.
 */
export async function withVault<T>(io: CliIo, vaultOption: string | undefined, fn: (vault: OpenVault) => Promise<T> | T): Promise<T> {
  const dir = vaultDirFrom(io, vaultOption);
  const policy = cliPolicy(io);
  const taxonomyKey = policy.ok ? policy.policy.taxonomyKey : undefined;
  const vault = await unlockWithPassphrase(dir, await secretFrom(io, 'OBI_PASSPHRASE', 'Passphrase'), { taxonomyKey, ...argon2Of(io) });
  try {
    return await fn(vault);
  } finally {
    vault.close();
  }
}

type VaultOpt = { vault?: string };

/**
 * A recovery key the CLI printed is confirmed where it was printed: at a terminal the user types
 * two of its groups back, as in the app. Without a terminal it stays pending, and the app asks for
 * the key itself at the first unlock (it never replaces it without asking).
 */
async function confirmPrintedRecoveryKey(io: CliIo, vault: OpenVault, recoveryKey: string): Promise<void> {
  if (!io.askSecret) {
    io.out('Not yet confirmed: at the first unlock the app asks you to type this key.');
    return;
  }
  const groups = recoveryKey.split('-');
  const first = randomInt(1, groups.length + 1);
  const second = ((first + randomInt(0, groups.length - 1)) % groups.length) + 1;
  for (const n of [Math.min(first, second), Math.max(first, second)]) {
    const typed = (await io.askSecret(`To confirm you wrote it down, type group ${n} of the recovery key`)).replace(/\D/g, '');
    if (typed !== groups[n - 1]) {
      throw new AppError(
        'recovery_key_wrong',
        `Group ${n} does not match the recovery key. Write the key down again; it is not confirmed, and the app asks for it at the first unlock.`,
      );
    }
  }
  vault.confirmRecoveryKey();
  io.out('Recovery key confirmed.');
}

const rekeySteps = { keys: '1/3 making new keys', database: '2/3 re-encrypting the database', slots: '3/3 replacing the key file' } as const;

export function addVaultCommands(program: Command, io: CliIo): void {
  const vault = program.command('vault').description('create, check, back up and restore the encrypted vault');
  const withVaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

  withVaultOption(vault.command('init'))
    .description('create a new vault; prints the recovery key once')
    .action(async (opts: VaultOpt) => {
      const dir = vaultDirFrom(io, opts.vault);
      const passphrase = checkNewPassphrase(await newSecretFrom(io, 'OBI_PASSPHRASE', 'New passphrase'));
      const { vault: created, recoveryKey } = await createVault(dir, passphrase, argon2Of(io));
      try {
        cliLog(io).event('vault.created');
        io.out(`Vault created in ${dir}.`);
        io.out('Recovery key (shown only this once; keep it offline, like a disk-encryption recovery key):');
        io.out(`  ${recoveryKey}`);
        await confirmPrintedRecoveryKey(io, created, recoveryKey);
      } finally {
        created.close();
      }
    });

  withVaultOption(vault.command('rekey'))
    .description(
      'rotate the keys: a new data key re-encrypts the vault, a new passphrase slot (OBI_NEW_PASSPHRASE, may equal the old) and a new recovery key, printed once; old key files open nothing',
    )
    .action(async (opts: VaultOpt) => {
      const dir = vaultDirFrom(io, opts.vault);
      const current = await secretFrom(io, 'OBI_PASSPHRASE', 'Current passphrase');
      const next = checkNewPassphrase(await newSecretFrom(io, 'OBI_NEW_PASSPHRASE', 'New passphrase (may be the current one)'));
      const v = await unlockWithPassphrase(dir, current, argon2Of(io));
      try {
        const recoveryKey = await v.rekey(current, next, (step) => io.err(rekeySteps[step]));
        cliLog(io).event('vault.rekeyed');
        io.out(
          'Keys rotated: the vault is re-encrypted under a new key. A key file copied before (a backup, a shadow copy) and the old recovery key no longer open it.',
        );
        io.out('New recovery key (shown only this once; keep it offline):');
        io.out(`  ${recoveryKey}`);
        await confirmPrintedRecoveryKey(io, v, recoveryKey);
      } finally {
        v.close();
      }
    });

  withVaultOption(vault.command('check'))
    .description('exit 0 when the passphrase opens the vault and every page passes the integrity check')
    .action(async (opts: VaultOpt) => {
      const problems = await withVault(io, opts.vault, (v) => v.checkIntegrity());
      if (problems.length > 0) {
        throw new AppError('vault_corrupt', `The vault database is damaged: ${problems[0]}.`);
      }
      io.out('ok: the vault opens and every page passes the integrity check');
    });

  withVaultOption(vault.command('passwd'))
    .description('change the passphrase (OBI_PASSPHRASE: current, OBI_NEW_PASSPHRASE: new, or prompts)')
    .action(async (opts: VaultOpt) => {
      const dir = vaultDirFrom(io, opts.vault);
      const current = await secretFrom(io, 'OBI_PASSPHRASE', 'Current passphrase');
      const next = checkNewPassphrase(await newSecretFrom(io, 'OBI_NEW_PASSPHRASE', 'New passphrase'));
      const v = await unlockWithPassphrase(dir, current, argon2Of(io));
      try {
        await v.changePassphrase(current, next);
      } finally {
        v.close();
      }
      cliLog(io).event('vault.passphrase_changed');
      io.out('Passphrase changed. The recovery key stays valid.');
    });

  withVaultOption(vault.command('backup'))
    .description('write an encrypted backup (same passphrase and recovery key) to FILE')
    .requiredOption('--out <file>', 'backup file to write')
    .action(async (opts: VaultOpt & { out: string }) => {
      const { bytes } = await withVault(io, opts.vault, (v) => backupVault(v, opts.out));
      cliLog(io).event('vault.backup_written', { bytes });
      io.out(`Backup written to ${opts.out} (${bytes} bytes).`);
    });

  withVaultOption(vault.command('restore'))
    .description('restore a backup into an empty or new vault folder')
    .argument('<file>', 'backup file made by `obi vault backup`')
    .action(async (file: string, opts: VaultOpt) => {
      const dir = vaultDirFrom(io, opts.vault);
      await restoreVault(file, dir, await secretFrom(io, 'OBI_PASSPHRASE', 'Passphrase of the backup'));
      cliLog(io).event('vault.restored');
      io.out(`Backup restored into ${dir}.`);
    });
}

export function addAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'check that no entry of the audit log was changed, inserted or removed; with --against, also that it still holds the head the team lead received',
    )
    .option('--vault <dir>', 'vault folder (default: $OBI_VAULT)')
    .option('--against <file>', 'an audit head record the team lead exported with `obi audit head`')
    .action(async (opts: VaultOpt & { against?: string }) => {
      const record = opts.against ? readAuditHeadRecord(readBoundedFileSync(opts.against, fileLimits.auditHeadRecord).toString('utf8')) : undefined;
      if (record) {
        const check = await withVault(io, opts.vault, (v) => checkAgainstHead(v, record));
        if (!check.ok) throw new AppError('vault_corrupt', `The audit log does not match: ${check.reason}.`);
        io.out(`ok: ${check.entries} audit entries, chain intact, entry ${check.entry} is the head the team lead received with bundle ${record.bundle}`);
        return;
      }
      const verdict = await withVault(io, opts.vault, (v) => v.verifyAudit());
      if (!verdict.ok) throw new AppError('vault_corrupt', `The audit log was tampered with: ${verdict.reason}.`);
      io.out(`ok: ${verdict.entries} audit entries, chain intact`);
    });
  audit
    .command('head')
    .description("team lead: print the last audit head an officer's bundle carried, as a record for `obi audit verify --against`")
    .requiredOption('--officer <name>', 'the team member, by name as in policy')
    .option('--vault <dir>', 'vault folder (default: $OBI_VAULT)')
    .option('--out <file>', 'write the record to this file instead of printing it')
    .action(async (opts: VaultOpt & { officer: string; out?: string }) => {
      const record = await withVault(io, opts.vault, (v) => exportAuditHead(v, opts.officer));
      const text = `${JSON.stringify(record, null, 2)}\n`;
      if (opts.out) {
        writeFileAtomic(opts.out, text);
        io.out(`Audit head of ${record.officer} written to ${opts.out}.`);
      } else io.out(text.trimEnd());
    });
}
