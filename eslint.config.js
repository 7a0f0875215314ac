// Lint for every layer. The folder a file lives in says which process runs it (as VS Code's
// `common/`, `browser/`, `node/`, `electron-main/` do), and the layer rules below enforce it:
//   shared/                    pure TypeScript for every process: no Node, no Electron, no React, no other layer
//   renderer/                  the sandboxed page: no Node, no Electron, no native modules; reaches the core only via window.obi
//   electron/core/             plain Node core services: never `electron`, never an entry point
//   electron/cli/, electron/web/, electron/bench/   plain Node entry points: never `electron`
//   electron/web/browser-bridge/   runs in the browser page of browser mode: no Node, no Electron
//   electron/preload/          the bridge: `electron` and the shared contract only
//   electron/main/             the only place besides the preload that may import `electron`
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nativeModules = ['better-sqlite3-multiple-ciphers', 'better-sqlite3'];

/** A `no-restricted-imports` rule from named bans and path patterns, each with its reason. */
const restrict = (names, patterns) => ['error', { paths: names, patterns }];
const ban = (list, message) => list.map((name) => ({ name, message }));
const banPath = (regex, message) => ({ regex, message });

const noNode = ban(nodeBuiltins, 'This layer runs without Node: reach the core through the contract.');
const noElectron = ban(['electron'], 'Only electron/main and electron/preload may import electron.');
const noNative = ban(nativeModules, 'Native modules belong to the core (electron/core).');

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.obi-dev/**', 'electron/cli/launcher/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.js', 'build/scripts/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      // Dropping fields with a rest pattern (`{ secret, ...rest }`) is how we strip data.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...noNode, ...noElectron, ...noNative, ...ban(['react', 'react-dom'], 'shared/ stands on nothing of the UI.')],
        [banPath('(^|/)(renderer|electron)(/|$)', 'shared/ may not import another layer of the app.')],
      ),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [...noNode, ...noElectron, ...noNative],
        [banPath('(^|/)electron(/|$)', 'The renderer reaches the core only through window.obi (api/client.ts).')],
      ),
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    ...i18next.configs['flat/recommended'],
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts', 'electron/bench/**/*.ts'],
    ignores: ['electron/web/browser-bridge/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...noElectron],
        [
          banPath('(^|/)renderer(/|$)', 'Node code does not import the UI.'),
          banPath('(^|/)(main|preload)/', 'Plain Node code does not depend on the Electron entry points.'),
        ],
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...noElectron],
        [
          banPath('(^|/)renderer(/|$)', 'The core does not import the UI.'),
          banPath('(^|/)(main|preload|cli|web|bench)/', 'The core does not depend on its entry points.'),
        ],
      ),
    },
  },
  {
    // Shares and servers may be slow or hang: transports use asynchronous I/O only, never the
    // synchronous node:fs calls that would stop the main process's event loop (and the idle lock).
    files: ['electron/core/transport/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...noElectron, ...['fs', 'node:fs'].map((name) => ({ name, allowTypeImports: true, message: 'Transports use node:fs/promises only.' }))],
        [
          banPath('(^|/)renderer(/|$)', 'The core does not import the UI.'),
          banPath('(^|/)(main|preload|cli|web|bench)/', 'The core does not depend on its entry points.'),
        ],
      ),
    },
  },
  {
    files: ['electron/web/browser-bridge/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrict(
        [...noNode, ...noElectron, ...noNative],
        [banPath('(^|/)(core|main|preload|renderer)(/|$)', 'The browser bridge knows only the shared contract.')],
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...noNode, ...noNative],
        [banPath('^(?!electron$|\\.\\./\\.\\./shared/contract/)', 'The preload imports only electron and the shared contract.')],
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], [banPath('(^|/)renderer(/|$)', 'Main does not import the UI.')]),
    },
  },
);
