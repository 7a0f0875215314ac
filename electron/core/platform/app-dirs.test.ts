import { describe, expect, it } from 'vitest';
import { appLogDir, appVaultDir, logDirFor } from './app-dirs';

describe('the app folders', () => {
  it('are where the app keeps them on each platform', () => {
    const win = { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' };
    expect(appLogDir('win32', win, 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Local\\OBI Werkplek\\logs');
    expect(appVaultDir('win32', win, 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Roaming\\OBI Werkplek\\vault');
    expect(appLogDir('linux', {}, '/home/a')).toBe('/home/a/.local/state/obi-werkplek/logs');
    expect(appLogDir('linux', { XDG_STATE_HOME: '/s' }, '/home/a')).toBe('/s/obi-werkplek/logs');
    expect(appVaultDir('linux', {}, '/home/a')).toBe('/home/a/.config/OBI Werkplek/vault');
    expect(appLogDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Logs/OBI Werkplek');
  });

  it('take OBI_LOG_DIR in development only', () => {
    const env = { OBI_LOG_DIR: '/tmp/logs' };
    expect(logDirFor({ devBuild: true, platform: 'linux', env, home: '/home/a' })).toBe('/tmp/logs');
    expect(logDirFor({ devBuild: false, platform: 'linux', env, home: '/home/a' })).toBe('/home/a/.local/state/obi-werkplek/logs');
  });
});
