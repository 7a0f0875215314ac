import { Cron } from 'croner';
import { z } from 'zod';
import { regionLevels, targetLevels } from '../exchange/k-anonymity/types';
import { roles } from './role';

/**
 * Machine policy: the one schema for every key IT may set. Validation, defaults, the documentation
 * of each key, the table in docs/it/policy.md, the Group Policy templates (ADMX/ADML), the Linux example file and
 * the registry reader all come from here. Adding a key is one entry in `policyKeys` plus
 * `obi policy templates --out build/policy` (a test fails until the checked-in files match).
 * How a key is stored in the registry follows from its zod type (see policy-representation.ts):
 * enums, booleans, whole numbers and strings map to plain registry values; anything else (objects,
 * lists) is a JSON text in a REG_SZ value.
 */

export interface PolicyKey<S extends z.ZodType> {
  schema: S;
  /** Absent (and not `optional`) means the key is required. */
  default?: z.output<S>;
  /** The key may be absent and has no default; what needs it refuses to work without it. */
  optional?: true;
  description: { nl: string; en: string };
  /** Short name in the Group Policy editor; the key itself when absent. */
  label?: { nl: string; en: string };
  /** Value for the example files when the key is required and not an enum (optional keys without one are left out). */
  example?: z.output<S>;
  /**
   * Texts and JSON values are redacted in diagnostics (they may hold keys or addresses) unless a
   * key says they are safe to show. Enums, booleans and numbers are always shown.
   */
  showInDiagnostics?: true;
  /**
   * Left out of diagnostics altogether, not even a fingerprint: names of people, keys and the
   * paths of the transport, which a guess could otherwise be checked against.
   */
  omitFromDiagnostics?: true;
}

const key = <S extends z.ZodType>(spec: PolicyKey<S>): PolicyKey<S> => spec;

const minisignPublicKey = z.string().regex(/^RW[QRST][A-Za-z0-9+/]{53}$/, 'must be a minisign public key (the second line of a minisign .pub file)');
const ageRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'must be an age recipient (age1…)');
const folderPath = z.string().min(1, 'is required').max(1000);
/** A collection on the WebDAV server, below its address: `/o2l/`, `/obi/central/`. */
const collectionPath = z
  .string()
  .regex(
    /^\/([A-Za-z0-9_~-][A-Za-z0-9._~-]{0,100}\/){1,10}$/,
    'must be a collection path such as "/o2l/" (letters, digits, . _ ~ -; starting and ending with /)',
  );
/** The SHA-256 of a certificate's public key (SPKI), as curl's --pinnedpubkey takes it. */
const spkiPin = z.string().regex(/^sha256\/\/[A-Za-z0-9+/]{43}=$/, 'must be "sha256//" followed by the base64 SHA-256 of the public key (44 characters)');
/** The organisations that issue workstations. */
const organisation = z.enum(['SZW', 'BZ', 'NCTV']);
const afterImport = z.enum(['move', 'delete']).optional();
/** How often a team is expected to report to the central point, to tell silence from an empty report. */
const expectedEvery = z.enum(['week', 'month', 'quarter']);

const folderTransport = z.strictObject({ kind: z.literal('folder'), outbox: folderPath, inbox: folderPath, returns: folderPath.optional(), afterImport });
const webdavTransport = z.strictObject({
  kind: z.literal('webdav'),
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
  outbox: collectionPath,
  inbox: collectionPath,
  returns: collectionPath.optional(),
  caCert: folderPath,
  clientCert: folderPath,
  clientKey: folderPath,
  pinnedKeys: z.array(spkiPin).min(1).max(10).optional(),
  afterImport,
});

const referralLines = z.array(z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters')).min(1).max(12);

/** Where someone in acute danger can turn; IT may keep it current centrally through the policy. */
export const defaultReferralGuidance = {
  nl: [
    'Acuut gevaar voor iemands leven of veiligheid: bel de politie op 112.',
    'Geen spoed, wel aangifte doen of advies van de politie: bel 0900-8844.',
    'Dreiging of druk vanuit een buitenlandse overheid: meld het bij de AIVD via het openbare contactformulier op www.aivd.nl.',
    'Steun voor slachtoffers: Slachtofferhulp Nederland, 0900-0101 of www.slachtofferhulp.nl.',
  ],
  en: [
    "Acute danger to someone's life or safety: call the police on 112.",
    'No emergency, but a report to the police or their advice: call 0900-8844.',
    'Threats or pressure from a foreign government: report it to the AIVD through the public contact form on www.aivd.nl.',
    'Support for victims: Slachtofferhulp Nederland (Victim Support Netherlands), 0900-0101 or www.slachtofferhulp.nl.',
  ],
};

/**
 * Why the scheduler (croner, with the options schedule.ts uses) would not run an expression, or
 * null. An expression that matches no date at all, such as the 31st of February, is refused here:
 * otherwise nothing would ever be sent and nobody would be told.
 */
function cronProblem(expression: string): string | null {
  let next: Date | null;
  try {
    next = new Cron(expression, { paused: true }).nextRun();
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^CronPattern: /, '') : 'not readable';
    return `is not a cron expression the scheduler can read (${reason})`;
  }
  return next ? null : 'can never fire (no date matches it, as with 31 February)';
}

/** A cron expression (five or six fields) that the scheduler reads and that fires at some time. */
const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression of five or six fields, such as "0 9 * * 1"')
  .superRefine((expression, ctx) => {
    const problem = cronProblem(expression);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/**
 * In a list of people, each of these fields names one person only. A second officer with the same
 * name, signer key or recipient would have bundles taken as someone else's, or returns sent to the
 * wrong officer; the later entry is named.
 */
function eachUsedOnce<F extends string>(fields: readonly F[]) {
  return (entries: ReadonlyArray<Record<F, string>>, ctx: z.RefinementCtx) => {
    for (const field of fields) {
      const first = new Map<string, number>();
      entries.forEach((entry, i) => {
        const earlier = first.get(entry[field]);
        if (earlier === undefined) first.set(entry[field], i);
        else ctx.addIssue({ code: 'custom', path: [i, field], message: `is used twice (also by entry ${earlier})` });
      });
    }
  };
}

const optionalKey = <S extends z.ZodType>(spec: Omit<PolicyKey<S>, 'default' | 'optional'>): PolicyKey<S> & { optional: true } => ({
  ...spec,
  optional: true,
});

export const policyKeys = {
  organisation: key({
    label: { nl: 'Organisatie', en: 'Organisation' },
    schema: organisation,
    description: {
      nl: 'Organisatie die deze werkplek uitgeeft: SZW, BZ of NCTV.',
      en: 'Organisation that issues this workstation: SZW, BZ or NCTV.',
    },
  }),
  role: key({
    label: { nl: 'Rol', en: 'Role' },
    schema: z.enum(roles),
    description: {
      nl: 'Rol van de gebruiker: officer (contactfunctionaris), teamlead of central (het centrale punt dat teambundels inleest en het fenomeenbeeld maakt).',
      en: 'Role of the user: officer (liaison officer), teamlead or central (the central point that takes in team bundles and reports the fenomeenbeeld).',
    },
  }),
  lockAfterMinutes: key({
    label: { nl: 'Automatisch vergrendelen na (minuten)', en: 'Lock automatically after (minutes)' },
    schema: z.number().int().min(1).max(480),
    default: 10,
    description: {
      nl: 'Minuten zonder activiteit waarna de kluis vergrendelt (1–480).',
      en: 'Minutes without activity after which the vault locks (1–480).',
    },
  }),
  allowOsKeyWrap: key({
    label: { nl: 'Ontgrendelen met het account toestaan', en: 'Allow unlocking with the account' },
    schema: z.boolean(),
    default: false,
    description: {
      nl: 'Sta ontgrendelen met het account van het besturingssysteem toe (Electron safeStorage).',
      en: 'Allow unlocking with the operating-system account (Electron safeStorage).',
    },
  }),
  retentionMonths: key({
    label: { nl: 'Bewaartermijn ruwe notities (maanden)', en: 'Retention of raw notes (months)' },
    schema: z.number().int().min(1).max(120),
    default: 24,
    description: {
      nl: 'Maanden na een gesprek waarna de ruwe notities worden verwijderd (1–120); signalen en hun tags blijven.',
      en: 'Months after a meeting after which its raw notes are deleted (1–120); signals and their tags stay.',
    },
  }),
  kAnonymity: key({
    label: { nl: 'k-anonimiteit van de teambundel', en: 'k-anonymity of the team bundle' },
    schema: z.number().int().min(2).max(100),
    default: 5,
    description: {
      nl: 'Minimaal aantal verschillende gesprekken in elke cel die de teamleider naar het centrale punt stuurt (2–100). Vijf signalen uit één gesprek tellen als één gesprek. Signalen waarvan de gesprekken dat aantal niet halen, wachten op de volgende periode.',
      en: 'Minimum number of distinct conversations in every cell the team lead sends to the central point (2–100). Five signals from one conversation count as one conversation. Signals whose conversations do not reach it wait for the next period.',
    },
  }),
  releaseFloor: key({
    label: { nl: 'Grofste detail van de teambundel', en: 'Release floor of the team bundle' },
    schema: z.strictObject({
      period: z.enum(['week', 'month', 'quarter']).default('month'),
      region: z.enum(regionLevels).optional(),
      target: z.enum(targetLevels).optional(),
    }),
    default: { period: 'month' },
    showInDiagnostics: true,
    description: {
      nl: 'Het fijnste detail waarmee een cel de teambundel verlaat, per dimensie: period (week, month of quarter; standaard month; een dag nooit), region (municipality, province, landsdeel of country) en target (specific, group of any). Ook als k een fijnere cel zou toestaan, gaat niets fijner weg dan het fenomeenbeeld nodig heeft: een week en een gemeente samen wijzen één bijeenkomst aan (dataminimalisatie, AVG art. 5 lid 1 onder c). week alleen met releaseFloorReason.',
      en: 'The finest detail with which a cell leaves the team bundle, per dimension: period (week, month or quarter; default month; never a day), region (municipality, province, landsdeel or country) and target (specific, group or any). Even where k would allow a finer cell, nothing leaves finer than the fenomeenbeeld needs: a week and a municipality together point at one meeting (data minimisation, GDPR art. 5(1)(c)). week only with releaseFloorReason.',
    },
  }),
  releaseFloorReason: optionalKey({
    label: { nl: 'Reden voor weken in de teambundel', en: 'Reason for weeks in the team bundle' },
    schema: z.string().trim().min(10, 'must say why, in at least 10 characters').max(500, 'must be at most 500 characters'),
    showInDiagnostics: true,
    description: {
      nl: 'Verplicht als releaseFloor.period "week" is: waarom het centrale punt cellen per week nodig heeft. De teamleider ziet de reden bij elke teambundel en elke bundel met weken staat in het auditlog.',
      en: 'Required when releaseFloor.period is "week": why the central point needs cells per week. The team lead sees the reason with every team bundle, and every bundle with weeks is in the audit log.',
    },
  }),
  illustrationsPerCell: key({
    label: { nl: 'Samenvattingen per cel in de teambundel', en: 'Summaries per cell in the team bundle' },
    schema: z.number().int().min(0).max(5),
    default: 2,
    showInDiagnostics: true,
    description: {
      nl: 'Hoeveel geredigeerde, door de teamleider beoordeelde samenvattingen (0–5) als illustratie met elke cel naar het centrale punt gaan, elk uit een ander gesprek van die cel en willekeurig gekozen. 0: geen samenvattingen, alleen de tellingen.',
      en: 'How many redacted summaries, reviewed by the team lead (0–5), go with each cell to the central point as illustrations, each from another conversation of that cell and chosen at random. 0: no summaries, only the counts.',
    },
  }),
  reviewWithinDays: key({
    label: { nl: 'Beoordelen binnen (dagen)', en: 'Review within (days)' },
    schema: z.number().int().min(1).max(60),
    default: 5,
    description: {
      nl: 'Voor een teamleider: dagen waarbinnen een binnengekomen signaal beoordeeld hoort te zijn (1–60); daarna staat het als te laat in de werkvoorraad.',
      en: 'For a team lead: days within which an arrived signal should be reviewed (1–60); after that the work queue marks it overdue.',
    },
  }),
  referralGuidance: key({
    label: { nl: 'Doorverwijzing bij acuut gevaar', en: 'Referral guidance for acute danger' },
    schema: z.strictObject({ nl: referralLines, en: referralLines }),
    default: defaultReferralGuidance,
    showInDiagnostics: true,
    description: {
      nl: 'Tekst die een contactfunctionaris bij een urgent signaal ziet: waar iemand in acuut gevaar terechtkan (per taal een lijst van regels). De app neemt zelf met niemand contact op.',
      en: 'Text a liaison officer sees with an urgent signal: where someone in acute danger can turn (a list of lines per language). The app contacts nobody itself.',
    },
  }),
  language: key({
    label: { nl: 'Standaardtaal', en: 'Default language' },
    schema: z.enum(['nl', 'en']),
    default: 'nl',
    description: {
      nl: 'Standaardtaal van de interface: nl of en. De gebruiker kan Engels kiezen.',
      en: 'Default interface language: nl or en. The user may switch.',
    },
  }),
  updates: key({
    label: { nl: 'Updates', en: 'Updates' },
    schema: z.enum(['off', 'notify', 'auto']),
    default: 'off',
    description: {
      nl: 'Updates van de app: off (IT rolt nieuwe versies uit), notify (de app meldt een nieuwe versie en vraagt toestemming) of auto (de app downloadt zelf en vraagt alleen om te herstarten). Alleen ondertekende Windows-installaties (NSIS) updaten zichzelf.',
      en: 'App updates: off (IT deploys new versions), notify (the app announces a new version and asks first) or auto (the app downloads by itself and only asks to restart). Only signed Windows installs (NSIS) update themselves.',
    },
  }),
  updateFeedUrl: optionalKey({
    label: { nl: 'Adres van de updatefeed', en: 'Update feed address' },
    schema: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
    showInDiagnostics: true,
    description: {
      nl: 'https-adres van de eigen updatefeed (electron-updater, provider generic: de map met latest.yml en de installer). Verplicht als updates notify of auto is.',
      en: 'https address of your own update feed (electron-updater, generic provider: the folder holding latest.yml and the installer). Required when updates is notify or auto.',
    },
  }),
  teamLead: optionalKey({
    label: { nl: 'Teamleider (sleutels)', en: 'Team lead (keys)' },
    schema: z.strictObject({ signer: minisignPublicKey, recipient: ageRecipient }),
    omitFromDiagnostics: true,
    example: {
      signer: 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6',
      recipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
    },
    description: {
      nl: 'Voor een contactfunctionaris: de publieke sleutels van de teamleider (signer: minisign, recipient: age), zoals `obi keys show` op de werkplek van de teamleider ze toont. Bundels gaan versleuteld naar deze ontvanger; teruggestuurde bundels worden alleen van deze ondertekenaar aanvaard.',
      en: "For a liaison officer: the team lead's public keys (signer: minisign, recipient: age), as `obi keys show` prints them on the team lead's workstation. Bundles are encrypted to this recipient; returned bundles are only accepted from this signer.",
    },
  }),
  team: optionalKey({
    label: { nl: 'Team (sleutels van de contactfunctionarissen)', en: 'Team (keys of the liaison officers)' },
    schema: z
      .array(z.strictObject({ name: z.string().min(1).max(100), signer: minisignPublicKey, recipient: ageRecipient }))
      .min(1)
      .max(200)
      .superRefine(eachUsedOnce(['name', 'signer', 'recipient'])),
    omitFromDiagnostics: true,
    example: [
      {
        name: 'officer-1',
        signer: 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6',
        recipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
      },
    ],
    description: {
      nl: 'Voor een teamleider: de contactfunctionarissen van het team met hun publieke sleutels. Alleen bundels van deze ondertekenaars worden aanvaard; teruggestuurde signalen gaan versleuteld naar hun ontvanger.',
      en: 'For a team lead: the liaison officers of the team with their public keys. Only bundles from these signers are accepted; returned signals are encrypted to their recipient.',
    },
  }),
  central: optionalKey({
    label: { nl: 'Centraal punt (sleutel)', en: 'Central point (key)' },
    schema: z.strictObject({ recipient: ageRecipient }),
    omitFromDiagnostics: true,
    example: { recipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p' },
    description: {
      nl: 'Voor een teamleider: de age-ontvanger van het centrale punt. De teambundel wordt naar deze sleutel versleuteld.',
      en: 'For a team lead: the age recipient of the central point. The team bundle is encrypted to this key.',
    },
  }),
  transport: optionalKey({
    label: { nl: 'Transport', en: 'Transport' },
    schema: z.discriminatedUnion('kind', [folderTransport, webdavTransport]),
    omitFromDiagnostics: true,
    example: { kind: 'folder', outbox: '\\\\server\\obi\\naar-teamleider', inbox: '\\\\server\\obi\\van-teamleider' },
    description: {
      nl: 'Hoe bundels reizen. kind "folder": een map op een netwerkshare of verwisselbare schijf; outbox: waar deze werkplek zijn bundels neerzet; inbox: waar hij bundels leest; returns (teamleider): waar teruggestuurde signalen voor de contactfunctionarissen heen gaan. kind "webdav": een WebDAV-server over HTTPS met wederzijdse TLS; url: het https-adres van de server; outbox, inbox en returns: collecties daaronder, zoals "/o2l/"; caCert: PEM-bestand van de CA waar het servercertificaat naar moet leiden; clientCert en clientKey: PEM-bestanden van het certificaat en de sleutel van deze werkplek; pinnedKeys (optioneel): toegestane publieke sleutels van de server als "sha256//…". afterImport: "move" (standaard, naar processed/) of "delete" voor ingelezen bundels.',
      en: 'How bundles travel. kind "folder": a folder on a network share or removable media; outbox: where this workstation writes its bundles; inbox: where it reads bundles; returns (team lead): where returned signals for the officers go. kind "webdav": a WebDAV server over HTTPS with mutual TLS; url: the https address of the server; outbox, inbox and returns: collections below it, such as "/o2l/"; caCert: PEM file of the CA the server certificate must chain to; clientCert and clientKey: PEM files of this workstation\'s certificate and key; pinnedKeys (optional): allowed public keys of the server as "sha256//…". afterImport: "move" (default, into processed/) or "delete" for bundles taken in.',
    },
  }),
  schedule: key({
    label: { nl: 'Schema voor verzenden', en: 'Sending schedule' },
    schema: z.strictObject({ officerToLead: cron.default('0 9 * * 1'), leadToCentral: cron.default('0 9 1 * *') }),
    default: { officerToLead: '0 9 * * 1', leadToCentral: '0 9 1 * *' },
    showInDiagnostics: true,
    description: {
      nl: 'Cron-uitdrukkingen (lokale tijd) voor het automatisch verzenden: officerToLead (standaard elke maandag 9:00) en leadToCentral (standaard de eerste van de maand 9:00). Een gemiste beurt (laptop uit of kluis dicht) volgt eenmaal bij de volgende start.',
      en: 'Cron expressions (local time) for sending automatically: officerToLead (default every Monday 9:00) and leadToCentral (default the first of the month 9:00). A run missed (laptop off or vault locked) follows once at the next start.',
    },
  }),
  teams: optionalKey({
    label: { nl: 'Teams (sleutels van de teamleiders)', en: 'Teams (keys of the team leads)' },
    schema: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(100),
          organisation,
          signer: minisignPublicKey,
          expectedEvery: expectedEvery.optional(),
        }),
      )
      .min(1)
      .max(500)
      .superRefine(eachUsedOnce(['name', 'signer'])),
    omitFromDiagnostics: true,
    example: [{ name: 'team-szw-noord', organisation: 'SZW', signer: 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6' }],
    description: {
      nl: 'Voor het centrale punt: de ingeschreven teams, elk met naam, organisatie (SZW, BZ of NCTV) en de publieke minisign-sleutel van de teamleider (signer, van het inschrijvingsblad of `obi keys show`); optioneel expectedEvery (week, month of quarter) als dit team anders rapporteert dan expectedEvery zegt. Alleen teambundels van deze ondertekenaars worden aanvaard, en alleen met de organisatie die hier staat.',
      en: "For the central point: the enrolled teams, each with a name, an organisation (SZW, BZ or NCTV) and the team lead's minisign public key (signer, from the enrolment sheet or `obi keys show`); optionally expectedEvery (week, month or quarter) when this team reports otherwise than expectedEvery says. Only team bundles from these signers are accepted, and only with the organisation given here.",
    },
  }),
  reportPeriod: key({
    label: { nl: 'Periode van het fenomeenbeeld', en: 'Period of the fenomeenbeeld' },
    schema: z.enum(['quarter', 'month']),
    default: 'quarter',
    description: {
      nl: 'Voor het centrale punt: de periode die het fenomeenbeeld standaard beslaat: quarter (kwartaal) of month (maand).',
      en: 'For the central point: the period the fenomeenbeeld covers by default: quarter or month.',
    },
  }),
  expectedEvery: key({
    label: { nl: 'Teams rapporteren elke', en: 'Teams report every' },
    schema: expectedEvery,
    default: 'month',
    description: {
      nl: 'Voor het centrale punt: hoe vaak een team een teambundel hoort te sturen (week, month of quarter), ook een lege. Een team dat in een periode niets stuurde, heet dan stil, nooit nul; een team kan dit in teams overschrijven.',
      en: 'For the central point: how often a team is expected to send a team bundle (week, month or quarter), an empty one included. A team that sent nothing for a period is then shown as silent, never as zero; a team may override this in teams.',
    },
  }),
  reportMinimum: key({
    label: { nl: 'Drempel van het fenomeenbeeld', en: 'Threshold of the fenomeenbeeld' },
    schema: z.number().int().min(2).max(1000),
    default: 10,
    description: {
      nl: 'Voor het centrale punt: kleinste aantal gesprekken dat het fenomeenbeeld als getal toont (2–1000); kleinere getallen worden onderdrukt, met secundaire onderdrukking zodat ze niet uit totalen terug te rekenen zijn.',
      en: 'For the central point: the smallest number of conversations the fenomeenbeeld shows as a figure (2–1000); smaller figures are suppressed, with secondary suppression so they cannot be recovered from totals.',
    },
  }),
  taxonomyKey: optionalKey({
    label: { nl: 'Sleutel voor taxonomie-updates', en: 'Key for taxonomy updates' },
    schema: minisignPublicKey,
    omitFromDiagnostics: true,
    description: {
      nl: 'Publieke minisign-sleutel (base64, tweede regel van het .pub-bestand) waarmee het centrale punt nieuwe taxonomieversies ondertekent. Zonder deze sleutel wordt geen nieuwe taxonomie ingelezen.',
      en: 'Minisign public key (base64, the second line of the .pub file) with which the central point signs new taxonomy versions. Without it no new taxonomy is imported.',
    },
  }),
};

type Keys = typeof policyKeys;
export type PolicyKeyName = keyof Keys;
type OptionalKeyName = { [K in PolicyKeyName]: Keys[K] extends { optional: true } ? K : never }[PolicyKeyName];
export type Policy = { [K in Exclude<PolicyKeyName, OptionalKeyName>]: z.output<Keys[K]['schema']> } & {
  [K in OptionalKeyName]?: z.output<Keys[K]['schema']>;
};

export interface PolicyProblem {
  key: string;
  message: string;
}

export type PolicyParse = { ok: true; policy: Policy; warnings: PolicyProblem[] } | { ok: false; problems: PolicyProblem[]; warnings: PolicyProblem[] };

export const policyKeyNames = Object.keys(policyKeys) as PolicyKeyName[];

export const isPolicyKeyName = (name: string): name is PolicyKeyName => Object.hasOwn(policyKeys, name);

/** The spec of a key with its schema widened, for code that handles every key alike. */
export const policyKeySpec = (name: PolicyKeyName): PolicyKey<z.ZodType> => policyKeys[name];

/**
 * Rules between keys, checked once every key is valid on its own. Each names the key to fix.
 */
export const policyRules: ReadonlyArray<(policy: Policy) => PolicyProblem | null> = [
  (p) => (p.updates !== 'off' && p.updateFeedUrl === undefined ? { key: 'updateFeedUrl', message: 'is required when updates is "notify" or "auto"' } : null),
  (p) =>
    p.releaseFloor.period === 'week' && p.releaseFloorReason === undefined
      ? { key: 'releaseFloorReason', message: 'is required when releaseFloor.period is "week": say why the central point needs weeks' }
      : null,
];

/**
 * Checks a candidate policy object. Every wrong key is reported, not only the first; unknown keys
 * become warnings so that a newer template never stops an older app.
 */
export function parsePolicy(raw: unknown): PolicyParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ key: '(root)', message: 'policy must be a JSON object' }], warnings: [] };
  }
  const input = raw as Record<string, unknown>;
  const problems: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = Object.keys(input)
    .filter((k) => !Object.hasOwn(policyKeys, k))
    .map((k) => ({ key: k, message: 'unknown key, ignored' }));
  const policy: Record<string, unknown> = {};
  for (const name of policyKeyNames) {
    const spec = policyKeySpec(name);
    if (!Object.hasOwn(input, name) || input[name] === undefined) {
      if (spec.default !== undefined) policy[name] = spec.default;
      else if (!spec.optional) problems.push({ key: name, message: 'is required' });
      continue;
    }
    const parsed = spec.schema.safeParse(input[name]);
    if (parsed.success) policy[name] = parsed.data;
    else {
      // Inside an object or list value, say where: "teamLead: signer: must be …".
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
      problems.push({ key: name, message: `${where}${describeIssue(issue)}` });
    }
  }
  if (problems.length === 0) {
    for (const rule of policyRules) {
      const problem = rule(policy as Policy);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, policy: policy as Policy, warnings };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is not valid';
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** Describes a policy problem list in one line per key, for the CLI and the start-up refusal. */
export const formatPolicyProblems = (problems: PolicyProblem[]): string => problems.map((p) => `${p.key}: ${p.message}`).join('; ');
