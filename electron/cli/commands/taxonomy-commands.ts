import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { taxonomyNamespace, type TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { listValues } from '../../../shared/taxonomy/tags';
import { signUpdateFile } from '../../core/central/taxonomy-update';
import { policyInvalidError } from '../../core/policy/read-only';
import { activeTaxonomy } from '../../core/taxonomy/active-taxonomy';
import { checkTaxonomyFile, importTaxonomy } from '../../core/taxonomy/import-taxonomy';
import { signTaxonomyFile } from '../../core/taxonomy/sign-taxonomy';
import type { OpenVault } from '../../core/vault/vault';
import { vaultPresence } from '../../core/vault/vault-files';
import { taggedStores } from '../../core/wiring';
import type { CliIo } from '../cli-io';
import { cliPolicy } from './policy-commands';
import { withVault } from './vault-commands';

type VaultOpt = { vault?: string };

/**
 * Runs `fn` with the vault when one is configured and present (the taxonomy in force may have been
 * imported into it), and without one otherwise (the built-in taxonomy is in force).
 */
async function withVaultIfAny<T>(io: CliIo, option: string | undefined, fn: (vault: OpenVault | null) => T): Promise<T> {
  const dir = option ?? io.env.OBI_VAULT;
  if (!dir || vaultPresence(dir) === 'absent') return fn(null);
  return withVault(io, dir, fn);
}

function summary(taxonomy: TaxonomyPackage, source: string, language: 'nl' | 'en'): string[] {
  const mt = taxonomy.machinetag;
  const lines = [`${mt.namespace} taxonomy version ${mt.version} (${source}): ${taxonomy.labels.taxonomy[language].label}`];
  let namespace = '';
  for (const p of listValues(taxonomy, language)) {
    if (p.namespace !== namespace) {
      namespace = p.namespace;
      lines.push(p.namespace === taxonomyNamespace ? '' : `\nreused from MISP: ${p.namespace} (${p.usage})`);
    }
    const many = p.values.length > 40;
    lines.push(`  ${p.predicate}: ${p.label}${p.exclusive ? ' (one value per signal)' : ''}${many ? `, ${p.values.length} values` : ''}`);
    if (!many && p.values.length > 1) for (const v of p.values) lines.push(`    ${v.value ?? v.tag}  ${v.label}`);
  }
  if (taxonomy.changes.length > 0) lines.push('', `changes since version 1: ${taxonomy.changes.length} (renamed, merged or retired values)`);
  return lines;
}

/** The policy's key for taxonomy updates is only trusted from a valid policy. */
function validPolicy(io: CliIo) {
  const effective = cliPolicy(io);
  if (!effective.ok) throw policyInvalidError(effective);
  return effective.policy;
}

export function addTaxonomyCommands(program: Command, io: CliIo): void {
  const taxonomy = program.command('taxonomy').description('the shared taxonomy: show it, check and import a signed update, sign one');
  const vaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

  vaultOption(taxonomy.command('show'))
    .description('show the taxonomy in force: the one imported into the vault, else the built-in one')
    .option('--json', 'print exactly the MISP machinetag.json in force')
    .option('--package', 'print the whole package (machinetag, labels, reused taxonomies, changes) as distributed')
    .addOption(new Option('--lang <language>', 'language of the summary').choices(['nl', 'en']).default('en'))
    .action(async (opts: VaultOpt & { json?: boolean; package?: boolean; lang: 'nl' | 'en' }) => {
      const active = await withVaultIfAny(io, opts.vault, (v) => activeTaxonomy(v));
      if (active.untrusted) {
        io.err("obi: warning: the taxonomy imported into the vault does not verify under the policy's taxonomyKey; the built-in one is in force.");
      }
      if (opts.json) io.out(JSON.stringify(active.taxonomy.machinetag, null, 2));
      else if (opts.package) io.out(JSON.stringify(active.taxonomy, null, 2));
      else for (const line of summary(active.taxonomy, active.source, opts.lang)) io.out(line);
    });

  vaultOption(taxonomy.command('verify'))
    .description('check a taxonomy update: signature (policy taxonomyKey from $OBI_POLICY), schema and version; exit 0 or 2')
    .argument('<file>', 'taxonomy package; its signature FILE.minisig lies beside it')
    .action(async (file: string, opts: VaultOpt) => {
      const policy = validPolicy(io);
      const { checked, current } = await withVaultIfAny(io, opts.vault, (v) => {
        const now = activeTaxonomy(v).taxonomy;
        return { checked: checkTaxonomyFile(file, policy.taxonomyKey, now), current: now.machinetag.version };
      });
      const mt = checked.taxonomy.machinetag;
      io.out(
        `ok: ${basename(file)} is taxonomy ${mt.namespace} version ${mt.version} (${checked.taxonomy.changes.length} changes), signed by key ${checked.keyId}; version ${current} is in use`,
      );
    });

  vaultOption(taxonomy.command('import'))
    .description('import a signed, newer taxonomy into the vault and migrate the tags of every record to it')
    .argument('<file>', 'taxonomy package; its signature FILE.minisig lies beside it')
    .action(async (file: string, opts: VaultOpt) => {
      const policy = validPolicy(io);
      const result = await withVault(io, opts.vault, (v) => importTaxonomy(v, taggedStores(v), file, policy.taxonomyKey));
      io.out(
        `Imported taxonomy version ${result.version} (was ${result.previousVersion}), signed by key ${result.keyId}: ${result.records} records migrated, ${result.tagChanges} tags changed.`,
      );
    });

  vaultOption(taxonomy.command('sign'))
    .description(
      'for the central point: sign a taxonomy package, writing FILE.minisig (same format as `minisign -S -m FILE`); without --key with the workstation key in the vault',
    )
    .argument('<file>', 'taxonomy package to sign')
    .option('--key <file>', 'unencrypted minisign secret key file (`minisign -G -W`) instead of the workstation key')
    .action(async (file: string, opts: VaultOpt & { key?: string }) => {
      // The policy is checked before the passphrase is asked for.
      const policy = opts.key ? null : validPolicy(io);
      const { signaturePath, keyId, version } = policy
        ? await withVault(io, opts.vault, (v) => signUpdateFile(v, policy, file))
        : signTaxonomyFile(file, opts.key!);
      io.out(`Signed taxonomy version ${version} with key ${keyId}: ${signaturePath}`);
    });
}
