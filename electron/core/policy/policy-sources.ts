import type { PolicyProblem } from '../../../shared/policy/policy-schema';
import type { PolicySourceKind } from '../../../shared/policy/policy-sources';

export type { PolicyOrigin, PolicySourceKind } from '../../../shared/policy/policy-sources';

/** What one source holds: the candidate values by key, and what could not be read. */
export interface PolicySourceRead {
  kind: PolicySourceKind;
  /** Registry key or file path, for `obi policy show` and the service desk. */
  location: string;
  /** False when the source does not exist on this machine (no registry key, no file). */
  present: boolean;
  values: Record<string, unknown>;
  problems: PolicyProblem[];
}

export const absentSource = (kind: PolicySourceKind, location: string): PolicySourceRead => ({
  kind,
  location,
  present: false,
  values: {},
  problems: [],
});
