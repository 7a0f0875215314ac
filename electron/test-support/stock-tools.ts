import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Stock Debian `age`, `age-keygen` and `minisign`, to prove interoperability in both directions. */
export function stock(command: 'age' | 'age-keygen' | 'minisign', args: string[], input = '') {
  const run = spawnSync(command, args, { input, encoding: 'utf8' });
  if (run.error) throw new Error(`${command} is needed for this test (Debian packages age and minisign): ${run.error.message}`);
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** A stock age key file and its recipient. */
export function stockAgeKey(dir: string, name = 'central.key'): { keyFile: string; recipient: string } {
  const keyFile = join(dir, name);
  const made = stock('age-keygen', ['-o', keyFile]);
  if (made.status !== 0) throw new Error(`age-keygen failed: ${made.err}`);
  return { keyFile, recipient: stock('age-keygen', ['-y', keyFile]).out.trim() };
}

/** A stock, unencrypted minisign key pair (`minisign -G -W`). */
export function stockMinisignKey(dir: string, name = 'stock'): { pub: string; key: string } {
  const pub = join(dir, `${name}.pub`);
  const key = join(dir, `${name}.key`);
  const made = stock('minisign', ['-G', '-W', '-p', pub, '-s', key]);
  if (made.status !== 0) throw new Error(`minisign -G failed: ${made.err}`);
  return { pub, key };
}
