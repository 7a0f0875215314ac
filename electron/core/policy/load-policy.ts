import { existsSync, statSync } from 'node:fs';
import {
  parsePolicy,
  policyKeyNames,
  policyKeySpec,
  type Policy,
  type PolicyKeyName,
  type PolicyParse,
  type PolicyProblem,
} from '../../../shared/policy/policy-schema';
import { linuxPolicyPath } from '../../../shared/policy/policy-templates';
import { fileLimits } from '../platform/file-limits';
import { FileRefused, readBoundedFileSync } from '../platform/read-bounded';
import { absentSource, type PolicyOrigin, type PolicySourceKind, type PolicySourceRead } from './policy-sources';
import { readRegistrySource, type RegQueryRunner } from './registry-policy';

type JsonRead = { ok: true; raw: unknown } | { ok: false; problem: PolicyProblem };

/**
 * The bytes of a policy file as a problem-or-value: a file that is not a regular file within the
 * limit (a pipe, a device, a folder, too large) is a problem of its source, named by what it is.
 */
export function readPolicyBytes(path: string, what = fileLimits.policyFile): { ok: true; bytes: Buffer } | { ok: false; problem: PolicyProblem } {
  try {
    return { ok: true, bytes: readBoundedFileSync(path, what) };
  } catch (e) {
    return { ok: false, problem: { key: '(file)', message: e instanceof FileRefused ? e.why : 'cannot be read' } };
  }
}

function readJson(path: string): JsonRead {
  const read = readPolicyBytes(path);
  if (!read.ok) return read;
  const text = read.bytes.toString('utf8');
  try {
    return { ok: true, raw: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: { key: '(file)', message: 'is not valid JSON' } };
  }
}

/** Reads and checks a candidate policy file (`obi policy check`); a bad file is a problem, not a crash. */
export function readPolicyFile(path: string): PolicyParse {
  const read = readJson(path);
  return read.ok ? parsePolicy(read.raw) : { ok: false, problems: [read.problem], warnings: [] };
}

function fileSource(kind: PolicySourceKind, path: string, extraProblems: PolicyProblem[] = []): PolicySourceRead {
  const read = readJson(path);
  const problems = [...extraProblems];
  let values: Record<string, unknown> = {};
  if (!read.ok) problems.push(read.problem);
  else if (typeof read.raw !== 'object' || read.raw === null || Array.isArray(read.raw)) problems.push({ key: '(file)', message: 'must hold a JSON object' });
  else values = read.raw as Record<string, unknown>;
  return { kind, location: path, present: true, values, problems };
}

/**
 * /etc/obi-werkplek/policy.json counts only when the user cannot have written it: owned by root
 * and writable by nobody else, as sudo and sshd demand of their files.
 */
function machineFileSource(path: string, ownerUid: number): PolicySourceRead {
  if (!existsSync(path)) return absentSource('machine-file', path);
  const st = statSync(path);
  const problems: PolicyProblem[] = [];
  // What is not a regular file is named by the read itself ("is a pipe"), like any policy file.
  if (!st.isFile()) return fileSource('machine-file', path);
  if (st.uid !== ownerUid) problems.push({ key: '(file)', message: 'must be owned by root' });
  if ((st.mode & 0o022) !== 0) problems.push({ key: '(file)', message: 'must not be writable by group or others (chmod 644)' });
  return fileSource('machine-file', path, problems);
}

export interface PolicyLoadOptions {
  platform: NodeJS.Platform;
  /** The development file; only development builds pass one (see `policyLoadOptions`). */
  devFile?: string;
  /** Tests replace the machine locations; the app never does. */
  machineFile?: string;
  machineFileOwnerUid?: number;
  readRegistry?: RegQueryRunner;
}

/**
 * Which sources this run may use. The development file (`OBI_POLICY`, else the example the entry
 * point names) counts only in development builds — the CLI, the browser harness, and an Electron
 * main bundle built for development (see run-mode.ts) — so a user cannot bring their own policy
 * to an installed app.
 */
export function policyLoadOptions(input: {
  devBuild: boolean;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  devDefaultFile?: string;
}): PolicyLoadOptions {
  const devFile = input.devBuild ? input.env.OBI_POLICY || input.devDefaultFile : undefined;
  return { platform: input.platform, ...(devFile ? { devFile } : {}) };
}

export interface PolicyEntry {
  key: PolicyKeyName;
  value: unknown;
  origin: PolicyOrigin;
}

/** A problem or warning with the source that holds the value at fault (none for a missing key). */
export interface SourcedProblem extends PolicyProblem {
  source: PolicySourceKind | null;
}

interface EffectiveBase {
  /** Every key whose value is valid, with where it came from, in schema order. */
  entries: PolicyEntry[];
  warnings: SourcedProblem[];
  sources: Array<Pick<PolicySourceRead, 'kind' | 'location' | 'present'>>;
  /** Which policy this run uses: the machine's when one is installed, else the development file. */
  used: 'machine' | 'development' | 'none';
  /** The development file this run was given and did not read, because the machine has a policy. */
  ignoredDevFile: string | null;
}

/**
 * The policy this run works with. Invalid (`ok: false`) puts the app in its read-only state: it
 * says which key is wrong and neither changes the vault nor exports anything (read-only.ts).
 */
export type EffectivePolicy =
  (EffectiveBase & { ok: true; policy: Policy; problems: [] }) | (EffectiveBase & { ok: false; policy: null; problems: SourcedProblem[] });

/**
 * Combines the sources, strongest first: each key takes its value from the first source that sets
 * it. A source that cannot be read makes the whole policy invalid rather than letting a weaker one
 * stand in.
 */
export function resolvePolicy(sources: PolicySourceRead[], ignoredDevFile: string | null = null): EffectivePolicy {
  // Without a prototype, a key named "__proto__" is a key like any other (and so warned about)
  // instead of replacing the prototype of the merged values.
  const merged: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const origin = new Map<string, PolicySourceKind>();
  for (const source of sources) {
    for (const [key, value] of Object.entries(source.values)) {
      if (origin.has(key) || value === undefined) continue;
      merged[key] = value;
      origin.set(key, source.kind);
    }
  }
  const problems: SourcedProblem[] = sources.flatMap((s) => s.problems.map((p) => ({ ...p, source: s.kind })));
  if (!sources.some((s) => s.present)) {
    const where = sources.map((s) => s.location).join(', ') || 'no location for this platform';
    problems.push({ key: '(policy)', message: `no policy found (looked in: ${where})`, source: null });
  }
  const parsed = parsePolicy(merged);
  const sourced = (p: PolicyProblem): SourcedProblem => ({ ...p, source: origin.get(p.key) ?? null });
  if (!parsed.ok) problems.push(...parsed.problems.map(sourced));

  const entries: PolicyEntry[] = [];
  for (const key of policyKeyNames) {
    const spec = policyKeySpec(key);
    const from = origin.get(key);
    if (!from) {
      if (spec.default !== undefined) entries.push({ key, value: spec.default, origin: 'default' });
      continue;
    }
    const value = spec.schema.safeParse(merged[key]);
    if (value.success) entries.push({ key, value: value.data, origin: from });
  }
  const present = sources.filter((s) => s.present);
  const base: EffectiveBase = {
    entries,
    warnings: parsed.warnings.map(sourced),
    sources: sources.map(({ kind, location, present }) => ({ kind, location, present })),
    used: present.length === 0 ? 'none' : present.some((s) => s.kind !== 'dev-file') ? 'machine' : 'development',
    ignoredDevFile,
  };
  if (parsed.ok && problems.length === 0) return { ...base, ok: true, policy: parsed.policy, problems: [] };
  return { ...base, ok: false, policy: null, problems };
}

/**
 * Reads the machine policy of this platform and, only where the machine has none installed, the
 * development file: a development file never fills a key the machine left unset, so what IT set is
 * the whole policy, in the app and in the CLI alike.
 */
export function loadPolicy(options: PolicyLoadOptions): EffectivePolicy {
  const machine: PolicySourceRead[] = [];
  if (options.platform === 'win32') machine.push(readRegistrySource(options.readRegistry));
  if (options.platform === 'linux') machine.push(machineFileSource(options.machineFile ?? linuxPolicyPath, options.machineFileOwnerUid ?? 0));
  if (!options.devFile) return resolvePolicy(machine);
  if (machine.some((s) => s.present)) return resolvePolicy(machine, options.devFile);
  return resolvePolicy([...machine, fileSource('dev-file', options.devFile)]);
}
