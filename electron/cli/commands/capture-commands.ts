import type { Command } from 'commander';
import { signalStates, type SignalState } from '../../../shared/capture/signal-states';
import { AppError } from '../../core/app-error';
import { keepApart, likelyDuplicates, mergeMeetings } from '../../core/capture/meeting-duplicates';
import { Meetings } from '../../core/capture/meetings';
import { importMeetings } from '../../core/capture/notes-import';
import { readyAll } from '../../core/capture/ready-all';
import { search } from '../../core/capture/search';
import { Signals } from '../../core/capture/signals';
import { fileLimits } from '../../core/platform/file-limits';
import { readBoundedFile } from '../../core/platform/read-bounded';
import { captureDeps } from '../../core/wiring';
import type { CliIo } from '../cli-io';
import { withVault } from './vault-commands';

type VaultOpt = { vault?: string };

const meetingId = (name: string, value: string): number => {
  const id = Number(value);
  if (!/^[1-9]\d{0,15}$/.test(value) || !Number.isSafeInteger(id)) throw new AppError('invalid_request', `${name}: must be a meeting number`);
  return id;
};
const vaultOption = (cmd: Command) => cmd.option('--vault <dir>', 'vault folder (default: $OBI_VAULT)');

export function addCaptureCommands(program: Command, io: CliIo): void {
  const notes = program.command('notes').description('meetings and their notes');
  vaultOption(notes.command('import'))
    .description('import meetings from JSON Lines, all or nothing (a bad line is named); a meeting already in the vault is recognised and left as it is')
    .argument('<file>', 'JSONL file, one meeting per line')
    .option('--json', 'print JSON: {new, alreadyPresent, signals}')
    .action(async (file: string, opts: VaultOpt & { json?: boolean }) => {
      const bytes = await readBoundedFile(file, fileLimits.importFile);
      const result = await withVault(io, opts.vault, (v) => importMeetings(v, captureDeps(v), bytes));
      if (opts.json) return io.out(JSON.stringify(result));
      io.out(`${result.new} new, ${result.alreadyPresent} already in the vault, nothing changed for those (${result.signals} new signals).`);
    });

  vaultOption(notes.command('list'))
    .description('list meetings, newest first (never the notes themselves)')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (opts: VaultOpt & { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new AppError('invalid_request', '--limit: must be a whole number of at least 1');
      const { items, total } = await withVault(io, opts.vault, (v) => new Meetings(v, captureDeps(v)).list(limit));
      if (opts.json) return io.out(JSON.stringify(items));
      for (const m of items) io.out(`${m.id}\t${m.date}\t${m.kind}\t${m.community}\t${m.municipality} (${m.province})\t${m.signals} signals`);
      io.out(`${items.length} of ${total} meetings`);
    });

  const meetings = program.command('meetings').description('meetings that are likely one conversation recorded twice');
  vaultOption(meetings.command('duplicates'))
    .description('list likely duplicates: same date, municipality and community, notes that are near-copies (never the notes themselves)')
    .option('--json', 'print JSON')
    .action(async (opts: VaultOpt & { json?: boolean }) => {
      const pairs = await withVault(io, opts.vault, (v) => likelyDuplicates(v));
      if (opts.json) return io.out(JSON.stringify(pairs.map(({ first, second, similarity }) => ({ first: first.id, second: second.id, similarity }))));
      for (const p of pairs)
        io.out(`${p.first.id}\t${p.second.id}\t${p.first.date}\t${p.first.municipality}\t${p.first.community}\tsimilarity ${p.similarity}`);
      io.out(`${pairs.length} likely duplicates`);
    });

  vaultOption(meetings.command('merge'))
    .description('merge meeting B into meeting A: one conversation with the signals of both; B is deleted')
    .argument('<a>', 'the meeting that stays')
    .argument('<b>', 'the meeting that goes')
    .action(async (a: string, b: string, opts: VaultOpt) => {
      const [keep, remove] = [meetingId('<a>', a), meetingId('<b>', b)];
      const result = await withVault(io, opts.vault, (v) => mergeMeetings(v, captureDeps(v), keep, remove));
      io.out(`Meeting ${result.removed} merged into meeting ${result.kept}; ${result.signals} signals moved.`);
    });

  vaultOption(meetings.command('keep-apart'))
    .description('remember that meetings A and B are two conversations, so they are not listed as likely duplicates again')
    .argument('<a>', 'a meeting')
    .argument('<b>', 'the other meeting')
    .action(async (a: string, b: string, opts: VaultOpt) => {
      const [first, second] = [meetingId('<a>', a), meetingId('<b>', b)];
      await withVault(io, opts.vault, (v) => keepApart(v, captureDeps(v), first, second));
      io.out(`Meetings ${first} and ${second} are kept apart.`);
    });

  const signals = program.command('signals').description('signals drawn from the notes');
  vaultOption(signals.command('list'))
    .description('list signals')
    .option('--state <state>', `only signals in this state (${signalStates.join(', ')})`)
    .option('--json', 'print JSON')
    .action(async (opts: VaultOpt & { state?: string; json?: boolean }) => {
      if (opts.state !== undefined && !(signalStates as readonly string[]).includes(opts.state)) {
        throw new AppError('invalid_request', `--state: must be one of ${signalStates.join(', ')}`);
      }
      const state = opts.state as SignalState | undefined;
      const list = await withVault(io, opts.vault, (v) => new Signals(v, captureDeps(v)).list(state ? { state } : {}));
      if (opts.json) return io.out(JSON.stringify(list));
      for (const s of list) io.out(`${s.id}\t${s.state}\tmeeting ${s.meetingId}\t${s.tags.join(' ')}`);
      io.out(`${list.length} signals`);
    });

  vaultOption(signals.command('ready'))
    .description('mark signals ready (each needs consent, a summary, a state actor and a modus operandi, and a decision on every proposed redaction)')
    .option('--all', 'every draft and returned signal that can be')
    .option('--accept-proposed', 'first accept (replace) every proposed redaction that has no decision; for scripted tests and demos')
    .action(async (opts: VaultOpt & { all?: boolean; acceptProposed?: boolean }) => {
      if (!opts.all) throw new AppError('invalid_request', 'Say which signals: --all.');
      const result = await withVault(io, opts.vault, (v) => readyAll(v, captureDeps(v), opts.acceptProposed ?? false));
      io.out(`${result.ready} signals ready.`);
      for (const s of result.skipped) io.out(`signal ${s.id} stays: ${s.reason}`);
    });

  vaultOption(program.command('search'))
    .description('search notes and summaries (diacritics and case do not matter)')
    .argument('<query>', 'words to find')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many hits', '50')
    .action(async (query: string, opts: VaultOpt & { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new AppError('invalid_request', '--limit: must be a whole number from 1 to 10000');
      const hits = await withVault(io, opts.vault, (v) => search(v, query, {}, limit));
      if (opts.json) return io.out(JSON.stringify(hits));
      for (const h of hits) io.out(`${h.date}\t${h.kind} ${h.signalId ?? h.meetingId}\t${h.excerpt.replace(/\s+/g, ' ')}`);
      io.out(`${hits.length} hits`);
    });
}
