import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor } from 'electron';
import { AppError } from '../core/app-error';
import { appVersion } from '../core/app-version';
import { fileLog, type EventLog } from '../core/logging/event-log';
import { loadPolicy } from '../core/policy/load-policy';
import { policyLoadSummary } from '../core/policy/policy-summary';
import { createAppCore } from '../core/app-core';
import { decideUpdates, publisherNamesFrom } from '../core/updates/update-decision';
import { connectDesktopBuses, watchDesktopLock } from '../core/session/desktop-lock';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { appEntryUrl } from '../core/app-shell/app-origin';
import { debuggingRefusal } from '../core/app-shell/debug-switches';
import { runMode, type RunMode } from '../core/run-mode';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { hardenApp, hardenSessions } from './hardening';
import { forwardEvents, registerIpc } from './ipc';
import { electronOsKeyWrap } from './os-key-wrap';
import { printPdf } from './print-pdf';
import { readAppUpdateConfig, startUpdates } from './updates';
import { mainWindowOptions } from './window-options';

/**
 * Electron entry: the thin glue around the core. Everything that can run without Electron lives in
 * electron/core and is tested there; this file only wires windows, IPC and OS events to it.
 */

/** Set by the build (build/scripts/build.mjs): false in every bundle that `npm run package` ships. */
declare const __OBI_DEV_BUILD__: boolean;
const devBuild: boolean = __OBI_DEV_BUILD__;

function refuseToStart(what: string, error: unknown): never {
  const reason = error instanceof AppError ? error.message : 'Unexpected error.';
  dialog.showErrorBox('OBI Werkplek', `${what}\n\n${reason}`);
  app.exit(1);
  throw new Error('exit');
}

const platformName = (p: NodeJS.Platform) => (p === 'win32' || p === 'linux' || p === 'darwin' ? p : 'other');

let mainWindow: BrowserWindow | null = null;

function start(): void {
  const mode: RunMode = runMode({
    devBuild,
    platform: process.platform,
    env: process.env,
    home: app.getPath('home'),
    userData: app.getPath('userData'),
    devDefaultPolicy: join(app.getAppPath(), 'build', 'policy', 'example-officer.json'),
  });
  const log: EventLog = fileLog(mode.logDir);
  log.event('app.started', { version: appVersion, platform: platformName(process.platform), packaged: app.isPackaged, devBuild });
  try {
    probeSqlCipher();
  } catch (e) {
    log.event('app.refused', { reason: 'sqlcipher_missing' });
    refuseToStart('De versleutelde database kan niet worden geladen. / The encrypted database cannot be loaded.', e);
  }
  // Release: registry (Windows) or /etc (Linux) only. Development: OBI_POLICY or the example file where the machine has none.
  const policy = loadPolicy(mode.policy);
  log.event('policy.loaded', policyLoadSummary(policy));
  hardenSessions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  // An invalid policy starts the read-only state: the window says which key is wrong, no vault session exists.
  // The enrolment sheet is public: it goes where the user keeps documents, not beside the vault.
  // The fenomeenbeeld's PDF is printed by Electron itself, in a hidden window of its own session.
  const { session, handlers } = createAppCore({
    vaultDir: mode.vaultDir,
    policy,
    osKeyWrap: electronOsKeyWrap,
    log,
    documentsDir: app.getPath('documents'),
    printPdf,
  });
  registerIpc(handlers, log);
  if (session) {
    powerMonitor.on('lock-screen', () => void session.lock('system'));
    powerMonitor.on('suspend', () => void session.lock('system'));
    // powerMonitor says nothing of a locked screen on Linux: logind and the screensaver do, over D-Bus.
    if (process.platform === 'linux') {
      void watchDesktopLock(connectDesktopBuses(), process.pid, () => void session.lock('system')).then((watch) =>
        log.event('desktop_lock.watching', { sources: watch.sources }),
      );
    }
  }
  app.on('before-quit', () => {
    session?.dispose();
    void log.close();
  });

  Menu.setApplicationMenu(null);
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '..', 'preload', 'preload.cjs'), mode.devTools));
  if (session) forwardEvents(session, mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(appEntryUrl);
  const decision = decideUpdates({
    policy,
    packaged: app.isPackaged && !devBuild,
    platform: process.platform,
    publisherNames: publisherNamesFrom(readAppUpdateConfig()),
  });
  startUpdates(decision, log, () => mainWindow, policy.ok ? policy.policy.language : 'nl');
}

// First of all: a release build with a debugging switch stops here, before any vault is opened.
const refusal = debuggingRefusal({ devBuild, argv: process.argv.slice(1), env: process.env, platform: process.platform });
if (refusal !== null) {
  console.error(refusal);
  dialog.showErrorBox('OBI Werkplek', refusal);
  app.exit(1);
} else {
  registerAppScheme();
  hardenApp({ devTools: devBuild });
  claimSingleInstance();
}

function claimSingleInstance(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
