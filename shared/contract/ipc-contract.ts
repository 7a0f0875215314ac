import { z } from 'zod';
import { errorCodes } from './errors';
import { exportFormat, fenomeenbeeldView, reportCharts, reportLanguage, reportPeriodLabel } from './fenomeenbeeld-view';
import { captureMemorySchema, rememberRequest } from '../capture/capture-memory';
import { isoDate, meetingFields, meetingKinds, notesText } from '../capture/meeting-schema';
import { signalStates } from '../capture/signal-states';
import { roles } from '../policy/role';
import { redactionCategories } from '../redaction/categories';
import { taxonomyFileMaxBytes } from '../taxonomy/taxonomy-package';
import { updateChangeKinds } from '../taxonomy/update-changes';
import { taxonomyViewSchema } from '../taxonomy/taxonomy-view';
import { queueItemSchema } from '../triage/work-queue';
import type { LockReason } from '../vault/lock-reason';

/**
 * The one IPC surface of the app: channel → request schema → response schema. Main (and the
 * browser harness) validate every request against it at runtime; the preload builds its bridge
 * from its keys; the renderer's client is typed from it. Adding a channel is one entry here plus
 * its handler, which the compiler then demands.
 */

const passphraseNew = z.string().min(12, 'must be at least 12 characters').max(1024, 'must be at most 1024 characters');
// Unlocking never tells which rule a guess broke; it only bounds the size.
const passphraseAny = z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters');
const recoveryKeyText = z.string().min(1, 'is required').max(200, 'is too long');
const empty = z.strictObject({});

export const vaultState = z.enum(['uninitialised', 'locked', 'unlocked']);

export const vaultStatus = z.object({
  state: vaultState,
  /** True while the recovery key shown at setup has not been confirmed by the user. */
  recoveryKeyPending: z.boolean(),
  /** An OS-wrapped key slot exists and the OS can currently unwrap keys. */
  osUnlockAvailable: z.boolean(),
  /** Policy allows an OS-wrapped slot and the OS offers one. */
  osUnlockAllowed: z.boolean(),
  osUnlockEnabled: z.boolean(),
  /** Milliseconds until the next unlock attempt is accepted (0 when allowed now). */
  retryAfterMs: z.number().int().nonnegative(),
  failedAttempts: z.number().int().nonnegative(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const policyView = z.object({
  organisation: z.string(),
  role: z.enum(roles),
  language: z.enum(['nl', 'en']),
  lockAfterMinutes: z.number(),
  allowOsKeyWrap: z.boolean(),
  warnings: z.array(z.string()),
});
export type PolicyView = z.infer<typeof policyView>;

/** Where a policy value came from (see electron/core/policy/policy-sources.ts). */
export const policyOrigin = z.enum(['registry', 'machine-file', 'dev-file', 'default']);

/**
 * The effective machine policy as the app shows it: each valid key with its value (as JSON text)
 * and origin, and, when the policy is invalid, each wrong key with what is wrong.
 */
export const effectivePolicyView = z.object({
  valid: z.boolean(),
  entries: z.array(z.object({ key: z.string(), value: z.string(), origin: policyOrigin })),
  problems: z.array(z.object({ key: z.string(), message: z.string(), source: policyOrigin.nullable() })),
  warnings: z.array(z.object({ key: z.string(), message: z.string() })),
});
export type EffectivePolicyView = z.infer<typeof effectivePolicyView>;

export const auditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  event: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

const id = z.number().int().positive();
const signalState = z.enum(signalStates);
const span = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) });
const tagList = z.array(z.string().min(1).max(200)).max(100);

export const meetingView = z.object({
  id,
  date: z.string(),
  time: z.string().nullable(),
  kind: z.enum(meetingKinds),
  community: z.string(),
  municipality: z.string(),
  province: z.string(),
  setting: z.string(),
  participants: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  notesRemovedAt: z.string().nullable(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const signalView = z.object({
  id,
  meetingId: id,
  state: signalState,
  summary: z.string(),
  consent: z.boolean(),
  taxonomyVersion: z.number().int(),
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stateChangedAt: z.string(),
  tags: z.array(z.string()),
});
export type SignalView = z.infer<typeof signalView>;

export const signalDetailView = signalView.extend({
  spans: z.array(z.object({ start: z.number().int(), end: z.number().int(), quote: z.string() })),
});
export type SignalDetailView = z.infer<typeof signalDetailView>;

export const notesView = z.object({ body: z.string(), revision: z.number().int(), savedAt: z.string() });

export const meetingListItem = meetingView.extend({ signals: z.number().int() });
export type MeetingListItem = z.infer<typeof meetingListItem>;

/** Two meetings that are likely one conversation recorded twice, with how alike their notes are (0–1). */
export const duplicatePairView = z.object({ first: meetingListItem, second: meetingListItem, similarity: z.number().min(0).max(1) });
export type DuplicatePairView = z.infer<typeof duplicatePairView>;

/** What an import did: meetings written, meetings already in the vault (left as they were), signals written. */
export const importOutcomeView = z.object({ new: z.number().int(), alreadyPresent: z.number().int(), signals: z.number().int() });
export type ImportOutcomeView = z.infer<typeof importOutcomeView>;

/** The app's import takes the text of one file; larger files go through `obi notes import`. */
export const maxImportTextLength = 50_000_000;

export const searchFilters = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  community: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  state: signalState.optional(),
  tags: tagList.optional(),
});
export type SearchFiltersInput = z.infer<typeof searchFilters>;

export const searchHit = z.object({
  kind: z.enum(['meeting', 'signal']),
  meetingId: id,
  signalId: id.nullable(),
  date: z.string(),
  community: z.string(),
  municipality: z.string(),
  province: z.string(),
  state: signalState.nullable(),
  excerpt: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type SearchHitView = z.infer<typeof searchHit>;

const tagCount = z.object({ tag: z.string(), count: z.number().int() });

const workstationKeysView = z.object({ signer: z.string(), recipient: z.string(), fingerprint: z.string() });

export const reviewItemView = z.object({
  id,
  bundleId: z.string(),
  signalRef: z.string(),
  officer: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  date: z.string(),
  municipality: z.string().nullable(),
  province: z.string().nullable(),
  state: z.enum(['pending', 'approved', 'returned', 'delivered']),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  carriedSince: z.string().nullable(),
  ownSignal: z.boolean(),
  urgent: z.boolean(),
});
export type ReviewItemView = z.infer<typeof reviewItemView>;

/** What the team lead sees before the team bundle leaves: figures only, no text. */
export const aggregationPreview = z.object({
  k: z.number().int(),
  released: z.object({ signals: z.number().int(), cells: z.number().int() }),
  waiting: z.object({
    signals: z.number().int(),
    combinations: z.array(
      z.object({
        stateActor: z.string(),
        modusOperandi: z.string(),
        channel: z.string(),
        signals: z.number().int(),
        missing: z.number().int(),
        waitingSince: z.string(),
      }),
    ),
  }),
  generalised: z.object({ region: z.number().int(), period: z.number().int(), target: z.number().int() }),
  /** What the release floor did: the period level it holds, the policy's reason when weeks are allowed, and the cells it made coarser. */
  floor: z
    .object({
      floor: z.object({ period: z.string().optional() }),
      reason: z.string().nullable(),
      coarsened: z.number().int(),
      cellsWithoutFloor: z.number().int(),
    })
    .nullable()
    .optional(),
});
export type AggregationPreviewView = z.infer<typeof aggregationPreview>;

export const followUpView = z.object({
  id,
  meetingId: id,
  dueOn: z.string(),
  note: z.string(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type FollowUpView = z.infer<typeof followUpView>;

/** The role's work queue: the items in order; for a team lead also per officer and what waits for k. */
export const workQueueView = z.object({
  role: z.enum(roles),
  items: z.array(queueItemSchema),
  perOfficer: z.array(z.object({ officer: z.string(), pending: z.number().int(), returned: z.number().int() })),
  waitingForK: z
    .object({
      k: z.number().int(),
      signals: z.number().int(),
      combinations: aggregationPreview.shape.waiting.shape.combinations,
    })
    .nullable(),
});
export type WorkQueueView = z.infer<typeof workQueueView>;

const urgencyView = z.object({ urgent: z.boolean(), markedAt: z.string().nullable() });

export const redactionDecision = z.strictObject({
  surface: z.string().min(1).max(500),
  category: z.enum(redactionCategories),
  decision: z.enum(['redact', 'keep']),
  reason: z.string().max(40).nullable(),
  origin: z.enum(['detected', 'manual']),
});
const decisionList = z.object({ decisions: z.array(redactionDecision) });

/** A taxonomy package as text, no longer than the file the CLI would read. */
const taxonomyUpdateRequest = z.strictObject({
  text: z
    .string()
    .min(1, 'is required')
    .max(taxonomyFileMaxBytes, `must be at most ${taxonomyFileMaxBytes / (1024 * 1024)} MB`),
});

const taxonomyUpdateCheck = z.object({
  namespace: z.string(),
  version: z.number().int(),
  currentVersion: z.number().int(),
  /** How many changes in all, and the first of them. */
  changes: z.object({
    count: z.number().int(),
    list: z.array(z.object({ kind: z.enum(updateChangeKinds), tag: z.string(), to: z.array(z.string()) })),
  }),
});

export const contract = {
  'app.info': {
    request: empty,
    /**
     * `readOnly`: the machine policy is invalid; the app shows which key is wrong, leaves the vault
     * closed and sends nothing. `policy` is null then.
     */
    response: z.object({ version: z.string(), readOnly: z.boolean(), policy: policyView.nullable() }),
  },
  'policy.effective': { request: empty, response: effectivePolicyView },
  'vault.status': { request: empty, response: vaultStatus },
  'vault.setup': {
    request: z.strictObject({ passphrase: passphraseNew }),
    response: z.object({ recoveryKey: z.string(), status: vaultStatus }),
  },
  'vault.confirmRecoveryKey': { request: empty, response: vaultStatus },
  /** A pending recovery key shown earlier (by `obi vault init`, or before the app closed), confirmed by typing it in full. */
  'vault.confirmRecoveryKeyTyped': { request: z.strictObject({ recoveryKey: recoveryKeyText }), response: vaultStatus },
  'vault.newRecoveryKey': {
    request: z.strictObject({ passphrase: passphraseAny }),
    response: z.object({ recoveryKey: z.string(), status: vaultStatus }),
  },
  'vault.unlock': { request: z.strictObject({ passphrase: passphraseAny }), response: vaultStatus },
  'vault.recover': {
    request: z.strictObject({ recoveryKey: recoveryKeyText, newPassphrase: passphraseNew }),
    response: vaultStatus,
  },
  'vault.unlockWithOs': { request: empty, response: vaultStatus },
  'vault.setOsUnlock': { request: z.strictObject({ enabled: z.boolean() }), response: vaultStatus },
  'vault.lock': { request: empty, response: vaultStatus },
  'vault.changePassphrase': {
    request: z.strictObject({ current: passphraseAny, next: passphraseNew }),
    response: vaultStatus,
  },
  /** Key rotation: a new data key re-encrypts the vault; new slots for the (new) passphrase and a new recovery key, shown once. */
  'vault.rekey': {
    request: z.strictObject({ current: passphraseAny, next: passphraseNew }),
    response: z.object({ recoveryKey: z.string(), status: vaultStatus }),
  },
  'session.activity': { request: empty, response: z.object({}) },
  'meetings.create': {
    request: z.strictObject({ fields: meetingFields, notes: notesText.optional() }),
    response: meetingView,
  },
  'meetings.update': { request: z.strictObject({ id, fields: meetingFields }), response: meetingView },
  'meetings.get': {
    request: z.strictObject({ id }),
    response: z.object({ meeting: meetingView, notes: notesView, signals: z.array(signalView) }),
  },
  'meetings.list': {
    request: z.strictObject({
      after: z.strictObject({ date: isoDate, id }).optional(),
      limit: z.number().int().min(1).max(500),
    }),
    response: z.object({ items: z.array(meetingListItem), total: z.number().int() }),
  },
  /** Imports one JSON Lines file (its text), all or nothing; a meeting already in the vault is recognised and left as it is. */
  'notes.import': {
    request: z.strictObject({ text: z.string().max(maxImportTextLength, 'is larger than 50 MB; import the file with obi notes import') }),
    response: importOutcomeView,
  },
  'meetings.duplicates': { request: empty, response: z.object({ pairs: z.array(duplicatePairView) }) },
  /** Merges meeting `remove` into meeting `keep`: one conversation with the signals of both. */
  'meetings.merge': {
    request: z.strictObject({ keep: id, remove: id }),
    response: z.object({ kept: id, removed: id, signals: z.number().int() }),
  },
  'meetings.keepApart': { request: z.strictObject({ first: id, second: id }), response: z.object({}) },
  /** What the meeting form and the tag picker remember (last community and municipality, recent tags), kept in the vault. */
  'capture.memory': { request: empty, response: captureMemorySchema },
  'capture.remember': { request: rememberRequest, response: captureMemorySchema },
  /** The one-time move of what an earlier version kept in the renderer's storage; what the vault holds wins. */
  'capture.adoptMemory': { request: captureMemorySchema, response: captureMemorySchema },
  'notes.save': {
    request: z.strictObject({ meetingId: id, body: notesText, baseRevision: z.number().int().min(0) }),
    response: z.object({ revision: z.number().int(), savedAt: z.string() }),
  },
  'signals.create': {
    request: z.strictObject({
      meetingId: id,
      spans: z.array(span).min(1).max(50),
      summary: z.string().max(5000),
      tags: tagList,
      consent: z.boolean(),
    }),
    response: signalDetailView,
  },
  'signals.get': { request: z.strictObject({ id }), response: signalDetailView },
  'signals.update': {
    request: z.strictObject({
      id,
      summary: z.string().max(5000).optional(),
      tags: tagList.optional(),
      consent: z.boolean().optional(),
      addSpans: z.array(span).max(50).optional(),
    }),
    response: signalDetailView,
  },
  'signals.setState': {
    request: z.strictObject({ id, to: z.enum(['draft', 'ready']) }),
    response: signalDetailView,
  },
  'signals.readiness': {
    request: z.strictObject({ id }),
    response: z.object({ problem: z.object({ code: z.string(), message: z.string() }).nullable() }),
  },
  'redaction.decisions': { request: z.strictObject({ signalId: id }), response: decisionList },
  'redaction.decide': { request: z.strictObject({ signalId: id, decision: redactionDecision }), response: decisionList },
  'redaction.undecide': {
    request: z.strictObject({ signalId: id, surface: z.string().min(1).max(500), category: z.enum(redactionCategories) }),
    response: decisionList,
  },
  'redaction.preview': {
    request: z.strictObject({ signalId: id }),
    response: z.object({ text: z.string().nullable(), undecided: z.number().int() }),
  },
  'search.query': {
    request: z.strictObject({
      query: z.string().max(500),
      filters: searchFilters,
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0).max(100_000),
    }),
    response: z.object({ hits: z.array(searchHit) }),
  },
  'overview.get': {
    request: z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM') }),
    response: z.object({
      month: z.string(),
      byState: z.record(signalState, z.number().int()),
      byActor: z.array(tagCount),
      byModusOperandi: z.array(tagCount),
    }),
  },
  'retention.upcoming': {
    request: empty,
    response: z.object({
      retentionMonths: z.number().int(),
      items: z.array(z.object({ meetingId: id, date: z.string(), removeOn: z.string() })),
    }),
  },
  'audit.recent': {
    request: z.strictObject({ limit: z.number().int().min(1).max(200) }),
    response: z.object({ entries: z.array(auditEntryView) }),
  },
  /** The taxonomy in force (imported into the vault or built in), labelled in both languages. */
  'taxonomy.get': { request: empty, response: taxonomyViewSchema },
  /** What needs this user first, in order (see shared/triage/work-queue.ts). */
  'queue.get': { request: empty, response: workQueueView },
  'signals.urgency': { request: z.strictObject({ id }), response: urgencyView },
  'signals.setUrgent': { request: z.strictObject({ id, urgent: z.boolean() }), response: urgencyView },
  /** Where someone in acute danger can turn, per language, from the policy; the app contacts nobody. */
  'referral.guidance': { request: empty, response: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }) },
  'followUps.list': { request: z.strictObject({ meetingId: id }), response: z.object({ followUps: z.array(followUpView) }) },
  'followUps.add': {
    request: z.strictObject({ meetingId: id, dueOn: isoDate, note: z.string().min(1).max(200) }),
    response: followUpView,
  },
  'followUps.done': { request: z.strictObject({ id }), response: followUpView },
  /** This workstation's public keys for bundles and their fingerprint; null before `obi keys init`. Never the secret parts. */
  'keys.show': {
    request: empty,
    response: z.object({ keys: workstationKeysView.nullable() }),
  },
  'keys.create': { request: empty, response: z.object({ keys: workstationKeysView }) },
  'enrolment.sheet': { request: empty, response: z.object({ text: z.string() }) },
  'enrolment.save': { request: empty, response: z.object({ path: z.string() }) },
  /** The fenomeenbeeld of a period (central point only): the default period when none is given, the choices of the selector. */
  'central.report': {
    request: z.strictObject({ period: reportPeriodLabel.optional(), lang: reportLanguage }),
    response: z.object({ report: fenomeenbeeldView, charts: reportCharts, periods: z.array(z.string()) }),
  },
  /** The report of a period in one format, saved into Documents; the file's path. */
  'central.export': {
    request: z.strictObject({ period: reportPeriodLabel, format: exportFormat, lang: reportLanguage }),
    response: z.object({ path: z.string() }),
  },
  'exchange.status': {
    request: empty,
    response: z.object({
      role: z.enum(roles),
      configured: z.boolean(),
      /** What the policy still lacks for sending, by key. */
      missing: z.array(z.string()),
      hasKeys: z.boolean(),
      waiting: z.number().int(),
      prepared: z.string().nullable(),
      nextRun: z.string().nullable(),
      lastRun: z.string().nullable(),
    }),
  },
  'exchange.prepare': {
    request: empty,
    response: z.object({ id: z.string(), payload: z.string(), blocked: z.array(id), preview: aggregationPreview.nullable() }),
  },
  'exchange.send': {
    request: empty,
    response: z.object({ files: z.number().int(), failures: z.array(z.object({ bundle: z.string(), code: z.enum(errorCodes) })) }),
  },
  /** Nu naar de teamleider: an urgent ready signal in a bundle of its own, at once. */
  'exchange.sendUrgent': {
    request: z.strictObject({ id }),
    response: z.object({ files: z.number().int(), failures: z.array(z.object({ bundle: z.string(), code: z.enum(errorCodes) })) }),
  },
  'exchange.discard': { request: empty, response: z.object({ discarded: z.number().int() }) },
  'exchange.history': {
    request: empty,
    response: z.object({
      bundles: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(['officer', 'team', 'returned']),
          addressee: z.string(),
          createdAt: z.string(),
          state: z.enum(['prepared', 'delivered']),
          deliveredAt: z.string().nullable(),
        }),
      ),
    }),
  },
  'exchange.payload': { request: z.strictObject({ id: z.string().uuid() }), response: z.object({ payload: z.string() }) },
  'inbox.import': {
    request: empty,
    response: z.object({
      results: z.array(
        z.object({
          file: z.string(),
          outcome: z.enum(['imported', 'refused', 'skipped']),
          reason: z.string().optional(),
          signals: z.number().int().optional(),
        }),
      ),
    }),
  },
  'review.list': {
    request: z.strictObject({ state: z.enum(['pending', 'approved', 'returned', 'delivered', 'all']) }),
    response: z.object({ items: z.array(reviewItemView) }),
  },
  'review.approve': { request: z.strictObject({ id }), response: reviewItemView },
  'review.return': { request: z.strictObject({ id, reason: z.string().min(1).max(500) }), response: reviewItemView },
  'review.redact': {
    request: z.strictObject({ id, start: z.number().int().min(0), end: z.number().int().min(1), category: z.enum(redactionCategories) }),
    response: reviewItemView,
  },
  /** A taxonomy package's text, checked as the next version before the central point signs it (central point only). */
  'taxonomy.checkUpdate': { request: taxonomyUpdateRequest, response: taxonomyUpdateCheck },
  /** Signs the package with this workstation's key and saves it and its signature into Documents; their paths. */
  'taxonomy.signUpdate': { request: taxonomyUpdateRequest, response: z.object({ file: z.string(), signature: z.string() }) },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.freeze(Object.keys(contract)) as readonly Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/** Prefix of every IPC channel name on the wire; main refuses anything else. */
export const channelPrefix = 'obi:';

/** Events pushed from the core to the UI. */
export const eventNames = ['vault.locked'] as const;
export type EventName = (typeof eventNames)[number];
export interface EventPayloads {
  'vault.locked': { reason: LockReason };
}
export const eventChannel = 'obi:event';
