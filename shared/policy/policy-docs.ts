import { policyKeys } from './policy-schema';

/** The README's table of policy keys, generated from the schema so the two cannot drift. */
export function policyKeysMarkdown(): string {
  const rows = Object.entries(policyKeys).map(([name, spec]) => {
    const def =
      'default' in spec && spec.default !== undefined
        ? `\`${JSON.stringify(spec.default)}\``
        : 'optional' in spec && spec.optional
          ? '*(none: optional)*'
          : '*(required)*';
    return `| \`${name}\` | ${def} | ${spec.description.en} | ${spec.description.nl} |`;
  });
  return ['| key | default | meaning | betekenis |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
