import { z } from 'zod';
import { isoDate } from '../../capture/meeting-schema';
import { provinces } from '../../geo/provinces';
import { tagPattern } from '../../taxonomy/taxonomy-package';
import { manifestFor, type AuditHead, type Payload, type PayloadHeader, type ReadResult } from '../payload';
import { municipalityPlace } from './cell-objects';
import { obiExtensionId, obiPart } from './obi-extension';
import { StixWriter } from './stix-common';
import { tlpAmberStrictTag } from './stix-markings';
import { indexBundle, objectPath, parseObject, refuse, resolve, stixRef } from './stix-read';

/**
 * The officer bundle: the officer's ready signals, for the team lead to review one by one. Each
 * signal is a STIX `note` whose `content` is the redacted summary, `labels` its machine tags
 * (own taxonomy and admiralty grading), `object_refs` the `location` of the meeting (municipality,
 * province, NL); what STIX has no field for travels in the OBI Werkplek extension: `signal_id`
 * (the reference the officer's vault keeps), `conversation` (the pseudonym of the meeting, the same
 * for every signal of it), `meeting_date`, `consent` and the exact `tags`.
 *
 * An urgent signal carries one more label, MISP's `workflow:todo="expedite"`, beside its tags. A
 * label and not a property of the extension: a reader from before urgency checks the extension
 * strictly but reads no labels, so it takes an urgent signal in as an ordinary one; this reader
 * accepts no label but the TLP marking, the signal's tags and that one.
 */

/** The label that marks a signal urgent. */
export const urgentLabel = 'workflow:todo="expedite"';

export interface OfficerSignal {
  /** The reference the signal travels under (a UUID the officer's vault keeps); never the vault's row id. */
  signalRef: string;
  /**
   * The pseudonym of the meeting the signal came from (an HMAC under a secret of the officer's
   * vault): the team lead counts conversations by it and learns nothing else from it.
   */
  conversation: string;
  /** The redacted summary. */
  summary: string;
  /** Machine tags: the own taxonomy and the admiralty grading. */
  tags: string[];
  meetingDate: string;
  municipality: string;
  province: (typeof provinces)[number];
  /** The source agreed to sharing in bundled form; a signal without consent never leaves. */
  consent: true;
  /** The officer marked it urgent: the team lead's inbox puts it on top. */
  urgent?: true;
}

const placeName = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const conversationPseudonym = z.string().regex(/^[0-9a-f]{32}$/, 'must be a conversation pseudonym (32 hexadecimal digits)');

export const officerSignalSchema = z.strictObject({
  signalRef: z.uuid('must be a UUID'),
  conversation: conversationPseudonym,
  summary: z.string().regex(/\S/, 'must not be blank').max(5000, 'must be at most 5000 characters'),
  tags: z.array(z.string().regex(tagPattern, 'must be a machine tag')).min(1, 'must hold at least one tag').max(100, 'must hold at most 100 tags'),
  meetingDate: isoDate,
  municipality: placeName,
  province: z.enum(provinces),
  consent: z.literal(true, 'must be true: a signal without consent never leaves'),
  urgent: z.literal(true, 'must be true when present').optional(),
}) satisfies z.ZodType<OfficerSignal>;

/** Builds the payload of an officer bundle; refuses (throws) a signal that breaks the schema. */
export function buildOfficerPayload(header: PayloadHeader, signals: readonly OfficerSignal[], auditHead?: AuditHead): Payload {
  const checked = z.array(officerSignalSchema).parse(signals);
  const refs = new Set(checked.map((s) => s.signalRef));
  if (refs.size !== checked.length) throw new Error('buildOfficerPayload: every signal needs its own signalRef');
  const manifest = manifestFor(header, { kind: 'officer', counts: { signals: checked.length, cells: 0 }, k: null, suppressed: 0, carriedOver: 0, auditHead });
  const w = StixWriter.forManifest(manifest);
  for (const s of checked) {
    const place = municipalityPlace(s.municipality, s.province);
    const placeId = w.reference('location', place.key, place.properties, place.obi);
    w.own(
      'note',
      s.signalRef,
      { abstract: 'OBI signal for review', content: s.summary, lang: 'nl', labels: s.urgent ? [...s.tags, urgentLabel] : s.tags, object_refs: [placeId] },
      { tags: s.tags, signal_id: s.signalRef, conversation: s.conversation, meeting_date: s.meetingDate, consent: true },
    );
  }
  const bundle = w.finish({
    type: 'grouping',
    name: `OBI officer signals ${manifest.period.from} to ${manifest.period.to}`,
    description: `Redacted signals for the team lead's review: ${checked.length}.`,
  });
  return { manifest, bundle };
}

const noteSchema = obiPart({
  tags: officerSignalSchema.shape.tags,
  signal_id: officerSignalSchema.shape.signalRef,
  conversation: conversationPseudonym.optional(),
  meeting_date: isoDate,
  consent: officerSignalSchema.shape.consent,
}).extend({
  type: z.literal('note'),
  content: officerSignalSchema.shape.summary,
  labels: z.array(z.string()).max(102, 'must hold at most 102 labels').optional(),
  object_refs: z.tuple([stixRef('location')], 'must hold exactly the location of the meeting'),
});

const locationSchema = z.looseObject({
  type: z.literal('location'),
  city: placeName,
  administrative_area: z.enum(provinces),
  country: z.literal('NL', 'must be NL'),
});

/**
 * A signal as the team lead receives it. `conversation` is null in a bundle from a version before
 * conversations were counted; the lead's aggregation then counts conservatively (see
 * electron/core/exchange/prepare-team-bundles.ts).
 */
export interface ReceivedOfficerSignal extends Omit<OfficerSignal, 'conversation'> {
  conversation: string | null;
}

/** The signals of an officer bundle, for the team lead's review; the first problem is named. */
export function readOfficerBundle(payload: Payload): ReadResult<ReceivedOfficerSignal[]> {
  const indexed = indexBundle(payload, 'officer');
  if (!indexed.ok) return indexed;
  const signals: ReceivedOfficerSignal[] = [];
  const seen = new Set<string>();
  for (const [i, object] of indexed.value.objects.entries()) {
    if (object.type !== 'note') continue;
    const note = parseObject(noteSchema, object, i);
    if (!note.ok) return note;
    const n = note.value;
    const own = n.extensions[obiExtensionId];
    if (seen.has(own.signal_id)) return refuse(objectPath(i, `extensions.${obiExtensionId}.signal_id`), 'appears twice in the bundle');
    seen.add(own.signal_id);
    const strange = (n.labels ?? []).findIndex((l) => l !== urgentLabel && l !== tlpAmberStrictTag && !own.tags.includes(l));
    if (strange >= 0) return refuse(objectPath(i, `labels.${strange}`), `must be TLP:AMBER+STRICT, one of the signal's tags or ${urgentLabel}`);
    const found = resolve(indexed.value, n.object_refs[0], 'location', objectPath(i, 'object_refs.0'));
    if (!found.ok) return found;
    const place = parseObject(locationSchema, found.value.object, found.value.index);
    if (!place.ok) return place;
    signals.push({
      signalRef: own.signal_id,
      conversation: own.conversation ?? null,
      summary: n.content,
      tags: own.tags,
      meetingDate: own.meeting_date,
      municipality: place.value.city,
      province: place.value.administrative_area,
      consent: true,
      ...(n.labels?.includes(urgentLabel) ? { urgent: true as const } : {}),
    });
  }
  if (signals.length !== payload.manifest.counts.signals) {
    return refuse('manifest.counts.signals', `must equal the number of signals in the bundle (${signals.length})`);
  }
  return { ok: true, value: signals };
}
