import { homedir } from 'node:os';
import passwordPrompt from '@inquirer/password';
import { AppError } from '../core/app-error';
import { fileLog, silentLog, type EventLog } from '../core/logging/event-log';
import type { PolicyLoadOptions } from '../core/policy/load-policy';
import type { Argon2Params } from '../core/vault/key-slots';
import { logDirFor } from '../core/platform/app-dirs';

/** What a command may use of the outside world; tests replace it. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks for a secret without echo; undefined when there is no terminal to ask on. */
  askSecret?: (question: string) => Promise<string>;
  /** The app's event log (the same folder the app writes to); nothing is logged without it. */
  log?: EventLog;
  /** Where the machine policy is read; tests replace the registry and /etc. */
  policySources?: Omit<PolicyLoadOptions, 'devFile'>;
  /** The user's home folder, for the app's default vault and log folders. */
  home?: string;
  /** Standard input as bytes, for commands that read data (obi redact). */
  stdin?: AsyncIterable<Uint8Array>;
  /** The Argon2id cost for key slots; tests pass a cheap one, the CLI itself always uses today's. */
  argon2?: Argon2Params;
}

export const processIo = (): CliIo => ({
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  log: fileLog(logDirFor({ devBuild: true, platform: process.platform, env: process.env, home: homedir() })),
  home: homedir(),
  stdin: process.stdin,
  ...(process.stdin.isTTY ? { askSecret: (message: string) => passwordPrompt({ message, mask: '*' }, { output: process.stderr }) } : {}),
});

export const cliLog = (io: CliIo): EventLog => io.log ?? silentLog;

/**
 * A secret from the environment variable, or asked for on the terminal. Never from an argument:
 * arguments end up in shell history and process lists.
 */
export async function secretFrom(io: CliIo, variable: string, question: string): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.askSecret) {
    throw new AppError('invalid_request', `No passphrase: set ${variable} or run the command in a terminal.`);
  }
  return io.askSecret(question);
}

/** A new passphrase: from the variable, or typed twice. */
export async function newSecretFrom(io: CliIo, variable: string, question: string): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await secretFrom({ ...io, env: {} }, variable, question);
  const second = await secretFrom({ ...io, env: {} }, variable, 'Repeat it');
  if (first !== second) throw new AppError('invalid_request', 'The two passphrases differ.');
  return first;
}

export function vaultDirFrom(io: CliIo, option: string | undefined): string {
  const dir = option ?? io.env.OBI_VAULT;
  if (!dir) throw new AppError('invalid_request', 'No vault: pass --vault DIR or set OBI_VAULT.');
  return dir;
}
