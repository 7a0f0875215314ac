// The order of the core's capabilities, and no cycles anywhere (part of `npm run lint`). A
// capability may import from its own level or a lower one, never a higher one; shared/ stands below
// everything and imports nothing of ours (eslint.config.js holds the process layers: Node, Electron,
// the renderer). Tests and test helpers may reach across levels to set up what they check.
//   npx depcruise electron shared renderer --config .dependency-cruiser.cjs

const core = 'electron/core/';

/** Lowest first. A top-level file of the core is named with its extension, a folder with a slash. */
const levels = [
  { name: 'ground', parts: ['platform/', 'crypto/', 'logging/', 'transport/', 'app-shell/', 'app-error.ts', 'app-version.ts'] },
  { name: 'vault', parts: ['vault/', 'session/'] },
  { name: 'policy and taxonomy', parts: ['policy/', 'taxonomy/', 'updates/', 'diagnostics/'] },
  { name: 'capture', parts: ['capture/'] },
  { name: 'exchange', parts: ['exchange/', 'central/'] },
  { name: 'rpc', parts: ['rpc/'] },
  { name: 'app core', parts: ['app-core.ts', 'wiring.ts', 'run-mode.ts'] },
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const pathOf = (parts) => `^${escape(core)}(${parts.map(escape).join('|')})`;
const notTests = ['\\.test\\.ts$', '^electron/test-support/'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time.',
      from: { path: '^(electron|shared|renderer)/' },
      to: { circular: true },
    },
    ...levels.slice(0, -1).map((level, i) => ({
      name: `no-upward-import-from-${level.name.replace(/ /g, '-')}`,
      severity: 'error',
      comment: `The ${level.name} level may import only from its own level or below (${levels
        .slice(0, i + 1)
        .map((l) => l.name)
        .join(', ')}).`,
      from: { path: pathOf(level.parts), pathNot: notTests },
      to: { path: pathOf(levels.slice(i + 1).flatMap((l) => l.parts)) },
    })),
    {
      name: 'core-level-named',
      severity: 'error',
      comment: 'Every part of the core has its place in the order of capabilities: add a new folder to `levels`.',
      from: { path: `^${escape(core)}`, pathNot: [pathOf(levels.flatMap((l) => l.parts)), ...notTests] },
      to: {},
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared/ is the ground every process stands on: it imports nothing of ours.',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
