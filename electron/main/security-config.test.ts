import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cspDirectives, contentSecurityPolicy, contentSecurityPolicyMeta } from '../core/app-shell/csp';
import { resolveRendererFile } from '../core/app-shell/renderer-files';
import { isTrustedSender } from './ipc-sender';
import { mainWindowOptions } from './window-options';

const root = join(import.meta.dirname, '..', '..');

describe('the app window (Electron security checklist, configuration items)', () => {
  const prefs = mainWindowOptions('/app/preload.cjs', false).webPreferences!;

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and every risky feature off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('offers developer tools only where asked (development builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts, styles and connections from the app itself only', () => {
    expect(cspDirectives['default-src']).toBe("'none'");
    expect(cspDirectives['script-src']).toBe("'self'");
    expect(cspDirectives['style-src']).toBe("'self'");
    expect(cspDirectives['connect-src']).toBe("'self'");
    expect(cspDirectives['object-src']).toBe("'none'");
    expect(cspDirectives['frame-ancestors']).toBe("'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)|\*|http:|https:/);
  });

  it('is the same in renderer/index.html as in the protocol header', () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicyMeta);
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).not.toMatch(/\sstyle=/);
  });
});

describe('IPC sender validation', () => {
  it('trusts only our origin, the main frame and our channel prefix', () => {
    const ok = { frameUrl: 'app://obi/index.html', isMainFrame: true };
    expect(isTrustedSender(ok, 'obi:vault.status')).toBe(true);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, 'obi:vault.status')).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/' }, 'obi:vault.status')).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://other/index.html' }, 'obi:vault.status')).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'file:///app/index.html' }, 'obi:vault.status')).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: undefined }, 'obi:vault.status')).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'not a url' }, 'obi:vault.status')).toBe(false);
    expect(isTrustedSender(ok, 'vault.status')).toBe(false);
  });
});

describe('the app:// protocol', () => {
  it('maps URLs into the renderer folder and nothing outside it', () => {
    const dir = '/opt/obi/dist/renderer';
    expect(resolveRendererFile(dir, 'app://obi/')).toBe(`${dir}/index.html`);
    expect(resolveRendererFile(dir, 'app://obi/assets/index-1.js')).toBe(`${dir}/assets/index-1.js`);
    expect(resolveRendererFile(dir, 'app://obi/../../etc/passwd')).toBe(`${dir}/etc/passwd`);
    expect(resolveRendererFile(dir, 'app://obi/%2e%2e/%2e%2e/etc/passwd')).toBe(`${dir}/etc/passwd`);
    expect(resolveRendererFile(dir, 'app://obi/..%2f..%2f..%2fetc/passwd')).toBe(`${dir}/etc/passwd`);
    expect(resolveRendererFile(dir, 'app://obi/a%00b')).toBeNull();
    expect(resolveRendererFile(dir, 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile(dir, 'file:///etc/passwd')).toBeNull();
    expect(resolveRendererFile(dir, 'app://obi/%E0%A4%A')).toBeNull();
  });
});

describe('packaging configuration (electron-builder.yml)', () => {
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS or inspect, cookie encryption, asar integrity, asar only', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('writes packages outside the app files and packs only the built app', () => {
    const output = (config.directories as { output: string }).output;
    const files = config.files as string[];
    expect(output.startsWith('dist')).toBe(false);
    expect(files.some((f) => !f.startsWith('!') && output.startsWith(f.replace(/\/\*\*$/, '')))).toBe(false);
    expect(files).not.toContain('dist/web/**');
    expect(files).not.toContain('dist/cli/**');
    expect(files.some((f) => /^(electron|renderer|shared)\//.test(f))).toBe(false);
  });

  it('installs per machine on Windows (NSIS and MSI) and builds deb and AppImage for Linux', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: expect.stringMatching(/^[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}$/) as unknown });
    expect((config.win as { target: string[] }).target).toEqual(['nsis', 'msi']);
    expect((config.linux as { target: string[] }).target).toEqual(['deb', 'AppImage']);
    expect(config.appId).toBe('nl.overheid.obi-werkplek');
  });

  it('requires signed Windows builds and names the signer updates are checked against', () => {
    const win = config.win as { forceCodeSigning: boolean; verifyUpdateCodeSignature: boolean; signtoolOptions: { publisherName: string[] } };
    expect(win.forceCodeSigning).toBe(true);
    expect(win.verifyUpdateCodeSignature).toBe(true);
    expect(win.signtoolOptions.publisherName.length).toBeGreaterThan(0);
    expect(win.signtoolOptions.publisherName.every((n) => n.trim().length > 0)).toBe(true);
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^https:\/\//) as unknown }]);
  });

  it('has its icons in build/: a Windows ICO with a 256 px image and PNGs for Linux', () => {
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    for (const name of readdirSync(join(root, 'build', 'icons'))) {
      const png = readFileSync(join(root, 'build', 'icons', name));
      expect(png.subarray(0, 4).equals(pngSignature), name).toBe(true);
      const size = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([size, size]);
    }
  });
});

describe('Electron security checklist: the release', () => {
  it('pins a current Electron exactly, so every build ships the version that was reviewed', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron!;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
