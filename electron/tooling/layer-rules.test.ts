import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, exercised on snippets placed (virtually) in each folder: a
 * rule that silently stopped matching would let the renderer reach Node without anyone noticing.
 */
const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => ['no-restricted-imports', 'no-restricted-syntax', 'i18next/no-literal-string'].includes(m.ruleId ?? ''))
    .map((m) => m.message);
}

const banned = async (file: string, source: string) => expect(await importErrors(file, source), `${file}: ${source}`).not.toEqual([]);
const allowed = async (file: string, source: string) => expect(await importErrors(file, source), `${file}: ${source}`).toEqual([]);

describe('layer rules', () => {
  it('keep Node, Electron, native modules and the core out of the renderer', async () => {
    const f = 'renderer/src/pages/Probe.tsx';
    await banned(f, "import { readFileSync } from 'node:fs';");
    await banned(f, "import fs from 'fs';");
    await banned(f, "import { ipcRenderer } from 'electron';");
    await banned(f, "import Database from 'better-sqlite3-multiple-ciphers';");
    await banned(f, "import { createVault } from '../../../electron/core/vault/vault';");
    await allowed(f, "import { contract } from '../../../shared/contract/ipc-contract';");
    await allowed(f, "import { useState } from 'react';");
  });

  it('keep shared/ pure', async () => {
    const f = 'shared/probe.ts';
    await banned(f, "import { join } from 'node:path';");
    await banned(f, "import { app } from 'electron';");
    await banned(f, "import { useState } from 'react';");
    await banned(f, "import { api } from '../renderer/src/api/client';");
    await banned(f, "import { AppError } from '../electron/core/app-error';");
    await allowed(f, "import { z } from 'zod';");
  });

  it('keep electron out of the core and the core off its entry points', async () => {
    const f = 'electron/core/vault/probe.ts';
    await banned(f, "import { safeStorage } from 'electron';");
    await banned(f, "import { registerIpc } from '../../main/ipc';");
    await banned(f, "import { runCli } from '../../cli/program';");
    await allowed(f, "import { readFileSync } from 'node:fs';");
    await allowed(f, "import Database from 'better-sqlite3-multiple-ciphers';");
  });

  it("keep the vault's database to the vault and the store modules of each capability", async () => {
    const service = 'electron/core/exchange/probe.ts';
    await banned(service, "import { storeStatements } from '../vault/vault';");
    await banned(service, "import type { SqlDatabase } from '../vault/sql-database';");
    await banned(service, "import { openEncryptedDatabase } from '../vault/sqlcipher';");
    await banned(service, "import { appendAudit } from '../vault/audit-log';");
    await banned(service, "import Database from 'better-sqlite3-multiple-ciphers';");
    await banned(service, "declare const db: { prepare(sql: string): unknown }; db.prepare('SELECT 1');");
    await banned(service, "declare const db: { exec(sql: string): unknown }; db.exec('DELETE FROM signals');");
    await banned(service, 'declare const vault: { db: unknown }; void vault.db;');
    await allowed(service, "import { createVault } from '../vault/vault';");
    await allowed(service, 'export const first = (text: string) => /a(b)/.exec(text)?.[1];');
    const store = 'electron/core/exchange/probe-store.ts';
    await allowed(store, "import { storeStatements } from '../vault/vault';");
    await allowed(store, "declare const sql: (text: string) => { run(): unknown }; sql('DELETE FROM review_items').run();");
    await banned('electron/cli/probe.ts', "import { storeStatements } from '../core/vault/vault';");
    await banned('electron/bench/probe.ts', "import Database from 'better-sqlite3-multiple-ciphers';");
    await banned('electron/test-support/probe.ts', "declare const db: { pragma(sql: string): unknown }; db.pragma('user_version');");
    await banned('electron/main/probe.ts', "import { storeStatements } from '../core/vault/vault';");
  });

  it('keep the code to the Electron security checklist: nothing opened outside the app, no remote module, no file:// content', async () => {
    for (const f of ['electron/main/probe.ts', 'electron/core/platform/probe.ts', 'renderer/src/pages/Probe.tsx']) {
      await banned(f, "declare const shell: { openExternal(url: string): void }; shell.openExternal('https://example.org');");
      await banned(f, "import { BrowserWindow } from '@electron/remote';");
      await banned(f, 'export const prefs = { enableRemoteModule: true };');
      await banned(f, "export const page = 'file:///etc/passwd';");
      await banned(f, 'export const page = `file:///${String(1)}`;');
      await allowed(f, "export const page = 'app://obi/index.html';");
    }
    await banned('renderer/src/pages/Probe.tsx', 'export const Probe = () => <webview allowpopups />;');
    await allowed('electron/main/probe.test.ts', "export const refused = 'file:///app/index.html';");
  });

  it('keep electron out of the CLI and the browser harness', async () => {
    await banned('electron/cli/probe.ts', "import { app } from 'electron';");
    await banned('electron/web/probe.ts', "import { app } from 'electron';");
    await banned('electron/web/browser-bridge/probe.ts', "import { readFileSync } from 'node:fs';");
  });

  it('let the preload import only electron and the shared contract', async () => {
    const f = 'electron/preload/probe.ts';
    await allowed(f, "import { contextBridge } from 'electron';");
    await allowed(f, "import { channels } from '../../shared/contract/ipc-contract';");
    await banned(f, "import { readFileSync } from 'node:fs';");
    await banned(f, "import { dispatch } from '../core/rpc/dispatch';");
  });

  it('let main import electron', async () => {
    await allowed('electron/main/probe.ts', "import { app } from 'electron';");
  });

  it('keep literal text out of components: every string goes through i18n', async () => {
    await banned('renderer/src/components/Probe.tsx', 'export const Probe = () => <p>Kluis ontgrendelen</p>;');
    await allowed(
      'renderer/src/components/Probe.tsx',
      "import { useTranslation } from 'react-i18next';\nexport const Probe = () => { const { t } = useTranslation(); return <p>{t('unlock.title')}</p>; };",
    );
  });

  it('let components read a store only through a selector, so they render only when what they read changes', async () => {
    const f = 'renderer/src/pages/Probe.tsx';
    const session = "import { useSession } from '../stores/session-store';\n";
    await banned(f, `${session}export const useProbe = () => useSession().status;`);
    await banned(f, "import { useNav } from '../stores/nav-store';\nexport const useProbe = () => useNav().view;");
    await allowed(f, `${session}export const useProbe = () => useSession((s) => s.status);`);
    await allowed(f, "import { useTranslation } from 'react-i18next';\nexport const useProbe = () => useTranslation().t;");
  });
});
