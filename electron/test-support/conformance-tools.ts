import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from './stix-conformance';

/**
 * The checkers in ../shared/tools beside the checkout (never copied into the project), run on what
 * the code builds: the official OASIS STIX validator, which holds bundles to the spec's MUST and
 * SHOULD rules as MISP, OpenCTI and other consumers do; the per-object check against the official
 * STIX schemas; and MISP's event checker. They need Python 3 with jsonschema >= 4.20 and
 * referencing (.ci/run makes sure of them).
 */

const python = 'python3';
const needs = 'needs python3 with jsonschema >= 4.20 and referencing';

/** Writes each document to a file of its own in a fresh folder, runs `use` on the files, removes them. */
function withFiles<T>(documents: Readonly<Record<string, unknown>>, use: (files: string[], names: string[]) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'obi-conformance-'));
  try {
    const names = Object.keys(documents);
    const files = names.map((name, i) => {
      const file = join(dir, `document-${i}.json`);
      writeFileSync(file, JSON.stringify(documents[name]));
      return file;
    });
    return use(files, names);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const done = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (done.error) throw new Error(`cannot run ${command} (${needs}): ${done.error.message}`);
  return { status: done.status, output: `${done.stdout}\n${done.stderr}` };
}

export interface OasisVerdict {
  /** The validator's verdict: `STIX JSON: Valid`. */
  valid: boolean;
  /** The check codes of its errors and warnings, one per finding (`{103}`, `{401}`, …). */
  codes: string[];
  /** Its findings, as it prints them. */
  findings: string[];
}

/** Runs the OASIS validator once on several bundles; the verdict per name. */
export function oasisValidate(bundles: Readonly<Record<string, unknown>>): Record<string, OasisVerdict> {
  return withFiles(bundles, (files, names) => {
    const { output } = run('bash', [join(sharedDir, 'tools', 'oasis_stix.sh'), ...files]);
    const verdicts: Record<string, OasisVerdict> = {};
    for (const section of output.split(/^\[-\] Results for: /m).slice(1)) {
      const name = names[files.indexOf(section.slice(0, section.indexOf('\n')).trim())];
      if (name === undefined) continue;
      const findings = section
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('[!]') || (line.startsWith('[X]') && !line.includes('STIX JSON:')));
      verdicts[name] = { valid: /^\[\+\] STIX JSON: Valid$/m.test(section), codes: findings.flatMap((f) => f.match(/\{\d+\}/g) ?? []), findings };
    }
    const missing = names.filter((name) => !verdicts[name]);
    if (missing.length > 0) throw new Error(`the OASIS validator gave no verdict on ${missing.join(', ')} (${needs}): ${output.slice(-500)}`);
    return verdicts;
  });
}

/** The codes of a verdict other than `{103}` (an id that is not a random UUIDv4, which ours are on purpose). */
export const beyondDerivedIds = (verdict: OasisVerdict): string[] => verdict.codes.filter((code) => code !== '{103}');

/** ../shared/tools/stix_validate.py on several bundles: per name, its closing line without the file (`valid: N objects, 0 errors`) and its findings. */
export function stixValidateScript(bundles: Readonly<Record<string, unknown>>): Record<string, { verdict: string; findings: string[] }> {
  return withFiles(bundles, (files, names) => {
    const { output } = run(python, [join(sharedDir, 'tools', 'stix_validate.py'), ...files]);
    const lines = output.split('\n');
    return Object.fromEntries(
      names.map((name, i) => {
        const own = lines.filter((line) => line.startsWith(`${files[i]}: `)).map((line) => line.slice(files[i]!.length + 2));
        const verdict = own.find((line) => /^(valid|INVALID): /.test(line));
        if (verdict === undefined) throw new Error(`stix_validate.py gave no verdict on ${name} (${needs}): ${output.slice(-500)}`);
        return [name, { verdict, findings: own.filter((line) => line !== verdict) }];
      }),
    );
  });
}

/** ../shared/tools/misp_event_check.py on one event, with templates from `templateDirs`: its exit status and output. */
export function mispEventCheck(event: unknown, templateDirs: readonly string[]): { status: number | null; output: string } {
  return withFiles({ event }, ([file]) =>
    run(python, [join(sharedDir, 'tools', 'misp_event_check.py'), file!, ...templateDirs.flatMap((dir) => ['--templates', dir])]),
  );
}
