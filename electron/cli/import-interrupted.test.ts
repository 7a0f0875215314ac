import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureDeps } from '../core/wiring';
import { createVault, unlockWithPassphrase } from '../core/vault/vault';
import { meetingsOf, officerBundleCells, sampleImportLines } from '../test-support/sample-import';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';

/**
 * `obi notes import` killed (SIGKILL, as a power cut or a closed lid would end it) at a random
 * moment, then run again: the vault holds the same meetings, and makes the same bundle cells, as
 * after one import that was never interrupted. The import runs as the built CLI in its own process
 * (needs `npm run build`).
 */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'obi.cjs');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  ms: number;
}

function importProcess(vaultDir: string, file: string, killAfterMs?: number, json = false): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'notes', 'import', file, ...(json ? ['--json'] : [])], {
      env: { PATH: process.env.PATH ?? '', OBI_VAULT: vaultDir, OBI_PASSPHRASE: passphrase, OBI_LOG_DIR: join(vaultDir, '..', 'logs') },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, ms: performance.now() - started });
    });
  });
}

async function emptyVault(dir: string, name: string) {
  const vaultDir = join(dir, name);
  (await createVault(vaultDir, passphrase, testVaultOptions)).vault.close();
  return vaultDir;
}

async function contents(vaultDir: string) {
  const vault = await unlockWithPassphrase(vaultDir, passphrase, testVaultOptions);
  try {
    const deps = captureDeps(vault);
    return { meetings: meetingsOf(vault, deps), cells: officerBundleCells(vault, deps) };
  } finally {
    vault.close();
  }
}

describe('an import interrupted at a random moment and run again', () => {
  it('leaves the same meetings and bundle cells as one uninterrupted import', async () => {
    const dir = tempDir();
    const file = join(dir, 'meetings.jsonl');
    writeFileSync(file, sampleImportLines(100).join('\n'));

    const reference = await emptyVault(dir, 'reference');
    const whole = await importProcess(reference, file);
    expect(whole.code, whole.out).toBe(0);
    expect(whole.out.trim()).toBe('100 new, 0 already in the vault, nothing changed for those (100 new signals).');
    const expected = await contents(reference);
    expect(expected.meetings).toHaveLength(100);

    for (let round = 0; round < 2; round++) {
      const victim = await emptyVault(dir, `victim-${round}`);
      // Anywhere from the start of the process to about its end: opening the vault, parsing, writing or committing.
      const killed = await importProcess(victim, file, randomInt(0, Math.max(1, Math.ceil(whole.ms))));
      const again = await importProcess(victim, file, undefined, true);
      expect(again.code, `round ${round}: ${again.out}`).toBe(0);
      const counts = JSON.parse(again.out) as { new: number; alreadyPresent: number; signals: number };
      // Either the first run committed everything or nothing: never part of the file.
      expect([0, 100], `round ${round}, first run ${killed.signal ?? killed.code}`).toContain(counts.new);
      expect(counts.new + counts.alreadyPresent).toBe(100);
      expect(await contents(victim)).toEqual(expected);
    }
  }, 480_000);
});
