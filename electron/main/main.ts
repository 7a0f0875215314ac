import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor } from 'electron';
import { AppError } from '../core/app-error';
import { loadPolicy } from '../core/policy/load-policy';
import { createAppCore } from '../core/app-core';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { appEntryUrl } from '../core/app-shell/app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { hardenApp, hardenSessions } from './hardening';
import { forwardEvents, registerIpc } from './ipc';
import { electronOsKeyWrap } from './os-key-wrap';
import { mainWindowOptions } from './window-options';

/**
 * Electron entry: the thin glue around the core. Everything that can run without Electron lives in
 * electron/core and is tested there; this file only wires windows, IPC and OS events to it.
 */

function refuseToStart(what: string, error: unknown): never {
  const reason = error instanceof AppError ? error.message : 'Unexpected error.';
  dialog.showErrorBox('OBI Werkplek', `${what}\n\n${reason}`);
  app.exit(1);
  throw new Error('exit');
}

/** In development the policy comes from OBI_POLICY or the example file; machine locations come later. */
function policyPath(): string | undefined {
  if (app.isPackaged) return process.platform === 'linux' ? '/etc/obi-werkplek/policy.json' : undefined;
  return process.env.OBI_POLICY ?? join(app.getAppPath(), 'build', 'policy', 'example-officer.json');
}

function vaultDir(): string {
  if (!app.isPackaged && process.env.OBI_VAULT) return process.env.OBI_VAULT;
  return join(app.getPath('userData'), 'vault');
}

let mainWindow: BrowserWindow | null = null;

function start(): void {
  try {
    probeSqlCipher();
  } catch (e) {
    refuseToStart('De versleutelde database kan niet worden geladen. / The encrypted database cannot be loaded.', e);
  }
  let loaded;
  try {
    loaded = loadPolicy(policyPath());
  } catch (e) {
    refuseToStart('Het beleid (policy) van deze werkplek is ongeldig. / The policy of this workstation is invalid.', e);
  }
  hardenSessions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  const { session, handlers } = createAppCore({
    vaultDir: vaultDir(),
    policy: loaded.policy,
    policyWarnings: loaded.warnings,
    osKeyWrap: electronOsKeyWrap,
  });
  registerIpc(handlers);
  powerMonitor.on('lock-screen', () => void session.lock('system'));
  powerMonitor.on('suspend', () => void session.lock('system'));
  app.on('before-quit', () => session.dispose());

  Menu.setApplicationMenu(null);
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '..', 'preload', 'preload.cjs'), !app.isPackaged));
  forwardEvents(session, mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(appEntryUrl);
}

registerAppScheme();
hardenApp();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
