import { readFileSync } from 'node:fs';
import { formatPolicyProblems, parsePolicy, type Policy, type PolicyParse, type PolicyProblem } from '../../../shared/policy/policy-schema';
import { AppError } from '../app-error';

/** Reads and checks a policy file; a missing or unreadable file is one more problem, not a crash. */
export function readPolicyFile(path: string): PolicyParse {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, problems: [{ key: '(file)', message: 'cannot be read' }], warnings: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ key: '(file)', message: 'is not valid JSON' }], warnings: [] };
  }
  return parsePolicy(raw);
}

export interface LoadedPolicy {
  policy: Policy;
  warnings: PolicyProblem[];
  source: string;
}

/**
 * The policy for this run. In development and tests it comes from the file `OBI_POLICY` names;
 * machine locations (registry, /etc) come with the managed-laptop work. An invalid policy stops the
 * caller with every wrong key named.
 */
export function loadPolicy(path: string | undefined): LoadedPolicy {
  if (!path) {
    throw new AppError('policy_invalid', 'No policy: set OBI_POLICY to the path of a policy file.');
  }
  const parsed = readPolicyFile(path);
  if (!parsed.ok) {
    throw new AppError('policy_invalid', `The policy is not valid: ${formatPolicyProblems(parsed.problems)}.`);
  }
  return { policy: parsed.policy, warnings: parsed.warnings, source: path };
}
