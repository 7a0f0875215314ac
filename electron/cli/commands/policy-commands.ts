import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { parsePolicy, type PolicyParse } from '../../../shared/policy/policy-schema';
import { policyTemplateFiles } from '../../../shared/policy/policy-templates';
import { AppError } from '../../core/app-error';
import { fileLimits } from '../../core/platform/file-limits';
import { loadPolicy, policyLoadOptions, readPolicyBytes, readPolicyFile, type EffectivePolicy } from '../../core/policy/load-policy';
import { parseRegQuery, registryCandidate } from '../../core/policy/registry-policy';
import type { CliIo } from '../cli-io';

/** The effective policy the CLI sees: the machine's where one is installed, else `OBI_POLICY` (the CLI is a development build). */
export function cliPolicy(io: CliIo): EffectivePolicy {
  const base = policyLoadOptions({ devBuild: true, platform: process.platform, env: io.env });
  return loadPolicy({ ...base, ...io.policySources });
}

function usedPolicyLine(effective: EffectivePolicy): string {
  if (effective.used === 'machine') return effective.ignoredDevFile ? 'machine (OBI_POLICY is ignored: this machine has a machine policy)' : 'machine';
  if (effective.used === 'development') {
    const file = effective.sources.find((s) => s.kind === 'dev-file')?.location ?? '';
    return `development file ${file} (no machine policy is installed)`;
  }
  return 'none';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A policy file as saved from `reg query`: the same reader the app uses on Windows. */
function readRegExport(path: string): PolicyParse {
  const read = readPolicyBytes(path, fileLimits.registryExport);
  if (!read.ok) return { ok: false, problems: [read.problem], warnings: [] };
  const bytes = read.bytes;
  // reg.exe redirected with `>` in PowerShell writes UTF-16; cmd.exe writes the OEM code page.
  // Non-ASCII characters are kept as a non-ASCII byte so the reader refuses them as it does on Windows.
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? Buffer.from(
          bytes
            .subarray(2)
            .toString('utf16le')
            .replace(/[^ -~\t\r\n]/g, '\x80'),
          'latin1',
        )
      : bytes;
  const parsed = parseRegQuery(text);
  const candidate = registryCandidate(parsed.values);
  const result = parsePolicy(candidate.values);
  const readProblems = [...parsed.problems, ...candidate.problems];
  if (readProblems.length === 0) return result;
  return { ok: false, problems: [...readProblems, ...(result.ok ? [] : result.problems)], warnings: result.warnings };
}

export function addPolicyCommands(program: Command, io: CliIo): void {
  const policy = program.command('policy').description('machine policy: show the effective policy, check a candidate, write the templates');

  policy
    .command('show')
    .description('print which policy is used (the machine one, else OBI_POLICY) and each value with its source')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const effective = cliPolicy(io);
      if (opts.json) {
        const { used, ignoredDevFile, sources, entries, problems, warnings } = effective;
        io.out(JSON.stringify({ valid: effective.ok, used, ignoredDevFile, sources, entries, problems, warnings }, null, 2));
      } else {
        io.out(`policy: ${usedPolicyLine(effective)}`);
        for (const s of effective.sources) io.out(`source: ${s.kind} ${s.location}${s.present ? '' : ' (not present)'}`);
        const width = Math.max(...effective.entries.map((e) => e.key.length));
        for (const e of effective.entries) io.out(`${e.key.padEnd(width)}  ${JSON.stringify(e.value)}  (${e.origin})`);
        for (const w of effective.warnings) io.out(`warning: ${w.key}: ${w.message}${w.source ? ` (${w.source})` : ''}`);
        for (const p of effective.problems) io.out(`problem: ${p.key}: ${p.message}${p.source ? ` (${p.source})` : ''}`);
      }
      if (!effective.ok) {
        throw new AppError('policy_invalid', `The policy is not valid (${plural(effective.problems.length, 'problem')}); the app starts read-only.`);
      }
    });

  policy
    .command('check')
    .description('validate a candidate policy file and list every problem with its key (exit 2 when invalid)')
    .argument('<file>', 'a JSON policy file (as for /etc/obi-werkplek/policy.json), or with --reg a saved `reg query` output')
    .option('--reg', 'FILE is the output of `reg query HKLM\\Software\\Policies\\OBI\\Werkplek`')
    .action((file: string, opts: { reg?: boolean }) => {
      const result = opts.reg ? readRegExport(file) : readPolicyFile(file);
      for (const w of result.warnings) io.out(`warning: ${w.key}: ${w.message}`);
      if (!result.ok) {
        for (const p of result.problems) io.out(`${p.key}: ${p.message}`);
        throw new AppError('policy_invalid', `The policy is not valid (${plural(result.problems.length, 'problem')}).`);
      }
      io.out('ok: the policy is valid');
    });

  policy
    .command('templates')
    .description('write the Group Policy templates (ADMX/ADML) and the Linux example for this version')
    .requiredOption('--out <dir>', 'folder to write into (build/policy in the source tree)')
    .action((opts: { out: string }) => {
      for (const [path, text] of Object.entries(policyTemplateFiles())) {
        const target = join(opts.out, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
        io.out(`wrote ${target}`);
      }
    });
}
