import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error';
import { openBundleFile, parseAgeIdentityFile, type TrustedSigner } from '../../core/exchange/envelope';
import { createWorkstationKeys, workstationKeys } from '../../core/exchange/workstation-keys';
import { limitFor } from '../../core/platform/file-limits';
import { readBoundedFileSync } from '../../core/platform/read-bounded';
import { cliLog, type CliIo } from '../cli-io';
import { withVault } from './vault-commands';

type VaultOpt = { vault?: string };
const vaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

/** Exactly the policy's `{signer, recipient}`, so the line can be pasted into policy as it is. */
const registrationLine = (keys: { signer: string; recipient: string }) => JSON.stringify({ signer: keys.signer, recipient: keys.recipient });

const minisignKeyLine = /^RW[A-Za-z0-9+/]{54}$/;

const readKeyFile = (file: string, what: string): string => readBoundedFileSync(file, limitFor('keyFile', what)).toString('utf8');

/** A `--signer` value: the base64 key itself, or a minisign .pub file. */
function trustedSigner(value: string): TrustedSigner {
  if (minisignKeyLine.test(value)) return { name: `key ${value.slice(0, 10)}…`, signer: value };
  return { name: basename(value), signer: readKeyFile(value, 'signer key') };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addExchangeCommands(program: Command, io: CliIo): void {
  const keys = program.command('keys').description("this workstation's keys for bundles: a minisign signing key and an age identity, kept in the vault");

  vaultOption(keys.command('init'))
    .description('create the keys once; prints one JSON line {"signer", "recipient"} to register with the team lead or in policy')
    .action(async (opts: VaultOpt) => {
      const created = await withVault(io, opts.vault, (v) => createWorkstationKeys(v));
      cliLog(io).event('keys.created');
      io.out(registrationLine(created));
    });

  vaultOption(keys.command('show'))
    .description('print the public keys again as one JSON line (the last line of the output)')
    .option('--fingerprint', 'also print the fingerprint to read over the phone, on a line before the JSON')
    .action(async (opts: VaultOpt & { fingerprint?: boolean }) => {
      const shown = await withVault(io, opts.vault, (v) => workstationKeys(v));
      if (!shown) throw new AppError('keys_missing', 'This workstation has no keys yet; create them with `obi keys init`.');
      if (opts.fingerprint) io.out(`fingerprint: ${shown.fingerprint}`);
      io.out(registrationLine(shown));
    });

  program
    .command('bundle')
    .description('bundles as files')
    .command('open')
    .description(
      'verify and decrypt a bundle (FILE.minisig beside it) and print its payload JSON; for the central point and IT. ' +
        'The signature is always checked: to decrypt without checking, use stock `age -d -i KEYFILE FILE`.',
    )
    .argument('<file>', 'the bundle, <id>.age')
    .requiredOption('--identity <keyfile>', 'age identity file, as age-keygen writes it')
    .requiredOption('--signer <pub>', "sender's minisign public key: a .pub file or its base64 line; repeat for several", collect)
    .action(async (file: string, opts: { identity: string; signer: string[] }) => {
      const opened = await openBundleFile(file, {
        identity: parseAgeIdentityFile(readKeyFile(opts.identity, 'identity file')),
        trustedSigners: opts.signer.map(trustedSigner),
        signerList: 'the --signer keys',
      });
      io.out(opened.text);
    });
}
