/**
 * The middle rung of the target hierarchy (specific target → group → any). Three groups, each
 * after why a state actor goes after people, which is what the fenomeenbeeld asks about targets
 * once the specific value has to go:
 * - critics and opponents: targeted for what they say, publish or know (silencing, surveillance);
 * - communities and identities: targeted for who they are or belong to (control of the diaspora);
 * - organisations and institutions: targeted as a way into Dutch society (steering, co-optation,
 *   access to knowledge and decisions).
 * Each group holds three or four values, so rolling a target up one rung roughly quadruples its cell.
 */
export const targetGroups = {
  'critics-opponents': {
    members: ['activists-dissidents', 'journalists-media', 'human-rights-defenders', 'former-insiders'],
    labels: { nl: 'Critici en tegenstanders', en: 'Critics and opponents' },
  },
  'communities-identities': {
    members: ['religious-leaders-communities', 'ethnic-minority', 'lgbtqi', 'diaspora-general'],
    labels: { nl: 'Gemeenschappen en identiteiten', en: 'Communities and identities' },
  },
  'organisations-institutions': {
    members: ['community-organisations', 'students-academics', 'local-politicians-officials'],
    labels: { nl: 'Organisaties en instellingen', en: 'Organisations and institutions' },
  },
} as const satisfies Record<string, { members: readonly string[]; labels: { nl: string; en: string } }>;

export type TargetGroup = keyof typeof targetGroups;

const groupByTarget = new Map<string, TargetGroup>(
  Object.entries(targetGroups).flatMap(([group, g]) => g.members.map((m): [string, TargetGroup] => [m, group as TargetGroup])),
);

/** The group of a target value, or undefined for a value this version does not know (a newer taxonomy). */
export function targetGroupOf(target: string): TargetGroup | undefined {
  return groupByTarget.get(target);
}

export function isTargetGroup(value: string): value is TargetGroup {
  return Object.hasOwn(targetGroups, value);
}
