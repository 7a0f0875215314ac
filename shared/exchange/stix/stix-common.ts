import { v5 as uuidv5 } from 'uuid';
import type { Manifest } from '../payload';

/**
 * What every STIX object of our bundles shares: spec version 2.1, the TLP:AMBER+STRICT marking,
 * the producing organisation as `created_by_ref`, and ids that are UUIDv5 so the builders are
 * deterministic. Things that recur from bundle to bundle (an organisation, a state actor, a modus
 * operandi, a target group, a place and their relationships) get the same id every time, so a
 * consumer such as OpenCTI merges them; what belongs to one bundle (sightings, notes, the
 * grouping) gets an id derived from the bundle id.
 */

/** TLP 2.0 AMBER+STRICT: a fixed id from the TLP 2.0 extension, known to STIX consumers. */
export const tlpAmberStrict = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';

/** Our UUIDv5 namespace for STIX ids; never change it, or stable ids stop matching. */
const idNamespace = 'ea2b54e7-b380-48af-b5fd-4eb3ba2a0a3a';

/**
 * `created` of the recurring objects: one fixed time, so the same id always has the same `created`
 * (as STIX versioning requires); their `modified` is the bundle's time.
 */
export const referenceEpoch = '2025-01-01T00:00:00.000Z';

export interface StixObject {
  type: string;
  id: string;
  spec_version: '2.1';
  created: string;
  modified: string;
  created_by_ref?: string;
  object_marking_refs: string[];
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The id of something that recurs across bundles, from its type and a key that names it. */
export const stableId = (type: string, key: string): string => `${type}--${uuidv5(`${type}:${key}`, idNamespace)}`;

/** The id of something that belongs to one bundle. */
export const bundleScopedId = (bundleId: string, type: string, key: string): string => `${type}--${uuidv5(`${bundleId}:${type}:${key}`, idNamespace)}`;

export const bundleIdOf = (manifestId: string): string => `bundle--${manifestId}`;

/** Builds the objects of one bundle with the shared properties filled in. */
export class StixWriter {
  readonly producerId: string;
  private readonly objects = new Map<string, StixObject>();

  constructor(readonly manifest: Manifest) {
    this.producerId = stableId('identity', `organisation:${manifest.organisation}`);
    this.add({
      type: 'identity',
      id: this.producerId,
      spec_version: '2.1',
      created: referenceEpoch,
      modified: this.referenceModified(),
      object_marking_refs: [tlpAmberStrict],
      name: `${manifest.organisation} liaison network`,
      identity_class: 'organization',
      description: `The network of liaison officers of ${manifest.organisation} (OBI Werkplek); never a single person.`,
    });
  }

  get bundleId(): string {
    return bundleIdOf(this.manifest.id);
  }

  private referenceModified(): string {
    return this.manifest.created > referenceEpoch ? this.manifest.created : referenceEpoch;
  }

  private add(object: StixObject): string {
    this.objects.set(object.id, object);
    return object.id;
  }

  /** An object that recurs across bundles: added once per bundle, however often it is used. */
  reference(type: string, key: string, properties: Record<string, unknown>): string {
    const id = stableId(type, key);
    if (this.objects.has(id)) return id;
    return this.add({
      type,
      id,
      spec_version: '2.1',
      created: referenceEpoch,
      modified: this.referenceModified(),
      created_by_ref: this.producerId,
      object_marking_refs: [tlpAmberStrict],
      ...properties,
    });
  }

  /** An object of this bundle only. */
  own(type: string, key: string, properties: Record<string, unknown>): string {
    return this.add({
      type,
      id: bundleScopedId(this.bundleId, type, key),
      spec_version: '2.1',
      created: this.manifest.created,
      modified: this.manifest.created,
      created_by_ref: this.producerId,
      object_marking_refs: [tlpAmberStrict],
      ...properties,
    });
  }

  /** Closes the bundle with the grouping that makes it one unit (STIX wants at least one member). */
  finish(grouping: { name: string; description: string }): StixBundle {
    const members = [...this.objects.keys()].filter((id) => id !== this.producerId);
    this.own('grouping', 'export', {
      name: grouping.name,
      description: grouping.description,
      context: 'suspicious-activity',
      object_refs: members.length > 0 ? members : [this.producerId],
    });
    return { type: 'bundle', id: this.bundleId, objects: [...this.objects.values()] };
  }
}
