import type { Command } from 'commander';
import type { Role } from '../../../shared/policy/role';
import { redactionCategories, type RedactionCategory } from '../../../shared/redaction/categories';
import { AppError } from '../../core/app-error';
import { sendNow, sendUrgentNow, readInbox } from '../../core/exchange/exchange-service';
import { approve, listReview, redactFurther, returnItem, type ReviewState } from '../../core/exchange/four-eyes-review';
import { workstationKeys } from '../../core/exchange/workstation-keys';
import { policyInvalidError } from '../../core/policy/read-only';
import { captureDeps } from '../../core/wiring';
import { cliLog, type CliIo } from '../cli-io';
import { cliPolicy } from './policy-commands';
import { withVault } from './vault-commands';

type VaultOpt = { vault?: string };
const vaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

/** Exports and imports act on what leaves: only under a valid machine policy. */
function validPolicy(io: CliIo) {
  const effective = cliPolicy(io);
  if (!effective.ok) throw policyInvalidError(effective);
  return effective.policy;
}

const roleNames: Record<Role, { command: string; workstation: string }> = {
  officer: { command: 'an officer', workstation: 'an officer' },
  teamlead: { command: 'a team-lead', workstation: 'a team lead' },
  central: { command: 'a central-point', workstation: 'the central point' },
};

export function requireRole(io: CliIo, role: Role) {
  const policy = validPolicy(io);
  if (policy.role !== role)
    throw new AppError(
      'invalid_request',
      `This is ${roleNames[role].command} command; the policy says this workstation is ${roleNames[policy.role].workstation}.`,
    );
  return policy;
}

const itemId = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('invalid_request', 'ID: must be the number of a review item (see obi review list).');
  return n;
};

/**
 * For the crash tests only: OBI_TEST_CRASH_AT names a point of the export at which the process
 * dies at once (SIGKILL), as a power cut would end it. Without the variable nothing happens.
 */
function crashHooks(io: CliIo): { afterPrepare?: () => void; afterFile?: (name: string) => void } {
  const point = io.env.OBI_TEST_CRASH_AT;
  if (!point) return {};
  const die = () => process.kill(process.pid, 'SIGKILL');
  return {
    afterPrepare: () => point === 'after-prepare' && die(),
    afterFile: (name) => ((point === 'after-signature' && name.endsWith('.minisig')) || (point === 'after-write' && name.endsWith('.age'))) && die(),
  };
}

const skipText: Record<string, string> = { seen: 'imported before', not_for_us: 'not for this workstation', refused_before: 'refused before, unchanged' };

export function addFlowCommands(program: Command, io: CliIo): void {
  vaultOption(program.command('export'))
    .description("build and deliver this role's next bundle now, whatever the schedule says; prints each file written")
    .option('--out <dir>', "write into this folder instead of the transport's outbox")
    .option('--urgent <id>', 'officer: send only this urgent ready signal, at once, in a bundle of its own')
    .action(async (opts: VaultOpt & { out?: string; urgent?: string }) => {
      const policy = validPolicy(io);
      if (opts.urgent !== undefined && opts.out !== undefined)
        throw new AppError('invalid_request', '--urgent: goes through the transport of the policy, not --out.');
      const urgent = opts.urgent === undefined ? undefined : Number(opts.urgent);
      if (urgent !== undefined && (!Number.isInteger(urgent) || urgent < 1)) throw new AppError('invalid_request', '--urgent: must be the number of a signal.');
      const result = await withVault(io, opts.vault, (v) =>
        urgent !== undefined
          ? sendUrgentNow(v, policy, captureDeps(v), urgent)
          : sendNow(v, policy, captureDeps(v), { ...(opts.out ? { outDir: opts.out } : {}), ...crashHooks(io) }),
      );
      for (const path of result.paths) io.out(path);
      for (const id of result.blocked) io.err(`obi: signal ${id} went back to draft: a proposed redaction in its summary has no decision.`);
      for (const f of result.failures) {
        cliLog(io).event('transport.failed', { step: 'deliver', code: f.code });
        io.err(`obi: bundle ${f.bundle} was not delivered (${f.code}: ${f.message}); it stays ready and goes with the next export.`);
      }
      const first = result.failures[0];
      if (result.paths.length === 0 && first) throw new AppError(first.code, 'Nothing could be delivered.');
    });

  const inbox = program.command('inbox').description('bundles that arrived');
  vaultOption(inbox.command('import'))
    .description('verify, decrypt and take in bundles (the named files, or every new one in the inbox folder of the policy)')
    .argument('[files...]', 'bundle files (*.age, with *.age.minisig beside them)')
    .action(async (files: string[], opts: VaultOpt) => {
      const policy = validPolicy(io);
      const results = await withVault(io, opts.vault, (v) => readInbox(v, policy, captureDeps(v), files.length > 0 ? files : undefined)).catch((e: unknown) => {
        if (e instanceof AppError) cliLog(io).event('transport.failed', { step: 'inbox', code: e.code });
        throw e;
      });
      for (const r of results) {
        if (r.outcome === 'imported') io.out(`${r.file}: imported, ${r.signals ?? 0} signals`);
        else if (r.outcome === 'skipped') io.out(`${r.file}: skipped (${skipText[r.reason ?? ''] ?? r.reason})`);
        else io.err(`obi: ${r.file}: refused: ${r.message ?? r.reason}`);
      }
      const refused = results.filter((r) => r.outcome === 'refused').length;
      if (refused > 0) throw new AppError('bundle_invalid', `${refused} of ${results.length} bundles refused; nothing of them was kept.`);
      if (results.length === 0) io.out('No bundles to import.');
    });

  const review = program.command('review').description("the team lead's review of the team's signals (redacted material only)");
  vaultOption(review.command('list'))
    .description('signals awaiting review, or in a given state')
    .option('--state <state>', 'pending (default), approved, returned, delivered or all', 'pending')
    .option('--json', 'print JSON')
    .action(async (opts: VaultOpt & { state: string; json?: boolean }) => {
      requireRole(io, 'teamlead');
      const states = ['pending', 'approved', 'returned', 'delivered', 'all'];
      if (!states.includes(opts.state)) throw new AppError('invalid_request', `--state: must be one of ${states.join(', ')}`);
      const items = await withVault(io, opts.vault, (v) =>
        listReview(v, workstationKeys(v)?.signer ?? null, opts.state === 'all' ? undefined : (opts.state as ReviewState)),
      );
      if (opts.json) return io.out(JSON.stringify(items));
      for (const i of items) io.out(`${i.id}\t${i.state}\t${i.officer}\t${i.date}\t${i.tags.join(' ')}\n\t${i.summary}`);
      io.out(`${items.length} signals`);
    });

  vaultOption(review.command('approve'))
    .description('approve a signal (never one your own workstation sent: four eyes)')
    .argument('[id]', 'review item, see obi review list')
    .option('--all', 'every pending signal you may approve')
    .action(async (id: string | undefined, opts: VaultOpt & { all?: boolean }) => {
      requireRole(io, 'teamlead');
      if (!opts.all && id === undefined) throw new AppError('invalid_request', 'Say which signal: ID or --all.');
      const done = await withVault(io, opts.vault, (v) => {
        const own = workstationKeys(v)?.signer ?? null;
        const ids = opts.all
          ? listReview(v, own, 'pending')
              .filter((i) => !i.ownSignal)
              .map((i) => i.id)
          : [itemId(id!)];
        for (const i of ids) approve(v, i, own);
        return ids.length;
      });
      io.out(`${done} signals approved.`);
    });

  vaultOption(review.command('return'))
    .description('return a signal to its officer with a reason')
    .argument('<id>', 'review item, see obi review list')
    .requiredOption('--reason <text>', 'why, for the officer')
    .action(async (id: string, opts: VaultOpt & { reason: string }) => {
      requireRole(io, 'teamlead');
      await withVault(io, opts.vault, (v) => returnItem(v, itemId(id), opts.reason, workstationKeys(v)?.signer ?? null));
      io.out('Returned; the officer hears of it with the next export.');
    });

  vaultOption(review.command('redact'))
    .description('redact a further part of a pending summary (there is no way back)')
    .argument('<id>', 'review item, see obi review list')
    .requiredOption('--text <text>', 'the exact part of the summary to replace (its first occurrence)')
    .option('--category <category>', `what it is (${redactionCategories.join(', ')})`, 'person')
    .action(async (id: string, opts: VaultOpt & { text: string; category: string }) => {
      requireRole(io, 'teamlead');
      if (!(redactionCategories as readonly string[]).includes(opts.category))
        throw new AppError('invalid_request', `--category: must be one of ${redactionCategories.join(', ')}`);
      const item = await withVault(io, opts.vault, (v) => {
        const own = workstationKeys(v)?.signer ?? null;
        const current = listReview(v, own).find((i) => i.id === itemId(id));
        const start = current?.summary.indexOf(opts.text) ?? -1;
        if (!current || start < 0 || opts.text.length === 0) throw new AppError('invalid_request', '--text: is not part of that summary');
        return redactFurther(v, current.id, start, start + opts.text.length, opts.category as RedactionCategory, own);
      });
      io.out(item.summary);
    });
}
