import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts'],
          exclude: ['**/*.e2e.test.ts', '**/*.packaging.test.ts', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // The offline packaging check: electron-builder against a stand-in Electron (needs `npm run build`).
        test: {
          name: 'packaging',
          include: ['electron/tooling/*.packaging.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 150_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['electron/web/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A loaded machine builds the redaction lexicons and runs detectors well beyond a second;
          // polled UI expectations wait as long as Playwright's own locators do.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
