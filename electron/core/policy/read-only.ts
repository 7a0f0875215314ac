import type { EffectivePolicyView } from '../../../shared/contract/ipc-contract';
import { AppError } from '../app-error';
import type { EffectivePolicy } from './load-policy';

/**
 * The read-only state: with an invalid machine policy the app opens, says which key is wrong, and
 * neither changes the vault nor sends anything. Code that sends (bundles, transport) calls
 * `assertMaySend` first; the IPC surface is narrowed by `createReadOnlyHandlers`.
 */
export function policyInvalidError(policy: EffectivePolicy): AppError {
  const keys = [...new Set(policy.problems.map((p) => p.key))].join(', ');
  return new AppError('policy_invalid', `The machine policy is not valid (${keys}); the app is read-only and exports nothing.`);
}

export function assertMaySend(policy: EffectivePolicy): asserts policy is Extract<EffectivePolicy, { ok: true }> {
  if (!policy.ok) throw policyInvalidError(policy);
}

/** The effective policy as the app shows it: values as JSON text, every problem with its key. */
export function effectivePolicyView(policy: EffectivePolicy): EffectivePolicyView {
  return {
    valid: policy.ok,
    entries: policy.entries.map((e) => ({ key: e.key, value: JSON.stringify(e.value), origin: e.origin })),
    problems: policy.problems.map(({ key, message, source }) => ({ key, message, source })),
    warnings: policy.warnings.map(({ key, message }) => ({ key, message })),
  };
}
