import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelPrefix, channels, eventChannel } from '../../shared/contract/ipc-contract';
import { silentLog } from '../core/logging/event-log';
import { memoryLog } from '../test-support/memory-log';

/**
 * Electron does not run here, so its modules are replaced by recorders: these tests check what the
 * glue asks of Electron — which handlers it installs and what they answer.
 */
const recorded = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<[string, unknown]>,
  rendererListeners: new Map<string, (...args: unknown[]) => void>(),
  ipcHandlers: new Map<string, (event: unknown, request: unknown) => unknown>(),
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  sandboxEnabled: false,
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => unknown),
  deviceCheck: undefined as undefined | ((...args: unknown[]) => unknown),
  sessionEvents: new Map<string, (...args: unknown[]) => void>(),
  schemes: [] as unknown[],
  updater: ((): Record<string, unknown> => ({}))(),
  updaterCalls: [] as string[],
  dialogs: [] as string[],
}));

vi.mock('electron-updater', () => ({
  autoUpdater: new Proxy(recorded.updater, {
    get: (target, name: string) => {
      if (name === 'setFeedURL') return (options: unknown) => (target.feed = options);
      if (name === 'checkForUpdates') {
        return () => (recorded.updaterCalls.push('check'), Promise.resolve({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }));
      }
      if (name === 'downloadUpdate') return () => (recorded.updaterCalls.push('download'), Promise.resolve([]));
      if (name === 'quitAndInstall') return () => void recorded.updaterCalls.push('install');
      return target[name];
    },
    set: (target, name: string, value: unknown) => {
      target[name] = value;
      return true;
    },
  }),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => recorded.exposed.set(name, value) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => {
      recorded.invoked.push([channel, request]);
      return Promise.resolve({ ok: true, value: {} });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => recorded.rendererListeners.set(channel, listener),
    removeListener: (channel: string) => recorded.rendererListeners.delete(channel),
  },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes) },
  dialog: {
    showMessageBox: (options: { message: string }) => {
      recorded.dialogs.push(options.message);
      return Promise.resolve({ response: 1 });
    },
  },
  ipcMain: { handle: (channel: string, fn: (event: unknown, request: unknown) => unknown) => recorded.ipcHandlers.set(channel, fn) },
  app: {
    enableSandbox: () => (recorded.sandboxEnabled = true),
    on: (name: string, fn: (...args: unknown[]) => void) => recorded.appEvents.set(name, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (recorded.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...args: unknown[]) => unknown) => (recorded.permissionCheck = fn),
      setDevicePermissionHandler: (fn: (...args: unknown[]) => unknown) => (recorded.deviceCheck = fn),
      on: (name: string, fn: (...args: unknown[]) => void) => recorded.sessionEvents.set(name, fn),
    },
  },
}));

beforeEach(() => {
  recorded.invoked.length = 0;
});

describe('the preload bridge', () => {
  it('exposes one frozen object with a function per contract channel, never ipcRenderer', async () => {
    await import('../preload/preload');
    expect([...recorded.exposed.keys()]).toEqual(['obi']);
    const bridge = recorded.exposed.get('obi') as { call: Record<string, (r: unknown) => Promise<unknown>>; onEvent: unknown };
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.call)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
    expect(Object.keys(bridge.call).sort()).toEqual([...channels].sort());
    expect(JSON.stringify(Object.keys(bridge))).not.toContain('ipcRenderer');
    await bridge.call['vault.status']!({});
    expect(recorded.invoked).toEqual([[`${channelPrefix}vault.status`, {}]]);
  });

  it('passes on only known events', async () => {
    await import('../preload/preload');
    const bridge = recorded.exposed.get('obi') as { onEvent: (l: (...a: unknown[]) => void) => () => void };
    const heard: unknown[] = [];
    const stop = bridge.onEvent((...args) => heard.push(args));
    const listener = recorded.rendererListeners.get(eventChannel)!;
    listener({}, 'vault.locked', { reason: 'idle' });
    listener({}, 'shell.openExternal', { url: 'x' });
    expect(heard).toEqual([['vault.locked', { reason: 'idle' }]]);
    stop();
    expect(recorded.rendererListeners.has(eventChannel)).toBe(false);
  });
});

describe('hardening', () => {
  it('enables the sandbox for every renderer and hardens every web contents', async () => {
    const { hardenApp, hardenWebContents } = await import('./hardening');
    hardenApp({ devTools: false });
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.appEvents.has('web-contents-created')).toBe(true);

    const events = new Map<string, (e: { preventDefault: () => void }) => void>();
    let openHandler: (() => unknown) | undefined;
    const closeDevTools = vi.fn();
    const contents = {
      on: (name: string, fn: (e: { preventDefault: () => void }) => void) => events.set(name, fn),
      setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
      closeDevTools,
    };
    hardenWebContents(contents as never, { devTools: false });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      events.get(name)!({ preventDefault: prevent });
      expect(prevent, name).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
    events.get('devtools-opened')!({ preventDefault: vi.fn() });
    expect(closeDevTools).toHaveBeenCalled();

    events.clear();
    hardenWebContents(contents as never, { devTools: true });
    expect(events.has('devtools-opened')).toBe(false);
  });

  it('denies every permission request and check, and every download', async () => {
    const { hardenSessions } = await import('./hardening');
    hardenSessions();
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      recorded.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(recorded.permissionCheck!({}, permission)).toBe(false);
    }
    expect(recorded.deviceCheck!({})).toBe(false);
    const prevent = vi.fn();
    recorded.sessionEvents.get('will-download')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
  });
});

describe('IPC registration', () => {
  it('registers every channel under the prefix and refuses untrusted senders', async () => {
    const { registerIpc } = await import('./ipc');
    const calls: string[] = [];
    const handlers = Object.fromEntries(channels.map((c) => [c, () => (calls.push(c), {})])) as never;
    registerIpc(handlers, silentLog);
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(channels.map((c) => channelPrefix + c).sort());

    const main = { url: 'app://obi/index.html' };
    const trusted = { senderFrame: main, sender: { mainFrame: main } };
    const handler = recorded.ipcHandlers.get(`${channelPrefix}session.activity`)!;
    expect(await handler(trusted, {})).toEqual({ ok: true, value: {} });

    const sub = { url: 'app://obi/index.html' };
    const fromSubframe = { senderFrame: sub, sender: { mainFrame: main } };
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
    foreign.sender.mainFrame = foreign.senderFrame;
    const gone = { senderFrame: null, sender: { mainFrame: main } };
    for (const event of [fromSubframe, foreign, gone]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(calls).toEqual(['session.activity']);
  });
});

describe('the app:// scheme', () => {
  it('is a standard, secure scheme with no privilege that loosens the page (no CSP bypass, no CORS, no service workers)', async () => {
    const { registerAppScheme } = await import('./app-protocol');
    registerAppScheme();
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('updates', () => {
  it('touch electron-updater not at all when the core decided against checking', async () => {
    const { startUpdates } = await import('./updates');
    const { log, events } = memoryLog();
    startUpdates({ check: false, reason: 'policy_off' }, log, () => null, 'nl');
    expect(recorded.updater).toEqual({});
    expect(recorded.updaterCalls).toEqual([]);
    expect(events()).toMatchObject([{ event: 'update.decided', check: false, reason: 'policy_off' }]);
  });

  it('use the generic provider with the feed from policy, never download unasked, never downgrade', async () => {
    const { startUpdates } = await import('./updates');
    startUpdates({ check: true, reason: 'enabled', mode: 'notify', feedUrl: 'https://updates.szw.example/obi/' }, silentLog, () => null, 'nl');
    expect(recorded.updater).toMatchObject({
      feed: { provider: 'generic', url: 'https://updates.szw.example/obi/' },
      autoDownload: false,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
      disableWebInstaller: true,
      logger: null,
    });
    await vi.waitFor(() => expect(recorded.dialogs).toEqual(['Versie 0.2.0 van OBI Werkplek is beschikbaar.']));
    // The user said "Later" (response 1): nothing is downloaded.
    expect(recorded.updaterCalls).toEqual(['check']);
  });
});
