import type { z } from 'zod';
import { policyKeySpec, type PolicyKey, type PolicyKeyName } from './policy-schema';

/**
 * How a policy key is written outside the app — a registry value, an ADMX element, a line of the
 * policy docs — derived from its zod type, so a new key needs no code here. Plain values map to the
 * registry types Group Policy writes for them; everything else (objects, lists, unions) is one JSON
 * text in a REG_SZ value, which the ADMX offers as a text box.
 */
export type ValueKind =
  { kind: 'enum'; values: string[] } | { kind: 'boolean' } | { kind: 'integer'; min: number; max: number } | { kind: 'text' } | { kind: 'json' };

/** REG_DWORD holds 0 … 2³²−1; a whole number outside that range travels as JSON text. */
const dwordMax = 0xffff_ffff;

/** The schema without the wrappers that only say "may be null/absent". */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s.def.type === 'nullable' || s.def.type === 'optional') s = (s as unknown as { unwrap: () => z.ZodType }).unwrap();
  return s;
}

export function valueKindOf(schema: z.ZodType): ValueKind {
  const s = unwrap(schema);
  switch (s.def.type) {
    case 'enum': {
      const values = (s as unknown as { options: unknown[] }).options;
      const strings = values.filter((v): v is string => typeof v === 'string');
      return strings.length === values.length ? { kind: 'enum', values: strings } : { kind: 'json' };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'number': {
      const n = s as unknown as { isInt: boolean; minValue: number | null; maxValue: number | null };
      const min = n.minValue ?? -Infinity;
      const max = n.maxValue ?? Infinity;
      return n.isInt && min >= 0 && max <= dwordMax ? { kind: 'integer', min, max } : { kind: 'json' };
    }
    case 'string':
      return { kind: 'text' };
    default:
      return { kind: 'json' };
  }
}

export const valueKindOfKey = (name: PolicyKeyName): ValueKind => valueKindOf(policyKeySpec(name).schema);

/** The registry type IT sets for a key (what the ADMX writes). */
export function registryTypeOf(kind: ValueKind): 'REG_SZ' | 'REG_DWORD' {
  return kind.kind === 'boolean' || kind.kind === 'integer' ? 'REG_DWORD' : 'REG_SZ';
}

/**
 * A value for the example files: the example, else the default, else the first enum value;
 * undefined (left out) for an optional key without an example.
 */
export function exampleValueOf(name: string, spec: PolicyKey<z.ZodType>): unknown {
  if (spec.example !== undefined) return spec.example;
  if (spec.default !== undefined) return spec.default;
  if (spec.optional) return undefined;
  const kind = valueKindOf(spec.schema);
  if (kind.kind === 'enum') return kind.values[0];
  throw new Error(`policy key ${name} is required and has no example: add \`example\` to its entry`);
}

/** How diagnostics give a key's value: as it is, as a length and short hash, or not at all (see `showInDiagnostics`, `omitFromDiagnostics`). */
export function diagnosticsTreatment(spec: PolicyKey<z.ZodType>): 'shown' | 'redacted' | 'omitted' {
  if (spec.omitFromDiagnostics) return 'omitted';
  const kind = valueKindOf(spec.schema).kind;
  return kind === 'enum' || kind === 'boolean' || kind === 'integer' || spec.showInDiagnostics === true ? 'shown' : 'redacted';
}
