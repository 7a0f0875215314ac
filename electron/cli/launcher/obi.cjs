#!/usr/bin/env node
// @ts-check
'use strict';
// Starts the built CLI. The SQLCipher module is a Node-API build for Node >= 22; under an older Node
// this re-runs the CLI with the Node 22 that `npm ci` installs (npm package `node`).
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli', 'obi.cjs');
if (!existsSync(cli)) {
  process.stderr.write('obi: not built yet; run `npm run build` first\n');
  process.exit(2);
}
if (Number(process.versions.node.split('.')[0]) >= 22) {
  require(cli);
} else {
  let node;
  try {
    node = require.resolve('node/bin/node', { paths: [root] });
  } catch {
    process.stderr.write(`obi: needs Node.js 22 or newer (this is ${process.version}); run \`npm ci\` first\n`);
    process.exit(2);
  }
  const run = spawnSync(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
