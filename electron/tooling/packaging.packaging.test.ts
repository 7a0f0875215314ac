import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The offline packaging check: electron-builder packs the real configuration and the built app
 * (`--linux dir`, no installer) against a stand-in Electron distribution — a file that carries the
 * fuse sentinel and a fuse wire, nothing else — so it needs neither the Electron download nor the
 * network (every mirror and proxy points at a closed local port). It proves what goes into the
 * asar and that electron-builder flips every fuse; what only a real build machine proves is listed
 * in docs/it/packaging.md.
 */
const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  linux: { executableName: string };
};
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseIndex = (name: string) => FuseV1Options[(name[0]!.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options];
const closedPort = 'http://127.0.0.1:9';

let work: string;
let appDir: string;
let asarPath: string;
let build: ReturnType<typeof spawnSync>;

/** A stand-in for Electron's binary whose every fuse starts opposite to the configuration, so each must be flipped. */
function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.alloc(Object.keys(config.electronFuses).length, 0x30);
  for (const [name, on] of Object.entries(config.electronFuses)) wire[fuseIndex(name)] = on ? 0x30 : 0x31;
  const binary = Buffer.concat([Buffer.from('\x7fELF stand-in for the Electron binary\n'), Buffer.from(sentinel), Buffer.from([1, wire.length]), wire]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), '45.5.0');
}

beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'main', 'main.cjs')), 'run `npm run build` first').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'obi-packaging-'));
  standInElectron(join(work, 'electron-dist'));
  build = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-builder'),
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      '--projectDir',
      root,
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.directories.output=${join(work, 'out')}`,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_MIRROR: `${closedPort}/`,
        ELECTRON_BUILDER_BINARIES_MIRROR: `${closedPort}/`,
        HTTP_PROXY: closedPort,
        HTTPS_PROXY: closedPort,
        http_proxy: closedPort,
        https_proxy: closedPort,
        NO_PROXY: '',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
      timeout: 120_000,
    },
  );
  appDir = join(work, 'out', 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
}, 150_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

let extracted: string | undefined;

/**
 * The packaged app as Electron sees it (asar plus the unpacked native files), with a recording
 * stand-in for the `electron` module that reports itself unpackaged, as a renamed copy would.
 */
function extractedApp(): string {
  if (extracted) return extracted;
  const dir = join(work, 'extracted');
  extractAll(asarPath, dir);
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules', 'electron', 'index.js'),
    `const say = (line) => process.stdout.write(line + '\\n');
     const anything = new Proxy(function () {}, { get: (_t, k) => (k === 'then' ? undefined : anything), apply: () => anything });
     const app = new Proxy({}, { get: (_t, k) => {
       if (k === 'isPackaged') return false;
       if (k === 'exit') return (code) => { say('exit ' + code); process.exit(code); };
       if (k === 'requestSingleInstanceLock') return () => { say('single-instance lock asked'); return false; };
       if (k === 'whenReady') return () => new Promise(() => {});
       return anything;
     } });
     module.exports = new Proxy({ app, dialog: { showErrorBox: (_title, text) => say('dialog: ' + text) } }, { get: (t, k) => (k in t ? t[k] : anything) });`,
  );
  extracted = dir;
  return dir;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('the packaged app (electron-builder --dir against a stand-in Electron, offline)', () => {
  it('is built by electron-builder from the real configuration', () => {
    expect(build.status, `${String(build.stdout)}\n${String(build.stderr)}`).toBe(0);
    expect(existsSync(asarPath)).toBe(true);
    expect(existsSync(join(appDir, config.linux.executableName))).toBe(true);
  });

  it('holds only the built app and the native module: no sources, tests, maps or dev dependencies', () => {
    const entries = listPackage(asarPath, { isPack: false }).map((p) => p.replace(/\\/g, '/'));
    const files = entries.filter((p) => /\.[a-z0-9]+$/i.test(p.split('/').pop() ?? ''));
    const allowed = [
      /^\/package\.json$/,
      /^\/dist\/main\/main\.cjs$/,
      /^\/dist\/preload\/preload\.cjs$/,
      /^\/dist\/renderer\/(index\.html|[\w.-]+\.css|assets\/[\w.-]+\.(js|css|woff2?|svg|png))$/,
      /^\/node_modules\/better-sqlite3-multiple-ciphers\/(package\.json|LICENSE|lib\/[\w/.-]+\.js|prebuilds\/linux-x64\.node)$/,
      /^\/node_modules\/@node-rs\/argon2\/(package\.json|LICENSE|index\.js|browser\.js)$/,
      /^\/node_modules\/@node-rs\/argon2-linux-x64-gnu\/(package\.json|LICENSE|argon2\.linux-x64-gnu\.node)$/,
    ];
    const unexpected = files.filter((f) => !allowed.some((rx) => rx.test(f)));
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /\.map$|\.test\.|\.tsx?$|\/(src|e2e|test)\//.test(f))).toEqual([]);
    // A scope folder (`@node-rs`) alone is no package.
    const packages = new Set(entries.map((p) => /^\/node_modules\/((?:@[^/]+\/)?[^/@]+)/.exec(p)?.[1]).filter(Boolean));
    expect([...packages].sort()).toEqual(['@node-rs/argon2', '@node-rs/argon2-linux-x64-gnu', 'better-sqlite3-multiple-ciphers']);
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg).not.toHaveProperty('scripts');
    expect(pkg.main).toBe('dist/main/main.cjs');
    expect(extractFile(asarPath, 'dist/main/main.cjs').equals(readFileSync(join(root, 'dist', 'main', 'main.cjs')))).toBe(true);
  });

  it('unpacks the native modules (SQLCipher, Argon2) beside the asar, where Electron can load them', () => {
    const unpacked = filesBelow(join(appDir, 'resources', 'app.asar.unpacked'));
    expect(unpacked.filter((f) => f.endsWith('.node')).sort()).toEqual([
      join('node_modules', '@node-rs', 'argon2-linux-x64-gnu', 'argon2.linux-x64-gnu.node'),
      join('node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', 'linux-x64.node'),
    ]);
    expect(unpacked.filter((f) => !/^node_modules\/(better-sqlite3-multiple-ciphers|@node-rs\/argon2-linux-x64-gnu)\//.test(f))).toEqual([]);
  });

  it('loads both native modules from the packaged layout and derives a key with Argon2id', () => {
    const app = extractedApp();
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `const a = require(${JSON.stringify(join(app, 'node_modules', '@node-rs', 'argon2'))});
         const Db = require(${JSON.stringify(join(app, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
         const key = a.hashRawSync('x', { salt: Buffer.alloc(16), memoryCost: 1024, timeCost: 1, parallelism: 1, outputLen: 32, algorithm: 2 });
         const db = new Db(':memory:');
         console.log(key.length, db.pragma("cipher = 'sqlcipher'", { simple: true }));`,
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    expect(probe.stdout.trim()).toBe('32 sqlcipher');
  });

  it('ships a release main bundle: it refuses debugging switches even when the executable is renamed', () => {
    const app = extractedApp();
    const main = join(app, 'dist', 'main', 'main.cjs');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, OBI_VAULT: join(work, 'elsewhere') } });
    const refused = run('--remote-debugging-port=9222');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe(
      'dialog: OBI Werkplek does not start with --remote-debugging-port: debugging switches would let another program read the vault. Start it without them.\nexit 1\n',
    );
    const plain = run();
    expect(plain.stdout).toBe('single-instance lock asked\n');
    expect(plain.status).toBe(0);
  });

  it('flips every fuse electron-builder.yml sets (read back with @electron/fuses)', async () => {
    const wire = await getCurrentFuseWire(join(appDir, config.linux.executableName));
    for (const [name, on] of Object.entries(config.electronFuses)) {
      expect(wire[fuseIndex(name) as keyof typeof wire], name).toBe(on ? 0x31 : 0x30);
    }
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true });
  });

  it('writes the updater configuration (generic provider; the feed itself comes from policy)', () => {
    const updateConfig = parse(readFileSync(join(appDir, 'resources', 'app-update.yml'), 'utf8')) as Record<string, unknown>;
    expect(updateConfig).toMatchObject({ provider: 'generic' });
  });
});
