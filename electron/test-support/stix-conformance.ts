import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Checks STIX 2.1 bundles against the official OASIS schemas beside the checkout
 * (../shared/conformance/stix2.1, never copied into the project), the way
 * ../shared/tools/stix_validate.py does: each object against the schema of its own type (the
 * official bundle.json leaves grouping, location, note and opinion out of its oneOf), TLP 2.0
 * markings by their fixed ids, and every `*_ref`/`*_refs` pointing inside the bundle.
 */

export const sharedDir = join(import.meta.dirname, '..', '..', '..', 'shared');
const schemaRoot = join(sharedDir, 'conformance', 'stix2.1', 'schemas');

/** TLP 2.0 marking definitions: fixed ids from the TLP 2.0 extension, not in the core schemas. */
const tlp2 = new Set([
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
]);

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? schemaFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

let validators: Map<string, ValidateFunction> | undefined;

function load(): Map<string, ValidateFunction> {
  if (validators) return validators;
  // The official patterns use escapes such as `\-` that JavaScript refuses in unicode mode, and
  // `format` is an annotation the Python validator does not check either.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false });
  const byType = new Map<string, string>();
  for (const path of schemaFiles(schemaRoot)) {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as { $id: string; title?: string };
    ajv.addSchema(schema);
    const type = path
      .split('/')
      .at(-1)!
      .replace(/\.json$/, '');
    if (!byType.has(type)) byType.set(type, schema.$id);
  }
  validators = new Map([...byType].map(([type, id]) => [type, ajv.getSchema(id)!]));
  return validators;
}

interface StixLike {
  type?: unknown;
  objects?: unknown;
}

/** Every problem of a bundle, as `objects[i] (type id): path: message`; empty when it is valid. */
export function stixProblems(bundle: unknown): string[] {
  const b = bundle as StixLike;
  if (b?.type !== 'bundle' || !Array.isArray(b.objects)) return ['not a STIX bundle (type must be "bundle" with an objects list)'];
  const schemas = load();
  const objects = b.objects as Array<Record<string, unknown>>;
  const problems: string[] = [];
  const ids = new Set<unknown>();
  objects.forEach((o, i) => {
    const where = `objects[${i}] (${String(o.type)} ${String(o.id)})`;
    if (ids.has(o.id)) problems.push(`${where}: duplicate id`);
    ids.add(o.id);
    if (o.type === 'marking-definition' && tlp2.has(String(o.id))) return;
    const validate = schemas.get(String(o.type));
    if (!validate) {
      if (!String(o.type).startsWith('x-')) problems.push(`${where}: no schema for type`);
      return;
    }
    if (!validate(o)) for (const e of validate.errors ?? []) problems.push(`${where}: ${e.instancePath}: ${e.message ?? 'invalid'}`);
  });
  objects.forEach((o, i) => {
    for (const [key, value] of Object.entries(o)) {
      const refs = key.endsWith('_refs') && Array.isArray(value) ? value : key.endsWith('_ref') ? [value] : [];
      for (const ref of refs) {
        if (typeof ref === 'string' && !ids.has(ref) && !ref.startsWith('marking-definition--')) {
          problems.push(`objects[${i}]: ${key} points to ${ref}, which is not in the bundle`);
        }
      }
    }
  });
  return problems;
}
