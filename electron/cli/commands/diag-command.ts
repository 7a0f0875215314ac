import { homedir } from 'node:os';
import type { Command } from 'commander';
import { appVersion } from '../../core/app-version';
import { buildDiagBundle } from '../../core/diagnostics/diag-bundle';
import { appVaultDir, logDirFor } from '../../core/platform/app-dirs';
import { writeFileAtomic } from '../../core/platform/atomic-write';
import { probeSqlCipher } from '../../core/vault/sqlcipher';
import { cliLog, type CliIo } from '../cli-io';
import { cliPolicy } from './policy-commands';

export function addDiagCommand(program: Command, io: CliIo): void {
  program
    .command('diag')
    .description('write a zip for the service desk: versions, effective policy (keys redacted), log tail, vault health — no content')
    .requiredOption('--out <file>', 'zip file to write')
    .option('--vault <dir>', "vault folder (default: $OBI_VAULT, else the app's own)")
    .option('--log-dir <dir>', "log folder (default: $OBI_LOG_DIR, else the app's own)")
    .action(async (opts: { out: string; vault?: string; logDir?: string }) => {
      const home = io.home ?? homedir();
      const passphrase = io.env.OBI_PASSPHRASE;
      const zip = await buildDiagBundle({
        versions: {
          app: appVersion,
          node: process.versions.node,
          sqlite3mc: probeSqlCipher().version,
          platform: process.platform,
          arch: process.arch,
        },
        policy: cliPolicy(io),
        logDir: opts.logDir ?? logDirFor({ devBuild: true, platform: process.platform, env: io.env, home }),
        vaultDir: opts.vault ?? io.env.OBI_VAULT ?? appVaultDir(process.platform, io.env, home),
        ...(passphrase ? { passphrase } : {}),
        now: new Date(),
      });
      writeFileAtomic(opts.out, zip);
      cliLog(io).event('diag.written', { bytes: zip.length });
      io.out(`Diagnostics written to ${opts.out} (${zip.length} bytes). It holds no content; check it before you send it.`);
    });
}
