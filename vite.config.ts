import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer only; the Node and Electron entry points are built by esbuild (build/scripts/build.mjs). */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Nothing inline: the CSP allows scripts and styles from files of the app only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
  },
  // The redaction check runs in a module worker; ES output lets it share chunks with the app.
  worker: { format: 'es' },
});
