import { z } from 'zod';
import { pathOf, type BundleKind, type Payload, type ReadResult } from '../payload';
import { tlpAmberStrict } from './stix-common';

/**
 * Shared checks of the readers: the payload is of the expected kind, every object is STIX 2.1,
 * carries TLP:AMBER+STRICT and has its own id; objects are parsed with a schema and a refusal names
 * the field as `bundle.objects.<n>.<field>`.
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

export function indexBundle(payload: Payload, kind: BundleKind): ReadResult<BundleIndex> {
  if (payload.manifest.kind !== kind) return refuse('manifest.kind', `must be "${kind}" for this reader`);
  const byId = new Map<string, { object: StixRecord; index: number }>();
  for (const [index, object] of payload.bundle.objects.entries()) {
    if (!object.id.startsWith(`${object.type}--`)) return refuse(objectPath(index, 'id'), 'must start with the object type');
    if (byId.has(object.id)) return refuse(objectPath(index, 'id'), 'appears twice in the bundle');
    if (object.spec_version !== '2.1') return refuse(objectPath(index, 'spec_version'), 'must be "2.1"');
    const markings = object.object_marking_refs;
    if (!Array.isArray(markings) || !markings.includes(tlpAmberStrict)) {
      return refuse(objectPath(index, 'object_marking_refs'), 'must include TLP:AMBER+STRICT');
    }
    byId.set(object.id, { object, index });
  }
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
