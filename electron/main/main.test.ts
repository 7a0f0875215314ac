import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as LoadPolicy from '../core/policy/load-policy';
import { tempDir } from '../test-support/temp-dirs';

/**
 * The Electron entry itself, started against recorders of Electron's modules (Electron does not
 * run here): which window it opens, what the window loads, and which policy sources it reads, for
 * a packaged build and a development run.
 */
const recorded = vi.hoisted(() => ({
  packaged: false,
  paths: new Map<string, string>(),
  windows: [] as Array<{ options: { webPreferences?: { devTools?: boolean; preload?: string } }; loaded: string[] }>,
  policyOptions: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly record: (typeof recorded.windows)[number];
    readonly webContents = { send: () => undefined };
    constructor(options: (typeof recorded.windows)[number]['options']) {
      this.record = { options, loaded: [] };
      recorded.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded.push(`url ${url}`);
      return Promise.resolve();
    }
    loadFile(path: string) {
      this.record.loaded.push(`file ${path}`);
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
  }
  const ignore = () => undefined;
  return {
    app: {
      get isPackaged() {
        return recorded.packaged;
      },
      getPath: (name: string) => recorded.paths.get(name) ?? recorded.paths.get('home'),
      getAppPath: () => join(import.meta.dirname, '..', '..'),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      enableSandbox: ignore,
      on: ignore,
      quit: ignore,
      exit: ignore,
    },
    BrowserWindow,
    Menu: { setApplicationMenu: ignore },
    dialog: { showErrorBox: ignore, showMessageBox: () => Promise.resolve({ response: 1 }) },
    powerMonitor: { on: ignore },
    protocol: { registerSchemesAsPrivileged: ignore, handle: ignore },
    ipcMain: { handle: ignore },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: { setPermissionRequestHandler: ignore, setPermissionCheckHandler: ignore, setDevicePermissionHandler: ignore, on: ignore },
    },
  };
});

vi.mock('electron-updater', () => ({ autoUpdater: {} }));

vi.mock('../core/policy/load-policy', async (importOriginal) => {
  const actual = await importOriginal<typeof LoadPolicy>();
  return {
    ...actual,
    loadPolicy: (options: Parameters<typeof actual.loadPolicy>[0]) => {
      recorded.policyOptions.push(options);
      return actual.loadPolicy(options);
    },
  };
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  recorded.windows.length = 0;
  recorded.policyOptions.length = 0;
});

/** Starts electron/main/main.ts as Electron would, and waits for its window. */
async function start(packaged: boolean) {
  const home = tempDir();
  recorded.packaged = packaged;
  recorded.paths = new Map([
    ['home', home],
    ['userData', join(home, 'user-data')],
    ['documents', join(home, 'Documents')],
  ]);
  vi.stubEnv('OBI_POLICY', '');
  vi.stubEnv('OBI_VAULT', '');
  vi.stubEnv('OBI_LOG_DIR', join(home, 'logs'));
  vi.stubEnv('XDG_STATE_HOME', join(home, 'state'));
  await import('./main');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  return recorded.windows[0]!;
}

describe('the Electron entry', () => {
  it('loads the app from app://obi/ only, never a file', async () => {
    for (const packaged of [true, false]) {
      const window = await start(packaged);
      expect(window.loaded).toEqual(['url app://obi/index.html']);
      vi.resetModules();
      recorded.windows.length = 0;
    }
  });

  it('gives a packaged build no developer tools and no development policy file', async () => {
    const window = await start(true);
    expect(window.options.webPreferences?.devTools).toBe(false);
    expect(recorded.policyOptions).toEqual([{ platform: process.platform }]);
  });

  it('gives a development run developer tools and the example policy', async () => {
    const window = await start(false);
    expect(window.options.webPreferences?.devTools).toBe(true);
    expect(window.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(recorded.policyOptions).toEqual([
      { platform: process.platform, devFile: join(import.meta.dirname, '..', '..', 'build', 'policy', 'example-officer.json') },
    ]);
  });
});
