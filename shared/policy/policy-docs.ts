import type { z } from 'zod';
import { registryTypeOf, valueKindOf } from './policy-representation';
import { policyKeys, type PolicyKey } from './policy-schema';

/** The table of policy keys in docs/it/policy.md, generated from the schema so the two cannot drift. */
export function policyKeysMarkdown(keys: Record<string, PolicyKey<z.ZodType>> = policyKeys): string {
  const rows = Object.entries(keys).map(([name, spec]) => {
    const kind = valueKindOf(spec.schema);
    const def = spec.default !== undefined ? `\`${JSON.stringify(spec.default)}\`` : spec.optional ? '*(none: optional)*' : '*(required)*';
    const registry = `${registryTypeOf(kind)}${kind.kind === 'json' ? ' (JSON)' : ''}`;
    return `| \`${name}\` | ${def} | ${registry} | ${spec.description.en} | ${spec.description.nl} |`;
  });
  return ['| key | default | registry | meaning | betekenis |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
