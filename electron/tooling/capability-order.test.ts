import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dirs';

/**
 * The order of capabilities (.dependency-cruiser.cjs, run by `npm run lint`), exercised on a small
 * tree of probe files laid out as the project is: a rule that silently stopped matching would let
 * capture import exchange, or two modules import each other, without anyone noticing.
 */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(files: Record<string, string>): Promise<string[]> {
  const root = tempDir('obi-depcruise-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const { output } = await cruise(
    [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))],
    { validate: true, ruleSet: { forbidden: config.forbidden ?? [] }, baseDir: root, tsPreCompilationDeps: true },
    { extensions: ['.ts'] },
  );
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('the order of capabilities', () => {
  it('refuses an upward import and allows a downward one', async () => {
    const found = await violations({
      'electron/core/capture/probe.ts': "import { sendNow } from '../exchange/service';\nexport const x = sendNow;\n",
      'electron/core/exchange/service.ts': 'export const sendNow = 1;\n',
      'electron/core/exchange/uses-capture.ts': "import { signals } from '../capture/signals';\nexport const y = signals;\n",
      'electron/core/capture/signals.ts': 'export const signals = 2;\n',
      'electron/core/vault/probe.ts': "import { rpc } from '../rpc/dispatch';\nexport const z = rpc;\n",
      'electron/core/rpc/dispatch.ts': 'export const rpc = 3;\n',
    });
    expect(found.sort()).toEqual([
      'no-upward-import-from-capture: electron/core/capture/probe.ts -> electron/core/exchange/service.ts',
      'no-upward-import-from-vault: electron/core/vault/probe.ts -> electron/core/rpc/dispatch.ts',
    ]);
  });

  it('refuses a cycle, also one through types only', async () => {
    const found = await violations({
      'shared/a.ts': "import type { B } from './b';\nexport type A = { b: B };\n",
      'shared/b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
    });
    expect(found.filter((v) => v.startsWith('no-circular')).length).toBeGreaterThan(0);
  });

  it('asks a new part of the core for its place in the order', async () => {
    const found = await violations({
      'electron/core/newcomer/probe.ts': "import { AppError } from '../app-error';\nexport const e = AppError;\n",
      'electron/core/app-error.ts': 'export class AppError {}\n',
    });
    expect(found).toEqual(['core-level-named: electron/core/newcomer/probe.ts -> electron/core/app-error.ts']);
  });

  it('keeps shared/ free of every other layer', async () => {
    const found = await violations({
      'shared/probe.ts': "import { vault } from '../electron/core/vault/vault';\nexport const v = vault;\n",
      'electron/core/vault/vault.ts': 'export const vault = 1;\n',
    });
    expect(found).toEqual(['shared-stands-alone: shared/probe.ts -> electron/core/vault/vault.ts']);
  });
});
