import { resolvePolicy, type EffectivePolicy } from '../core/policy/load-policy';

/** The effective policy of a development file holding `values` (organisation and role filled in). */
export function testPolicy(values: Record<string, unknown> = {}): EffectivePolicy {
  return resolvePolicy([{ kind: 'dev-file', location: 'test', present: true, values: { organisation: 'SZW', role: 'officer', ...values }, problems: [] }]);
}

export function validTestPolicy(values: Record<string, unknown> = {}): Extract<EffectivePolicy, { ok: true }> {
  const policy = testPolicy(values);
  if (!policy.ok) throw new Error('invalid test policy');
  return policy;
}

export function invalidTestPolicy(values: Record<string, unknown>): Extract<EffectivePolicy, { ok: false }> {
  const policy = testPolicy(values);
  if (policy.ok) throw new Error('test policy is valid');
  return policy;
}
