import type { LogFields } from '../logging/log-events';
import { logEvents } from '../logging/log-events';
import type { EffectivePolicy } from './load-policy';

const problemKey = logEvents['policy.loaded'].shape.problemKeys.element;

/** What the log keeps of a loaded policy: validity, the sources present, the keys at fault. */
export function policyLoadSummary(policy: EffectivePolicy): LogFields<'policy.loaded'> {
  return {
    valid: policy.ok,
    sources: policy.sources.filter((s) => s.present).map((s) => s.kind),
    problemKeys: [
      ...new Set(policy.problems.map((p) => (problemKey.safeParse(p.key).success ? p.key : '(policy)'))),
    ] as LogFields<'policy.loaded'>['problemKeys'],
    warnings: policy.warnings.length,
  };
}
