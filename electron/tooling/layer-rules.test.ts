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
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'i18next/no-literal-string').map((m) => m.message);
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
});
