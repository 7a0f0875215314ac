import type { CliIo } from '../cli/cli-io';
import { runCli } from '../cli/program';
import { testArgon2 } from './temp-dirs';

/** Runs the CLI in this process with captured output and the given environment (and the tests' cheap Argon2id). */
export async function obi(args: string[], env: Record<string, string | undefined> = {}, askSecret?: CliIo['askSecret'], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, out: (l) => out.push(l), err: (l) => err.push(l), argon2: testArgon2, ...(askSecret ? { askSecret } : {}), ...extra };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
