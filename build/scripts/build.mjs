// Builds everything into dist/: the renderer with Vite, the Node and Electron entry points with
// esbuild. The native modules (SQLCipher, Argon2) stay outside the bundles and are loaded from
// node_modules.
//
// The Electron main bundle is a release build unless `--dev` is given (`npm start` does): the
// constant __OBI_DEV_BUILD__ is baked in, so an installed app never honours OBI_VAULT, OBI_POLICY,
// OBI_LOG_DIR or OBI_TEST_*, never offers developer tools and refuses debugging switches, however
// its executable is named. `npm run package` builds without `--dev`.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const devBuild = process.argv.includes('--dev');

rmSync('dist', { recursive: true, force: true });

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2'],
  // Vega's Node entry awaits the optional `canvas` package at top level, which a CommonJS bundle
  // cannot hold; the report's charts are SVG and need no canvas, so the canvas-free entry is used.
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
};

await Promise.all([
  esbuild({ ...node, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs', define: { __OBI_DEV_BUILD__: String(devBuild) } }),
  // Sandboxed preloads cannot require modules: everything but `electron` is bundled in.
  esbuild({ ...node, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', target: 'chrome130' }),
  esbuild({ ...node, entryPoints: ['electron/cli/obi.ts'], outfile: 'dist/cli/obi.cjs' }),
  esbuild({ ...node, entryPoints: ['electron/web/serve.ts'], outfile: 'dist/web/server.cjs' }),
  esbuild({ ...node, entryPoints: ['electron/bench/bench.ts'], outfile: 'dist/bench/bench.cjs' }),
  esbuild({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
    entryPoints: ['electron/web/browser-bridge/web-bridge.ts'],
    outfile: 'dist/web/web-bridge.js',
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  }),
]);
console.log(`built dist/ (renderer, main${devBuild ? ' for development' : ''}, preload, cli, web, bench)`);
