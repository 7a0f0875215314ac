import type { Command } from 'commander';
import { contract } from '../../../shared/contract/ipc-contract';
import { AppError } from '../../core/app-error';
import { backupVault, restoreVault } from '../../core/vault/backup';
import { createVault, unlockWithPassphrase, type OpenVault } from '../../core/vault/vault';
import { cliLog, newSecretFrom, secretFrom, vaultDirFrom, type CliIo } from '../cli-io';

const newPassphraseSchema = contract['vault.setup'].request.shape.passphrase;

function checkNewPassphrase(passphrase: string): string {
  const parsed = newPassphraseSchema.safeParse(passphrase);
  if (!parsed.success) throw new AppError('invalid_request', `The new passphrase ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return passphrase;
}

/** Opens the vault with the passphrase, runs `fn`, and always closes (dropping the key). */
export async function withVault<T>(io: CliIo, vaultOption: string | undefined, fn: (vault: OpenVault) => Promise<T> | T): Promise<T> {
  const dir = vaultDirFrom(io, vaultOption);
  const vault = await unlockWithPassphrase(dir, await secretFrom(io, 'OBI_PASSPHRASE', 'Passphrase'));
  try {
    return await fn(vault);
  } finally {
    vault.close();
  }
}

type VaultOpt = { vault?: string };

export function addVaultCommands(program: Command, io: CliIo): void {
  const vault = program.command('vault').description('create, check, back up and restore the encrypted vault');
  const withVaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

  withVaultOption(vault.command('init'))
    .description('create a new vault; prints the recovery key once')
    .action(async (opts: VaultOpt) => {
      const dir = vaultDirFrom(io, opts.vault);
      const passphrase = checkNewPassphrase(await newSecretFrom(io, 'OBI_PASSPHRASE', 'New passphrase'));
      const { vault: created, recoveryKey } = await createVault(dir, passphrase);
      created.close();
      cliLog(io).event('vault.created');
      io.out(`Vault created in ${dir}.`);
      io.out('Recovery key (shown only this once; keep it offline, like a disk-encryption recovery key):');
      io.out(`  ${recoveryKey}`);
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
      const v = await unlockWithPassphrase(dir, current);
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
    .description('check that no entry of the audit log was changed, inserted or removed')
    .option('--vault <dir>', 'vault folder (default: $OBI_VAULT)')
    .action(async (opts: VaultOpt) => {
      const verdict = await withVault(io, opts.vault, (v) => v.verifyAudit());
      if (!verdict.ok) throw new AppError('vault_corrupt', `The audit log was tampered with: ${verdict.reason}.`);
      io.out(`ok: ${verdict.entries} audit entries, chain intact`);
    });
}
