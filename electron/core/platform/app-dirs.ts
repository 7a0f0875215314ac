import { posix, win32 } from 'node:path';

/**
 * Where the installed app keeps its files for one user, computed without Electron so the CLI
 * (`obi diag`) finds what the app wrote. The vault sits where Electron's `userData` is (the app
 * uses `app.getPath('userData')`); logs go to the local, non-roaming place each platform keeps for
 * them.
 */
export const productName = 'OBI Werkplek';

type Env = Record<string, string | undefined>;

export function appLogDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local'), productName, 'logs');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Logs', productName);
  return posix.join(env.XDG_STATE_HOME || posix.join(home, '.local', 'state'), 'obi-werkplek', 'logs');
}

export function appVaultDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), productName, 'vault');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', productName, 'vault');
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), productName, 'vault');
}

/** The log folder of this run: `OBI_LOG_DIR` in development (tests, the harness, the CLI), else the app's. */
export function logDirFor(input: { devBuild: boolean; platform: NodeJS.Platform; env: Env; home: string }): string {
  if (input.devBuild && input.env.OBI_LOG_DIR) return input.env.OBI_LOG_DIR;
  return appLogDir(input.platform, input.env, input.home);
}
