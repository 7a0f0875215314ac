import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelPrefix, channels, eventChannel } from '../../shared/contract/ipc-contract';
import { silentLog } from '../core/logging/event-log';

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
    hardenApp();
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.appEvents.has('web-contents-created')).toBe(true);

    const events = new Map<string, (e: { preventDefault: () => void }) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (name: string, fn: (e: { preventDefault: () => void }) => void) => events.set(name, fn),
      setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
    };
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      events.get(name)!({ preventDefault: prevent });
      expect(prevent, name).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
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
