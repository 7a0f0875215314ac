import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as LoadPolicy from '../core/policy/load-policy';
import { tempDir } from '../test-support/temp-dirs';

/**
 * The Electron entry itself, started against recorders of Electron's modules (Electron does not
 * run here): which window it opens, what the window loads, which policy sources it reads and
 * whether it starts at all, for a release build and a development build. Which one it is comes from
 * the constant the bundler bakes in (`__OBI_DEV_BUILD__`), never from `app.isPackaged`: the tests
 * below let the executable claim the opposite of the build.
 */
const recorded = vi.hoisted(() => ({
  packaged: false,
  paths: new Map<string, string>(),
  windows: [] as Array<{ options: { webPreferences?: { devTools?: boolean; preload?: string } }; loaded: string[] }>,
  policyOptions: [] as unknown[],
  exits: [] as number[],
  errorBoxes: [] as string[],
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
      exit: (code: number) => void recorded.exits.push(code),
    },
    BrowserWindow,
    Menu: { setApplicationMenu: ignore },
    dialog: { showErrorBox: (_: string, text: string) => void recorded.errorBoxes.push(text), showMessageBox: () => Promise.resolve({ response: 1 }) },
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
  vi.unstubAllGlobals();
  recorded.windows.length = 0;
  recorded.policyOptions.length = 0;
  recorded.exits.length = 0;
  recorded.errorBoxes.length = 0;
});

/**
 * Starts electron/main/main.ts as Electron would, built as a development or a release bundle, with
 * an executable that reports itself packaged or not, and with extra command-line switches.
 */
async function launch(build: { devBuild: boolean; packaged: boolean; argv?: string[] }) {
  const home = tempDir();
  recorded.packaged = build.packaged;
  vi.stubGlobal('__OBI_DEV_BUILD__', build.devBuild);
  const argv = process.argv;
  process.argv = [argv[0]!, 'main', ...(build.argv ?? [])];
  recorded.paths = new Map([
    ['home', home],
    ['userData', join(home, 'user-data')],
    ['documents', join(home, 'Documents')],
  ]);
  vi.stubEnv('OBI_POLICY', '');
  vi.stubEnv('OBI_VAULT', '');
  vi.stubEnv('OBI_LOG_DIR', join(home, 'logs'));
  vi.stubEnv('XDG_STATE_HOME', join(home, 'state'));
  try {
    await import('./main');
  } finally {
    process.argv = argv;
  }
}

/** Launches it and waits for its window. */
async function start(build: { devBuild: boolean; packaged: boolean }) {
  await launch(build);
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  return recorded.windows[0]!;
}

describe('the Electron entry', () => {
  it('loads the app from app://obi/ only, never a file', async () => {
    for (const devBuild of [false, true]) {
      const window = await start({ devBuild, packaged: !devBuild });
      expect(window.loaded).toEqual(['url app://obi/index.html']);
      vi.resetModules();
      recorded.windows.length = 0;
    }
  });

  it('gives a release build no developer tools and no development policy file, also when a renamed copy claims to be unpackaged', async () => {
    for (const packaged of [true, false]) {
      vi.stubEnv('OBI_TEST_IDLE_MS', '10');
      const window = await start({ devBuild: false, packaged });
      expect(window.options.webPreferences?.devTools).toBe(false);
      expect(recorded.policyOptions).toEqual([{ platform: process.platform }]);
      vi.resetModules();
      recorded.windows.length = 0;
      recorded.policyOptions.length = 0;
    }
  });

  it('refuses to start a release build with a debugging switch, saying why in one line', async () => {
    await launch({ devBuild: false, packaged: true, argv: ['--remote-debugging-port=9222'] });
    expect(recorded.exits).toEqual([1]);
    expect(recorded.errorBoxes).toHaveLength(1);
    expect(recorded.errorBoxes[0]).toMatch(/remote-debugging-port/);
    expect(recorded.errorBoxes[0]).not.toContain('\n');
    expect(recorded.windows).toEqual([]);
  });

  it('gives a development build developer tools and the example policy, also when it claims to be packaged', async () => {
    const window = await start({ devBuild: true, packaged: true });
    expect(window.options.webPreferences?.devTools).toBe(true);
    expect(window.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(recorded.policyOptions).toEqual([
      { platform: process.platform, devFile: join(import.meta.dirname, '..', '..', 'build', 'policy', 'example-officer.json') },
    ]);
  });
});
