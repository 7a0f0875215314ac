// Electronegativity over the sources (part of `npm run lint`). Fails on any HIGH or MEDIUM finding
// that build/security/electronegativity-allowlist.json does not list with a reason, on an allowlist
// entry that no longer matches anything, and on a file the scanner could not parse (it would go
// unchecked). Offline: the scanner's two downloads (translations, the list of Electron releases)
// are replaced by a refusal, and the release check is left to dependency updates.
// The scanner's global checks (CSP, navigation limits, permission handler) look across files, so it
// sees one tree: a copy of electron/, renderer/, shared/ and package.json (the project root would
// also hold the built bundles in dist/).
//   node build/scripts/security-scan.mjs [ROOT]      (default: this project)
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [scannerDir] });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) };
const run = require('@doyensec/electronegativity');

const blocking = new Set(['HIGH', 'MEDIUM']);
const allowlistPath = resolve(root, 'build', 'security', 'electronegativity-allowlist.json');
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8'));
const source = resolve(process.argv[2] ?? root);
const electron = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).devDependencies.electron;
const tree = mkdtempSync(join(tmpdir(), 'obi-electronegativity-'));
for (const part of ['electron', 'renderer', 'shared', 'package.json']) {
  cpSync(join(source, part), join(tree, part), { recursive: true, filter: (p) => !p.includes('node_modules') });
}

const problems = [];
for (const entry of allowlist) {
  if (!entry.check || !entry.file || !entry.reason || entry.reason.trim().length < 20) {
    problems.push(`allowlist entry without a check, a file or a reason of some length: ${JSON.stringify(entry)}`);
  }
}

const log = console.log;
console.log = () => undefined; // the scanner reports its offline refusals on stdout
let result;
try {
  result = await run({
    input: tree,
    isRelative: false,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    electronVersionOverride: electron,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  console.log = log;
  rmSync(tree, { recursive: true, force: true });
}
for (const e of result.errors.filter((e) => !e.tolerable)) problems.push(`could not parse ${relative(tree, e.file)}: ${e.message}`);
const findings = result.issues.map((issue) => ({ ...issue, file: issue.file === 'N/A' ? 'N/A' : relative(tree, issue.file) }));

const used = new Set();
let shown = 0;
for (const f of findings) {
  const severity = f.severity.name.toUpperCase();
  if (!blocking.has(severity)) continue;
  const i = allowlist.findIndex((a) => a.check === f.id && a.file === f.file);
  const where = `${f.id} (${severity}) ${f.file}:${f.location.line}`;
  if (i >= 0) {
    used.add(i);
    log(`allowed  ${where} — ${allowlist[i].reason}`);
  } else {
    problems.push(`not allowed: ${where}: ${f.description ?? ''}`.trim());
  }
  shown++;
}
allowlist.forEach((a, i) => {
  if (!used.has(i)) problems.push(`allowlist entry matches no finding any more, remove it: ${a.check} ${a.file}`);
});

const lower = findings.length - shown;
if (problems.length > 0) {
  for (const p of problems) console.error(`electronegativity: ${p}`);
  process.exit(1);
}
log(`electronegativity: electron/, renderer/, shared/ — no HIGH or MEDIUM finding outside the allowlist (${shown} allowed, ${lower} below MEDIUM)`);
