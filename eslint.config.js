// Lint for every layer. The folder a file lives in says which process runs it (as VS Code's
// `common/`, `browser/`, `node/`, `electron-main/` do), and the layer rules below enforce it:
//   shared/                    pure TypeScript for every process: no Node, no Electron, no React, no other layer
//   renderer/                  the sandboxed page: no Node, no Electron, no native modules; reaches the core only via window.obi
//   electron/core/             plain Node core services: never `electron`, never an entry point
//   electron/cli/, electron/web/, electron/bench/   plain Node entry points: never `electron`
//   electron/web/browser-bridge/   runs in the browser page of browser mode: no Node, no Electron
//   electron/preload/          the bridge: `electron` and the shared contract only
//   electron/main/             the only place besides the preload that may import `electron`
import { readdirSync, readFileSync } from 'node:fs';
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
const noRemote = ban(['@electron/remote'], 'No remote module: the renderer reaches the core only through the contract.');
const noNative = ban(nativeModules, 'Native modules belong to the core (electron/core).');

/**
 * The vault's database is reached through stores only: each capability's `*-store.ts` modules own
 * its tables, and nothing else holds the database handle or writes SQL against it. The owners: the
 * vault itself, the stores, the benchmark of the storage engine, and the two test helpers that
 * inspect a database on purpose.
 */
const databaseOwners = [
  'electron/core/vault/**/*.ts',
  'electron/core/*/*-store.ts',
  'electron/bench/engine-bench.ts',
  'electron/test-support/vault-sql.ts',
  'electron/test-support/schema-dump.ts',
];
const storesOnly = "Only store modules (electron/core/<capability>/*-store.ts) reach the vault's database: read and write through a store.";
const noDatabaseImports = [
  banPath('(^|/)vault/vault$', storesOnly),
  banPath('(^|/)vault/(sqlcipher|sql-database)$', storesOnly),
  banPath('(^|/)vault/audit-log$', 'The audit log is written through vault.audit() and read through the open vault.'),
].map((pattern, i) =>
  i === 0
    ? { ...pattern, importNames: ['storeStatements'] }
    : i === 1
      ? { ...pattern, importNames: ['SqlDatabase', 'SqlStatement', 'openEncryptedDatabase', 'checkIntegrity'] }
      : { ...pattern, importNames: ['appendAudit', 'verifyAudit', 'recentAudit'] },
);
const noDatabaseSyntax = [
  { selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]', message: storesOnly },
  { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: storesOnly },
  { selector: "MemberExpression[property.name='db']", message: "The vault's database handle is private: use a store." },
];

/** The items of the Electron security checklist that the code itself could break. */
const electronChecklistSyntax = [
  { selector: "MemberExpression[property.name='openExternal']", message: 'The app opens nothing outside itself: no link goes to shell.openExternal.' },
  { selector: "Property[key.name='enableRemoteModule']", message: 'No remote module.' },
  { selector: "JSXAttribute[name.name='allowpopups']", message: 'No <webview> popups.' },
  { selector: 'Literal[value=/^file:\\/\\//]', message: 'The window loads app://obi/ only, never file:// content.' },
  { selector: 'TemplateElement[value.raw=/^file:\\/\\//]', message: 'The window loads app://obi/ only, never file:// content.' },
];
const appCode = ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'];

/**
 * A component reads a store through a selector (`useSession((s) => s.status)`, or several fields
 * with `useShallow`), so it renders again only when what it reads changes, not on every change of
 * the store. The stores are the `export const useX = create…` of renderer/src/stores/.
 */
const storesDir = `${import.meta.dirname}/renderer/src/stores`;
const storeHooks = readdirSync(storesDir)
  .filter((name) => name.endsWith('.ts') && !name.includes('.test.'))
  .flatMap((name) => [...readFileSync(`${storesDir}/${name}`, 'utf8').matchAll(/export const (use\w+) = create\b/g)].map((m) => m[1]));
const storeSelectorSyntax = [
  {
    selector: `CallExpression[callee.name=/^(${storeHooks.join('|')})$/][arguments.length=0]`,
    message: 'Read a store through a selector, not the whole store: useStore((s) => s.field), or useShallow for several fields.',
  },
];
const tests = ['**/*.test.ts', '**/*.test.tsx', 'electron/web/e2e/**'];

/**
 * A layer's import rule for `files`, once with the database rule for every file that is not an
 * owner, once without it for the owners (flat config takes the last rule that matches a file).
 */
function withDatabaseRule(files, ignores, names, patterns) {
  const owners = databaseOwners.filter((owner) => files.some((f) => owner.startsWith(f.replace(/\*\*\/\*\.ts$/, ''))));
  return [
    {
      files,
      ignores: [...ignores, ...databaseOwners],
      rules: {
        'no-restricted-imports': restrict([...names, ...noRemote, ...ban(nativeModules, storesOnly)], [...patterns, ...noDatabaseImports]),
      },
    },
    ...(owners.length > 0 ? [{ files: owners, ignores, rules: { 'no-restricted-imports': restrict([...names, ...noRemote], patterns) } }] : []),
  ];
}

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
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...noNode, ...noElectron, ...noRemote, ...noNative, ...ban(['react', 'react-dom'], 'shared/ stands on nothing of the UI.')],
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
        [...noNode, ...noElectron, ...noRemote, ...noNative],
        [banPath('(^|/)electron(/|$)', 'The renderer reaches the core only through window.obi (api/client.ts).')],
      ),
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    ...i18next.configs['flat/recommended'],
  },
  ...withDatabaseRule(
    ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts', 'electron/bench/**/*.ts'],
    ['electron/web/browser-bridge/**'],
    [...noElectron],
    [
      banPath('(^|/)renderer(/|$)', 'Node code does not import the UI.'),
      banPath('(^|/)(main|preload)/', 'Plain Node code does not depend on the Electron entry points.'),
    ],
  ),
  ...withDatabaseRule(
    ['electron/core/**/*.ts'],
    ['electron/**/*.test.ts'],
    [...noElectron],
    [
      banPath('(^|/)renderer(/|$)', 'The core does not import the UI.'),
      banPath('(^|/)(main|preload|cli|web|bench)/', 'The core does not depend on its entry points.'),
    ],
  ),
  ...withDatabaseRule(['electron/test-support/**/*.ts', 'electron/tooling/**/*.ts'], [], [], []),
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
        [...noNode, ...noElectron, ...noRemote, ...noNative],
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
  ...withDatabaseRule(['electron/main/**/*.ts'], [], [], [banPath('(^|/)renderer(/|$)', 'Main does not import the UI.')]),
  // Code the app runs is held to the Electron checklist and to the stores; tests may name what the
  // code never does, and the database owners may reach the database.
  { files: [...appCode, ...tests], rules: { 'no-restricted-syntax': ['error', ...electronChecklistSyntax, ...noDatabaseSyntax] } },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: tests,
    rules: { 'no-restricted-syntax': ['error', ...electronChecklistSyntax, ...noDatabaseSyntax, ...storeSelectorSyntax] },
  },
  { files: tests, rules: { 'no-restricted-syntax': ['error', ...noDatabaseSyntax] } },
  { files: databaseOwners, ignores: tests, rules: { 'no-restricted-syntax': ['error', ...electronChecklistSyntax] } },
  {
    files: databaseOwners.filter((f) => f.startsWith('electron/core/vault/')).map((f) => f.replace(/\.ts$/, '.test.ts')),
    rules: { 'no-restricted-syntax': 'off' },
  },
);
