// `npm run policy:templates`: regenerates everything IT gets from the policy schema — the ADMX/ADML
// pair and the Linux example under build/policy/ (through the built `obi policy templates`) and the
// table of keys in the README. Tests fail until the checked-in copies match the schema.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

execFileSync(process.execPath, ['dist/cli/obi.cjs', 'policy', 'templates', '--out', 'build/policy'], { stdio: 'inherit' });
const table = readFileSync('build/policy/policy-keys.md', 'utf8').trimEnd();
const readme = readFileSync('README.md', 'utf8');
const marked = /(<!-- policy-keys:start -->\n)[\s\S]*?(\n<!-- policy-keys:end -->)/;
if (!marked.test(readme)) throw new Error('README.md lacks the policy-keys markers');
writeFileSync(
  'README.md',
  readme.replace(marked, (_m, start, end) => `${start}${table}${end}`),
);
console.log('updated README.md (policy table)');
