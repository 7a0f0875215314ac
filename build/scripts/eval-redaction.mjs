// `npm run eval:redaction`: bundles the evaluation (TypeScript) with esbuild and runs it under the
// project's Node, passing the arguments on (--write, --mistakes).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'obi-eval-'));
try {
  const outfile = join(dir, 'redaction-eval.mjs');
  await build({
    entryPoints: ['electron/tooling/redaction-eval.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    // import.meta.dirname of the corpus module must be its folder in the source tree.
    define: { 'import.meta.dirname': JSON.stringify(join(process.cwd(), 'electron/tooling/redaction-corpus')) },
  });
  const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
