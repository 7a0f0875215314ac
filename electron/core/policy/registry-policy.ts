import { spawnSync } from 'node:child_process';
import { valueKindOfKey, type ValueKind } from '../../../shared/policy/policy-representation';
import { policyKeyNames, type PolicyProblem } from '../../../shared/policy/policy-schema';
import { registryKeyFull } from '../../../shared/policy/policy-templates';
import { absentSource, type PolicySourceRead } from './policy-sources';

/**
 * Machine policy from the Windows registry (HKLM\Software\Policies\OBI\Werkplek, where Group Policy
 * writes it), read with the system's own reg.exe rather than a native addon. The path is fixed:
 * a user who could point the app at another reg.exe (say through %SystemRoot%) could override the
 * machine policy. HKLM\Software\Policies is shared between the 32- and 64-bit registry views.
 */
export const regExePath = 'C:\\Windows\\System32\\reg.exe';

export interface RegistryValue {
  name: string;
  type: string;
  data: string;
}

export interface RegQueryResult {
  /** Exit code of reg.exe, null when it did not run. */
  status: number | null;
  stdout: Buffer;
}

export type RegQueryRunner = () => RegQueryResult;

export const runRegQuery: RegQueryRunner = () => {
  const r = spawnSync(regExePath, ['query', registryKeyFull], { windowsHide: true, timeout: 10_000, maxBuffer: 1024 * 1024 });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? Buffer.alloc(0) };
};

// `    name    REG_TYPE    data`: four spaces before each column; data is absent for empty values.
const valueLine = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/**
 * Parses the text of `reg query KEY` (without /s). reg.exe writes in the console's OEM code page,
 * so the bytes are read one to one (latin1) and any value outside ASCII is refused later rather
 * than guessed at.
 */
export function parseRegQuery(output: Buffer): { values: RegistryValue[]; problems: PolicyProblem[] } {
  const values: RegistryValue[] = [];
  const problems: PolicyProblem[] = [];
  output
    .toString('latin1')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('HKEY_')) return;
      const m = valueLine.exec(line);
      if (m) values.push({ name: m[1]!, type: m[2]!, data: m[3] ?? '' });
      else problems.push({ key: '(registry)', message: `line ${i + 1} of the reg.exe output is not a value` });
    });
  return { values, problems };
}

const dwordTypes = new Set(['REG_DWORD', 'REG_QWORD']);
const textTypes = new Set(['REG_SZ', 'REG_EXPAND_SZ']);

/** One registry value as the value of a key of that kind, or the problem with it. */
export function convertRegistryValue(kind: ValueKind, v: RegistryValue): { value: unknown } | { problem: string } {
  if (!/^[\x20-\x7e]*$/.test(v.data)) {
    return { problem: 'holds characters outside ASCII, which reg.exe does not pass on reliably (in JSON, write them as \\u escapes)' };
  }
  if (kind.kind === 'boolean' || kind.kind === 'integer') {
    if (!dwordTypes.has(v.type) || !/^0x[0-9a-fA-F]+$/.test(v.data)) return { problem: `must be a REG_DWORD (found ${v.type})` };
    const n = Number.parseInt(v.data.slice(2), 16);
    if (kind.kind === 'boolean' && (n === 0 || n === 1)) return { value: n === 1 };
    return { value: n };
  }
  if (!textTypes.has(v.type)) return { problem: `must be a REG_SZ (found ${v.type})` };
  if (kind.kind !== 'json') return { value: v.data };
  try {
    return { value: JSON.parse(v.data) as unknown };
  } catch {
    return { problem: 'is not valid JSON' };
  }
}

/**
 * The policy candidate from registry values. Value names are matched to keys without regard to
 * case, as Windows does; unknown names are passed on so that validation warns about them.
 */
export function registryCandidate(values: RegistryValue[]): { values: Record<string, unknown>; problems: PolicyProblem[] } {
  const byLowerName = new Map(policyKeyNames.map((k) => [k.toLowerCase(), k]));
  // A value named "__proto__" stays a value (and is warned about as an unknown key).
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const problems: PolicyProblem[] = [];
  for (const v of values) {
    const key = byLowerName.get(v.name.toLowerCase());
    if (!key) {
      out[v.name] = v.data;
      continue;
    }
    const converted = convertRegistryValue(valueKindOfKey(key), v);
    if ('problem' in converted) problems.push({ key, message: converted.problem });
    else out[key] = converted.value;
  }
  return { values: out, problems };
}

/** The registry as a policy source. reg.exe exits 1 with no output when the key does not exist. */
export function readRegistrySource(run: RegQueryRunner = runRegQuery): PolicySourceRead {
  const location = registryKeyFull;
  const result = run();
  if (result.status === 1 && result.stdout.toString('latin1').trim() === '') return absentSource('registry', location);
  if (result.status !== 0) {
    return {
      kind: 'registry',
      location,
      present: true,
      values: {},
      problems: [{ key: '(registry)', message: result.status === null ? 'reg.exe could not be run' : `reg.exe failed (exit ${result.status})` }],
    };
  }
  const parsed = parseRegQuery(result.stdout);
  const candidate = registryCandidate(parsed.values);
  return { kind: 'registry', location, present: true, values: candidate.values, problems: [...parsed.problems, ...candidate.problems] };
}
