import { app, session, type WebContents } from 'electron';

/**
 * The runtime items of the Electron security checklist: no navigation away from the app, no new
 * windows, no <webview>, and every permission request (camera, notifications, …) refused. Links are
 * never handed to `shell.openExternal`: the app opens nothing outside itself.
 */
export function hardenWebContents(contents: WebContents, options: { devTools: boolean }): void {
  // A release build has no developer tools; should anything open them all the same, they close.
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

export function hardenApp(options: { devTools: boolean }): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}
