// Builds everything into dist/: the renderer with Vite, the Node and Electron entry points with
// esbuild. The native SQLCipher module stays outside the bundles and is loaded from node_modules.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
};

await Promise.all([
  esbuild({ ...node, entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' }),
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
console.log('built dist/ (renderer, main, preload, cli, web, bench)');
