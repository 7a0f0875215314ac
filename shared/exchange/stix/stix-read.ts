import { z } from 'zod';
import { pathOf, type BundleKind, type Payload, type ReadResult } from '../payload';
import { earlierObiDefinitions, obiExtensionId, obiFixedObjects } from './obi-extension';
import { tlpAmberStrict } from './stix-markings';

/**
 * Shared checks of the readers: the payload is of the expected kind, every object is STIX 2.1,
 * carries TLP:AMBER+STRICT and has its own id, except the extension's definition and its
 * maintainer, which must be exactly the published objects (and present when an object uses the
 * extension); objects are parsed with a schema and a refusal names the field as
 * `bundle.objects.<n>.<field>`.
 */

export type StixRecord = Payload['bundle']['objects'][number];

export interface BundleIndex {
  objects: StixRecord[];
  byId: Map<string, { object: StixRecord; index: number }>;
}

export const refuse = (path: string, message: string): { ok: false; problem: { path: string; message: string } } => ({
  ok: false,
  problem: { path, message },
});

export const objectPath = (index: number, field?: PropertyKey): string => `bundle.objects.${index}${field === undefined ? '' : `.${String(field)}`}`;

/**
 * Whether a received JSON value `a` is our `b`, whatever the order of keys. It descends only where
 * `b` has an object, so a hostile, deeply nested `a` costs no deeper recursion than ours.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const usesExtension = (object: StixRecord): boolean => {
  const extensions = object.extensions;
  return typeof extensions === 'object' && extensions !== null && Object.hasOwn(extensions, obiExtensionId);
};

export function indexBundle(payload: Payload, kind: BundleKind): ReadResult<BundleIndex> {
  if (payload.manifest.kind !== kind) return refuse('manifest.kind', `must be "${kind}" for this reader`);
  const byId = new Map<string, { object: StixRecord; index: number }>();
  let extended = false;
  for (const [index, object] of payload.bundle.objects.entries()) {
    if (!object.id.startsWith(`${object.type}--`)) return refuse(objectPath(index, 'id'), 'must start with the object type');
    if (byId.has(object.id)) return refuse(objectPath(index, 'id'), 'appears twice in the bundle');
    byId.set(object.id, { object, index });
    const fixed = obiFixedObjects.get(object.id);
    if (fixed) {
      const published = sameJson(object, fixed) || (object.id === obiExtensionId && earlierObiDefinitions.some((d) => sameJson(object, d)));
      if (!published) return refuse(objectPath(index), 'must be the published object of the OBI Werkplek extension, unchanged');
      continue;
    }
    if (object.spec_version !== '2.1') return refuse(objectPath(index, 'spec_version'), 'must be "2.1"');
    const markings = object.object_marking_refs;
    if (!Array.isArray(markings) || !markings.includes(tlpAmberStrict)) {
      return refuse(objectPath(index, 'object_marking_refs'), 'must include TLP:AMBER+STRICT');
    }
    extended ||= usesExtension(object);
  }
  if (extended && !byId.has(obiExtensionId)) return refuse('bundle.objects', 'must hold the definition of the OBI Werkplek extension its objects use');
  return { ok: true, value: { objects: payload.bundle.objects, byId } };
}

/** Parses one object with `schema`; the first problem is named by its path inside the bundle. */
export function parseObject<S extends z.ZodType>(schema: S, object: StixRecord, index: number): ReadResult<z.output<S>> {
  const parsed = schema.safeParse(object);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return refuse(issue.path.length === 0 ? objectPath(index) : `${objectPath(index)}.${pathOf(issue.path)}`, issue.message);
}

/** The object a reference points to, which must be in the bundle and of the given type. */
export function resolve(index: BundleIndex, ref: string, type: string, at: string): ReadResult<{ object: StixRecord; index: number }> {
  const found = index.byId.get(ref);
  if (!found || found.object.type !== type) return refuse(at, `must point to a ${type} in the bundle`);
  return { ok: true, value: found };
}

export const stixRef = (type: string) => z.string().startsWith(`${type}--`, `must be a ${type} id`);
