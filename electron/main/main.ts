import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor } from 'electron';
import { AppError } from '../core/app-error';
import { appVersion } from '../core/app-version';
import { fileLog, type EventLog } from '../core/logging/event-log';
import { loadPolicy, policyLoadOptions } from '../core/policy/load-policy';
import { policyLoadSummary } from '../core/policy/policy-summary';
import { logDirFor } from '../core/platform/app-dirs';
import { createAppCore } from '../core/app-core';
import { decideUpdates, publisherNamesFrom } from '../core/updates/update-decision';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { appEntryUrl } from '../core/app-shell/app-origin';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { hardenApp, hardenSessions } from './hardening';
import { forwardEvents, registerIpc } from './ipc';
import { electronOsKeyWrap } from './os-key-wrap';
import { readAppUpdateConfig, startUpdates } from './updates';
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

const platformName = (p: NodeJS.Platform) => (p === 'win32' || p === 'linux' || p === 'darwin' ? p : 'other');

function vaultDir(): string {
  if (!app.isPackaged && process.env.OBI_VAULT) return process.env.OBI_VAULT;
  return join(app.getPath('userData'), 'vault');
}

let mainWindow: BrowserWindow | null = null;

function start(): void {
  const log: EventLog = fileLog(logDirFor({ packaged: app.isPackaged, platform: process.platform, env: process.env, home: app.getPath('home') }));
  log.event('app.started', { version: appVersion, platform: platformName(process.platform), packaged: app.isPackaged });
  try {
    probeSqlCipher();
  } catch (e) {
    log.event('app.refused', { reason: 'sqlcipher_missing' });
    refuseToStart('De versleutelde database kan niet worden geladen. / The encrypted database cannot be loaded.', e);
  }
  // Packaged: registry (Windows) or /etc (Linux) only. Development: OBI_POLICY or the example file fills what the machine leaves open.
  const policy = loadPolicy(
    policyLoadOptions({
      packaged: app.isPackaged,
      platform: process.platform,
      env: process.env,
      devDefaultFile: join(app.getAppPath(), 'build', 'policy', 'example-officer.json'),
    }),
  );
  log.event('policy.loaded', policyLoadSummary(policy));
  hardenSessions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  // An invalid policy starts the read-only state: the window says which key is wrong, no vault session exists.
  // The enrolment sheet is public: it goes where the user keeps documents, not beside the vault.
  const { session, handlers } = createAppCore({ vaultDir: vaultDir(), policy, osKeyWrap: electronOsKeyWrap, log, documentsDir: app.getPath('documents') });
  registerIpc(handlers, log);
  if (session) {
    powerMonitor.on('lock-screen', () => void session.lock('system'));
    powerMonitor.on('suspend', () => void session.lock('system'));
  }
  app.on('before-quit', () => {
    session?.dispose();
    void log.close();
  });

  Menu.setApplicationMenu(null);
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '..', 'preload', 'preload.cjs'), !app.isPackaged));
  if (session) forwardEvents(session, mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(appEntryUrl);
  const decision = decideUpdates({
    policy,
    packaged: app.isPackaged,
    platform: process.platform,
    publisherNames: publisherNamesFrom(readAppUpdateConfig()),
  });
  startUpdates(decision, log, () => mainWindow, policy.ok ? policy.policy.language : 'nl');
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
