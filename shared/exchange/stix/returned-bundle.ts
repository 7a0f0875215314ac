import { z } from 'zod';
import { manifestFor, type Payload, type PayloadHeader, type ReadResult } from '../payload';
import { obiExtensionId, obiPart } from './obi-extension';
import { bundleScopedId, StixWriter } from './stix-common';
import { indexBundle, objectPath, parseObject, refuse, resolve, stixRef } from './stix-read';

/**
 * The returned bundle: the team lead's verdict on an officer's signals, back to the officer. Each
 * verdict is a STIX `note` with `signal_id` and `status` in the OBI Werkplek extension; `content` is
 * the reason of a return (or the status in words), `abstract` the status. A note must refer to
 * something inside the bundle: it refers to the bundle's grouping, which in turn holds the notes.
 */

export const signalVerdicts = ['approved', 'returned', 'delivered'] as const;
export type SignalVerdict = (typeof signalVerdicts)[number];

export type SignalStatus = { signalRef: string; status: 'approved' | 'delivered' } | { signalRef: string; status: 'returned'; reason: string };

const reasonText = z.string().regex(/\S/, 'must not be blank').max(2000, 'must be at most 2000 characters');

export const signalStatusSchema = z.discriminatedUnion('status', [
  z.strictObject({ signalRef: z.uuid('must be a UUID'), status: z.enum(['approved', 'delivered']) }),
  z.strictObject({ signalRef: z.uuid('must be a UUID'), status: z.literal('returned'), reason: reasonText }),
]) satisfies z.ZodType<SignalStatus>;

const inWords: Readonly<Record<SignalVerdict, string>> = {
  approved: 'Approved by the team lead.',
  returned: 'Returned by the team lead.',
  delivered: 'Delivered to the central point.',
};

export function buildReturnedPayload(header: PayloadHeader, statuses: readonly SignalStatus[]): Payload {
  const checked = z.array(signalStatusSchema).parse(statuses);
  if (new Set(checked.map((s) => s.signalRef)).size !== checked.length) throw new Error('buildReturnedPayload: one status per signalRef');
  const manifest = manifestFor(header, { kind: 'returned', counts: { signals: checked.length, cells: 0 }, k: null, suppressed: 0, carriedOver: 0 });
  const w = StixWriter.forManifest(manifest);
  const grouping = bundleScopedId(w.bundleId, 'grouping', 'export');
  for (const s of checked) {
    w.own(
      'note',
      s.signalRef,
      { abstract: s.status, content: s.status === 'returned' ? s.reason : inWords[s.status], object_refs: [grouping] },
      { signal_id: s.signalRef, status: s.status },
    );
  }
  const bundle = w.finish({
    type: 'grouping',
    name: `OBI review results ${manifest.period.from} to ${manifest.period.to}`,
    description: `The team lead's verdicts on signals: ${checked.length}.`,
  });
  return { manifest, bundle };
}

const noteSchema = obiPart({ signal_id: z.uuid('must be a UUID'), status: z.enum(signalVerdicts) }).extend({
  type: z.literal('note'),
  content: z.string(),
  object_refs: z.tuple([stixRef('grouping')], "must hold exactly the bundle's grouping"),
});

/** The verdicts of a returned bundle; the first problem is named. */
export function readReturnedBundle(payload: Payload): ReadResult<SignalStatus[]> {
  const indexed = indexBundle(payload, 'returned');
  if (!indexed.ok) return indexed;
  const statuses: SignalStatus[] = [];
  const seen = new Set<string>();
  for (const [i, object] of indexed.value.objects.entries()) {
    if (object.type !== 'note') continue;
    const parsed = parseObject(noteSchema, object, i);
    if (!parsed.ok) return parsed;
    const n = parsed.value;
    const own = n.extensions[obiExtensionId];
    const grouping = resolve(indexed.value, n.object_refs[0], 'grouping', objectPath(i, 'object_refs.0'));
    if (!grouping.ok) return grouping;
    if (seen.has(own.signal_id)) return refuse(objectPath(i, `extensions.${obiExtensionId}.signal_id`), 'appears twice in the bundle');
    seen.add(own.signal_id);
    if (own.status === 'returned') {
      const reason = reasonText.safeParse(n.content);
      if (!reason.success) return refuse(objectPath(i, 'content'), `the reason ${reason.error.issues[0]!.message}`);
      statuses.push({ signalRef: own.signal_id, status: 'returned', reason: reason.data });
    } else {
      statuses.push({ signalRef: own.signal_id, status: own.status });
    }
  }
  if (statuses.length !== payload.manifest.counts.signals) {
    return refuse('manifest.counts.signals', `must equal the number of verdicts in the bundle (${statuses.length})`);
  }
  return { ok: true, value: statuses };
}
