import { Command, CommanderError } from 'commander';
import { isAppError } from '../core/app-error';
import type { LogFields } from '../core/logging/log-events';
import { appVersion } from '../core/app-version';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { cliLog, type CliIo } from './cli-io';
import { addCaptureCommands } from './commands/capture-commands';
import { addDiagCommand } from './commands/diag-command';
import { addExchangeCommands } from './commands/exchange-commands';
import { addFlowCommands } from './commands/flow-commands';
import { addPolicyCommands } from './commands/policy-commands';
import { addQueueCommands } from './commands/queue-command';
import { addRedactCommand } from './commands/redact-command';
import { addReportCommand } from './commands/report-command';
import { addTaxonomyCommands } from './commands/taxonomy-commands';
import { addAuditCommands, addVaultCommands } from './commands/vault-commands';

export function buildProgram(io: CliIo): Command {
  const program = new Command('obi')
    .description('OBI Werkplek on the command line: the same core as the app, for IT, scripts and tests.')
    .version(appVersion)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => write(s.replace(/^error: /, 'obi: ')),
    });
  addVaultCommands(program, io);
  addAuditCommands(program, io);
  addCaptureCommands(program, io);
  addTaxonomyCommands(program, io);
  addPolicyCommands(program, io);
  addDiagCommand(program, io);
  addExchangeCommands(program, io);
  addFlowCommands(program, io);
  addRedactCommand(program, io);
  addQueueCommands(program, io);
  addReportCommand(program, io);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  return program;
}

/**
 * The command words of `argv` must name existing commands, also with `--help`: commander would
 * otherwise answer `obi nosuch --help` with the general help and exit 0, and scripts that probe for
 * a command with `--help` would believe it exists.
 */
/** The known command words at the start of `argv` (`vault backup`), for the log. */
function commandPath(program: Command, argv: string[]): string | undefined {
  const words: string[] = [];
  let cmd = program;
  for (const word of argv) {
    const next = cmd.commands.find((c) => c.name() === word);
    if (!next) break;
    words.push(next.name());
    cmd = next;
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

function unknownCommand(program: Command, argv: string[]): string | null {
  let cmd = program;
  for (const word of argv) {
    // Only the leading words are command names; after the first option, values may follow.
    if (word.startsWith('-')) return null;
    if (cmd.commands.length === 0 || word === 'help') return null;
    const next = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) return word;
    cmd = next;
  }
  return null;
}

/**
 * Runs the CLI and returns the exit code: 0 done, 2 a known failure (one line on stderr, never a
 * stack trace), 1 an unexpected one.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  const unknown = unknownCommand(program, argv);
  const command = commandPath(program, argv);
  // Failures are logged by code and command words only: messages may carry paths or file names.
  const failed = (code: LogFields<'cli.failed'>['code']) => cliLog(io).event('cli.failed', { ...(command ? { command } : {}), code });
  if (unknown !== null) {
    failed('invalid_request');
    io.err(`obi: unknown command '${unknown}'; see obi --help`);
    return 2;
  }
  try {
    if (!argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V')) probeSqlCipher();
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      failed('invalid_request');
      return 2;
    }
    if (isAppError(e)) {
      failed(e.code);
      io.err(`obi: ${e.message}`);
      return 2;
    }
    failed('unexpected');
    io.err('obi: an unexpected error occurred.');
    return 1;
  }
}
