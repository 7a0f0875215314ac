import { v5 as uuidv5 } from 'uuid';
import type { Manifest, Organisation } from '../payload';
import { obiExtensionDefinition, obiExtensions, obiMaintainer, type ObiProperties } from './obi-extension';
import { tlpAmberStrict, tlpAmberStrictTag } from './stix-markings';

export { tlpAmberStrict } from './stix-markings';

/**
 * What every STIX object of our bundles shares: spec version 2.1, the TLP:AMBER+STRICT marking (as
 * marking and as label, for tools that show labels as tags), the producer as `created_by_ref`, and
 * ids that are UUIDv5 so the builders are deterministic. Things that recur from bundle to bundle
 * (an organisation, a state actor, a modus operandi, a target group, a place and their
 * relationships) get the same id every time and from every team, so a consumer such as OpenCTI
 * merges them, as it derives ids of its own from names; what belongs to one bundle (sightings,
 * notes, the grouping) gets an id derived from the bundle id. Our own data travels in the
 * OBI Werkplek property extension (./obi-extension.ts), whose definition is added to the bundle
 * when an object first uses it.
 */

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

export const bundleIdOf = (id: string): string => `bundle--${id}`;

/** An identity that speaks for itself in every bundle: an organisation or the central point. */
export interface Speaker {
  key: string;
  name: string;
  description: string;
}

/** The network of an organisation's liaison officers: the producer of its bundles, never a person. */
export const organisationSpeaker = (organisation: Organisation): Speaker => ({
  key: `organisation:${organisation}`,
  name: `${organisation} liaison network`,
  description: `The network of liaison officers of ${organisation} (OBI Werkplek); never a single person.`,
});

/** Who made a bundle and when. */
export interface BundleOrigin {
  /** A UUID: the bundle is `bundle--<id>`, and the ids of its own objects derive from it. */
  id: string;
  /** The bundle's time, on the hour. */
  created: string;
  producer: Speaker;
}

/** What a bundle is held together by: a grouping (one bundle) or a report (the fenomeenbeeld). */
export type Container = { type: 'grouping'; name: string; description: string } | { type: 'report'; name: string; description: string };

const unique = (values: readonly string[]) => [...new Set(values)];

/** Builds the objects of one bundle with the shared properties filled in. */
export class StixWriter {
  readonly producerId: string;
  private readonly objects = new Map<string, StixObject>();

  constructor(readonly origin: BundleOrigin) {
    this.producerId = this.speaker(origin.producer);
  }

  static forManifest(manifest: Manifest): StixWriter {
    return new StixWriter({ id: manifest.id, created: manifest.created, producer: organisationSpeaker(manifest.organisation) });
  }

  get bundleId(): string {
    return bundleIdOf(this.origin.id);
  }

  private referenceModified(): string {
    return this.origin.created > referenceEpoch ? this.origin.created : referenceEpoch;
  }

  private add(object: StixObject, obi?: ObiProperties): string {
    const labels = unique([tlpAmberStrictTag, ...((object.labels as string[] | undefined) ?? [])]);
    this.objects.set(object.id, { ...object, labels, ...(obi ? { extensions: obiExtensions(obi) } : {}) });
    if (obi && !this.objects.has(obiExtensionDefinition.id)) {
      // Copies, so that nothing done to a bundle can change the published objects.
      this.objects.set(obiMaintainer.id, JSON.parse(JSON.stringify(obiMaintainer)) as StixObject);
      this.objects.set(obiExtensionDefinition.id, JSON.parse(JSON.stringify(obiExtensionDefinition)) as StixObject);
    }
    return object.id;
  }

  /**
   * An identity that is its own source (no `created_by_ref`): the same object whichever bundle it
   * is in, as the producer of a team bundle or as the reporting organisation in the central point's.
   */
  speaker(who: Speaker): string {
    const id = stableId('identity', who.key);
    if (this.objects.has(id)) return id;
    return this.add({
      type: 'identity',
      id,
      spec_version: '2.1',
      created: referenceEpoch,
      modified: this.referenceModified(),
      object_marking_refs: [tlpAmberStrict],
      name: who.name,
      identity_class: 'organization',
      description: who.description,
    });
  }

  /** An object that recurs across bundles: added once per bundle, however often it is used. */
  reference(type: string, key: string, properties: Record<string, unknown>, obi?: ObiProperties): string {
    const id = stableId(type, key);
    if (this.objects.has(id)) return id;
    const object: StixObject = {
      type,
      id,
      spec_version: '2.1',
      created: referenceEpoch,
      modified: this.referenceModified(),
      created_by_ref: this.producerId,
      object_marking_refs: [tlpAmberStrict],
      ...properties,
    };
    return this.add(object, obi);
  }

  /** An object of this bundle only. */
  own(type: string, key: string, properties: Record<string, unknown>, obi?: ObiProperties): string {
    const object: StixObject = {
      type,
      id: bundleScopedId(this.bundleId, type, key),
      spec_version: '2.1',
      created: this.origin.created,
      modified: this.origin.created,
      created_by_ref: this.producerId,
      object_marking_refs: [tlpAmberStrict],
      ...properties,
    };
    return this.add(object, obi);
  }

  /**
   * Closes the bundle with the object that makes it one unit; it holds every object but the
   * producer and the extension's fixed objects (STIX wants at least one member).
   */
  finish(container: Container): StixBundle {
    const fixed = new Set([this.producerId, obiMaintainer.id, obiExtensionDefinition.id]);
    const members = [...this.objects.keys()].filter((id) => !fixed.has(id));
    const object_refs = members.length > 0 ? members : [this.producerId];
    const { type, ...text } = container;
    this.own(
      type,
      'export',
      type === 'grouping'
        ? { ...text, context: 'suspicious-activity', object_refs }
        : { ...text, report_types: ['threat-report'], published: this.origin.created, object_refs },
    );
    return { type: 'bundle', id: this.bundleId, objects: [...this.objects.values()] };
  }
}
