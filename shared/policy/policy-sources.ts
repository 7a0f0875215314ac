/** Where a policy value came from, strongest first; `default` when no source sets the key. */
export const policySourceKinds = ['registry', 'machine-file', 'dev-file'] as const;
export type PolicySourceKind = (typeof policySourceKinds)[number];
export type PolicyOrigin = PolicySourceKind | 'default';
