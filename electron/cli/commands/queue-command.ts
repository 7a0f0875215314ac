import type { Command } from 'commander';
import { publicItem } from '../../../shared/triage/work-queue';
import { AppError } from '../../core/app-error';
import { setUrgent } from '../../core/capture/urgency';
import { workQueue } from '../../core/exchange/work-queue';
import { policyInvalidError } from '../../core/policy/read-only';
import { captureDeps } from '../../core/wiring';
import type { CliIo } from '../cli-io';
import { cliPolicy } from './policy-commands';
import { withVault } from './vault-commands';

type VaultOpt = { vault?: string };
const vaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

const signalId = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new AppError('invalid_request', 'ID: must be the number of a signal (see obi signals list).');
  return n;
};

/** `obi queue`: this role's work queue in the app's order; `obi urgent`: the officer's urgency mark. */
export function addQueueCommands(program: Command, io: CliIo): void {
  vaultOption(program.command('queue'))
    .description("what needs doing first: the officer's or the team lead's work queue, in order")
    .option('--json', 'print a JSON list of {kind, ref, reason, severity, since}')
    .action(async (opts: VaultOpt & { json?: boolean }) => {
      const effective = cliPolicy(io);
      if (!effective.ok) throw policyInvalidError(effective);
      const queue = await withVault(io, opts.vault, (v) => workQueue(v, effective.policy, captureDeps(v)));
      const items = queue.items.map(publicItem);
      if (opts.json) return io.out(JSON.stringify(items));
      if (items.length === 0) return io.out('Nothing is waiting.');
      for (const i of items) io.out(`${i.kind.padEnd(19)} ${i.ref.padEnd(14)} ${i.severity === null ? '-' : String(i.severity)}  ${i.since}  ${i.reason}`);
      if (queue.role === 'teamlead') {
        for (const o of queue.perOfficer) io.out(`officer ${o.officer}: ${o.pending} pending, ${o.returned} returned`);
        for (const c of queue.waitingForK.combinations)
          io.out(`waiting for k=${queue.waitingForK.k}: ${c.stateActor} / ${c.modusOperandi} / ${c.channel}: ${c.signals}, ${c.missing} more needed`);
      }
    });

  vaultOption(program.command('urgent'))
    .description('mark a signal urgent (or take the mark away with --off); `obi export --urgent ID` sends it at once')
    .argument('<id>', 'the signal')
    .option('--off', 'take the urgent mark away')
    .action(async (id: string, opts: VaultOpt & { off?: boolean }) => {
      const r = await withVault(io, opts.vault, (v) => setUrgent(v, signalId(id), !opts.off));
      io.out(r.urgent ? `Signal ${id} is urgent.` : `Signal ${id} is not urgent.`);
    });
}
