import { z } from 'zod';
import { isoDate } from '../capture/meeting-schema';
import { policyKeys } from '../policy/policy-schema';

/**
 * What an encrypted bundle carries: one JSON document `{manifest, bundle}`. The manifest says what
 * the bundle is (who issued it, for which period, under which taxonomy, how much was released,
 * held back or carried over); `bundle` is a STIX 2.1 bundle whose id is `bundle--<manifest.id>`.
 * The manifest names an organisation, never a person, and its time is rounded down to the hour so
 * that it does not tell when an officer was at the keyboard.
 */

export const bundleKinds = ['officer', 'team', 'returned'] as const;
export type BundleKind = (typeof bundleKinds)[number];

const count = z.number().int('must be a whole number').min(0, 'must be at least 0');
const uuid = z.uuid('must be a UUID');
/** An ISO time on the full hour, as `roundDownToHour` writes it. */
const hourTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/, 'must be a UTC time on the full hour (YYYY-MM-DDTHH:00:00.000Z)');
const version = z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.]{1,40})?$/, 'must be a version such as 1.2.3');

export const periodSchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });
export type Period = z.output<typeof periodSchema>;

/**
 * Version 1 of the evaluation figures a team bundle adds to its manifest: the team lead's decisions
 * in the bundle's period (approved, whether delivered since or not; returned; and of both, how
 * many the lead redacted further). A later version may add figures: a reader takes the ones it
 * knows and ignores the rest.
 */
export const evaluationVersion = 1;
export const evaluationSchema = z.looseObject({
  version: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  period: periodSchema,
  approved: count,
  returned: count,
  redactedFurther: count,
});
export type Evaluation = z.output<typeof evaluationSchema>;

/**
 * Known keys are checked strictly; a key this version does not know is a later optional addition
 * and is dropped, so that an older reader still takes the bundle in (an addition that must not be
 * ignored needs a new `kind`, which older readers refuse).
 */
/** The form of `auditHead` this version writes; a reader takes a higher one and ignores what it does not know. */
export const auditHeadFormat = 1;

/**
 * The officer's audit-log head when the bundle was made: the SHA-256 of the log's last entry, no
 * content. The team lead keeps it, so the officer's log rewritten afterwards no longer contains it
 * (`obi audit verify --against`). Optional: bundles of earlier versions carry none. Versioned by
 * `format`, so a later form (with fields this reader does not know) is still accepted.
 */
export const auditHeadSchema = z
  .looseObject({
    format: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex'),
  })
  .transform(({ format, hash }) => ({ format, hash }));
export type AuditHead = z.output<typeof auditHeadSchema>;

export const manifestSchema = z
  .object({
    id: uuid,
    kind: z.enum(bundleKinds),
    organisation: policyKeys.organisation.schema,
    period: periodSchema,
    taxonomyVersion: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    counts: z.strictObject({ signals: count, cells: count }),
    /** The k of k-anonymity the team bundle was generalised to; null for officer and returned bundles. */
    k: z.number().int('must be a whole number').min(2, 'must be at least 2').nullable(),
    /** Signals held back from this bundle (for example cells that stay below k after generalisation). */
    suppressed: count,
    /** Signals carried over to the next period because they could not reach k in this one. */
    carriedOver: count,
    softwareVersion: version,
    created: hourTime,
    /** Team bundles since evaluation version 1: the review figures of the period. */
    evaluation: evaluationSchema.optional(),
    auditHead: auditHeadSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.kind !== 'team' && m.evaluation !== undefined) ctx.addIssue({ code: 'custom', path: ['evaluation'], message: 'belongs to a team bundle only' });
    if (m.kind === 'team' && m.k === null) ctx.addIssue({ code: 'custom', path: ['k'], message: 'must be a number for a team bundle' });
    if (m.kind !== 'team' && m.k !== null) ctx.addIssue({ code: 'custom', path: ['k'], message: `must be null for an ${m.kind} bundle` });
  });
export type Manifest = z.output<typeof manifestSchema>;

const stixId = (type: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${type}--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`),
      `must be a STIX id ${type}--<uuid>`,
    );

/** The STIX envelope; each object is checked in depth by the reader of its kind. */
export const stixBundleSchema = z.strictObject({
  type: z.literal('bundle', 'must be "bundle"'),
  id: stixId('bundle'),
  objects: z.array(z.looseObject({ type: z.string().min(1, 'must not be empty'), id: stixId('[a-z][a-z0-9-]*[a-z0-9]') })),
});
export type StixBundleEnvelope = z.output<typeof stixBundleSchema>;

export const payloadSchema = z
  .strictObject({ manifest: manifestSchema, bundle: stixBundleSchema })
  .refine((p) => p.bundle.id === `bundle--${p.manifest.id}`, { message: 'must be bundle--<manifest.id>', path: ['bundle', 'id'] });
export type Payload = z.output<typeof payloadSchema>;

/** A refusal that names the field at fault (`manifest.period.to`) and what is wrong with it. */
export interface PayloadProblem {
  path: string;
  message: string;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: PayloadProblem };

export const pathOf = (path: ReadonlyArray<PropertyKey>): string => (path.length === 0 ? '(root)' : path.map(String).join('.'));

/** Checks a decoded payload; the first problem is named. Values are never echoed. */
export function readPayload(raw: unknown): ReadResult<Payload> {
  const parsed = payloadSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: { path: pathOf(issue.path), message: issue.message } };
}

/** The manifest's time: the hour in which the bundle was made, in UTC. */
export function roundDownToHour(at: Date): string {
  const t = new Date(at.getTime());
  t.setUTCMinutes(0, 0, 0);
  return t.toISOString();
}

export type Organisation = Manifest['organisation'];

/** What the caller knows about a bundle before its content: who, which period, when. */
export interface PayloadHeader {
  id: string;
  organisation: Organisation;
  period: Period;
  taxonomyVersion: number;
  softwareVersion: string;
  /** The moment of building; the manifest keeps only its hour. */
  now: Date;
}

/** The manifest for a header and the figures of the content; refuses anything the schema refuses. */
export function manifestFor(
  header: PayloadHeader,
  content: Pick<Manifest, 'kind' | 'counts' | 'k' | 'suppressed' | 'carriedOver'> & { evaluation?: Evaluation; auditHead?: AuditHead | undefined },
): Manifest {
  return manifestSchema.parse({
    id: header.id,
    kind: content.kind,
    organisation: header.organisation,
    period: header.period,
    taxonomyVersion: header.taxonomyVersion,
    counts: content.counts,
    k: content.k,
    suppressed: content.suppressed,
    carriedOver: content.carriedOver,
    softwareVersion: header.softwareVersion,
    created: roundDownToHour(header.now),
    ...(content.evaluation === undefined ? {} : { evaluation: content.evaluation }),
    ...(content.auditHead ? { auditHead: content.auditHead } : {}),
  });
}
