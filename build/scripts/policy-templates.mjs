// `npm run policy:templates`: regenerates everything IT gets from the policy schema — the ADMX/ADML
// pair and the Linux example under build/policy/ (through the built `obi policy templates`) and the
// table of keys in docs/it/policy.md. Tests fail until the checked-in copies match the schema.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

execFileSync(process.execPath, ['dist/cli/obi.cjs', 'policy', 'templates', '--out', 'build/policy'], { stdio: 'inherit' });
const table = readFileSync('build/policy/policy-keys.md', 'utf8').trimEnd();
const page = 'docs/it/policy.md';
const doc = readFileSync(page, 'utf8');
const marked = /(<!-- policy-keys:start -->\n)[\s\S]*?(\n<!-- policy-keys:end -->)/;
if (!marked.test(doc)) throw new Error(`${page} lacks the policy-keys markers`);
writeFileSync(
  page,
  doc.replace(marked, (_m, start, end) => `${start}${table}${end}`),
);
console.log(`updated ${page} (policy table)`);
