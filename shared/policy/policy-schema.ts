import { z } from 'zod';

/**
 * Machine policy: the one schema for every key IT may set. Validation, defaults and the
 * documentation of each key come from here. Later capabilities add keys as entries of `policyKeys`.
 */

interface PolicyKey<S extends z.ZodType> {
  schema: S;
  /** Absent (and not `optional`) means the key is required. */
  default?: z.output<S>;
  /** The key may be absent and has no default; what needs it refuses to work without it. */
  optional?: true;
  description: { nl: string; en: string };
}

const key = <S extends z.ZodType>(spec: PolicyKey<S>): PolicyKey<S> => spec;
const optionalKey = <S extends z.ZodType>(spec: Omit<PolicyKey<S>, 'default' | 'optional'>): PolicyKey<S> & { optional: true } => ({
  ...spec,
  optional: true,
});

/** The base64 line of a minisign public key file: "Ed", an 8-byte key id and a 32-byte Ed25519 key. */
const minisignPublicKey = z.string().regex(/^RW[QRST][A-Za-z0-9+/]{53}$/, 'must be a minisign public key (the second line of a minisign .pub file)');

export const policyKeys = {
  organisation: key({
    schema: z.enum(['SZW', 'BZ', 'NCTV']),
    description: {
      nl: 'Organisatie die deze werkplek uitgeeft: SZW, BZ of NCTV.',
      en: 'Organisation that issues this workstation: SZW, BZ or NCTV.',
    },
  }),
  role: key({
    schema: z.enum(['officer', 'teamlead']),
    description: {
      nl: 'Rol van de gebruiker: officer (contactfunctionaris) of teamlead.',
      en: 'Role of the user: officer (liaison officer) or teamlead.',
    },
  }),
  lockAfterMinutes: key({
    schema: z.number().int().min(1).max(480),
    default: 10,
    description: {
      nl: 'Minuten zonder activiteit waarna de kluis vergrendelt (1–480).',
      en: 'Minutes without activity after which the vault locks (1–480).',
    },
  }),
  allowOsKeyWrap: key({
    schema: z.boolean(),
    default: false,
    description: {
      nl: 'Sta ontgrendelen met het account van het besturingssysteem toe (Electron safeStorage).',
      en: 'Allow unlocking with the operating-system account (Electron safeStorage).',
    },
  }),
  retentionMonths: key({
    schema: z.number().int().min(1).max(120),
    default: 24,
    description: {
      nl: 'Maanden na een gesprek waarna de ruwe notities worden verwijderd (1–120); signalen en hun tags blijven.',
      en: 'Months after a meeting after which its raw notes are deleted (1–120); signals and their tags stay.',
    },
  }),
  language: key({
    schema: z.enum(['nl', 'en']),
    default: 'nl',
    description: {
      nl: 'Standaardtaal van de interface: nl of en. De gebruiker kan Engels kiezen.',
      en: 'Default interface language: nl or en. The user may switch.',
    },
  }),
  taxonomyKey: optionalKey({
    schema: minisignPublicKey,
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

export type PolicyParse =
  | { ok: true; policy: Policy; warnings: PolicyProblem[] }
  | { ok: false; problems: PolicyProblem[]; warnings: PolicyProblem[] };

const keyNames = Object.keys(policyKeys) as PolicyKeyName[];

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
  for (const name of keyNames) {
    const spec: PolicyKey<z.ZodType> = policyKeys[name];
    if (!Object.hasOwn(input, name) || input[name] === undefined) {
      if (spec.default !== undefined) policy[name] = spec.default;
      else if (!spec.optional) problems.push({ key: name, message: 'is required' });
      continue;
    }
    const parsed = spec.schema.safeParse(input[name]);
    if (parsed.success) policy[name] = parsed.data;
    else problems.push({ key: name, message: describeIssue(parsed.error.issues[0]) });
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
export const formatPolicyProblems = (problems: PolicyProblem[]): string =>
  problems.map((p) => `${p.key}: ${p.message}`).join('; ');
