import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dirs';

const root = join(import.meta.dirname, '..', '..');

describe('the Electronegativity gate (build/scripts/security-scan.mjs, run by npm run lint)', () => {
  it('fails on a HIGH finding that the allowlist does not name, and on allowlist entries that match nothing', () => {
    const project = tempDir();
    for (const dir of ['electron/main', 'renderer', 'shared']) mkdirSync(join(project, dir), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'x', devDependencies: { electron: '45.5.0' } }));
    writeFileSync(
      join(project, 'electron', 'main', 'window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const run = spawnSync(process.execPath, [join(root, 'build', 'scripts', 'security-scan.mjs'), project], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not allowed: SANDBOX_JS_CHECK \(MEDIUM\) electron\/main\/window\.ts:2/);
    expect(run.stderr).toMatch(/not allowed: LIMIT_NAVIGATION_GLOBAL_CHECK \(HIGH\)/);
    expect(run.stderr).toMatch(/not allowed: CONTEXT_ISOLATION_JS_CHECK \(HIGH\) electron\/main\/window\.ts:2/);
    expect(run.stderr).toMatch(/allowlist entry matches no finding any more, remove it: CONTEXT_ISOLATION_JS_CHECK electron\/main\/main\.ts/);
  }, 60_000);
});
