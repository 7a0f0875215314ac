import { roundDownToHour, type Payload } from '../../../shared/exchange/payload';
import { readTeamBundle } from '../../../shared/exchange/stix/team-bundle';
import type { Policy } from '../../../shared/policy/policy-schema';
import type { TaxonomyPackage } from '../../../shared/taxonomy/taxonomy-package';
import { AppError } from '../app-error';
import type { TaggedStore } from '../taxonomy/tagged-records';
import type { OpenVault } from '../vault/vault';
import { cellTags, migrateCellValues, valuesFromTags } from './cell-tags';
import { CentralStore } from './central-store';

/** An enrolled team as the central point's policy lists it. */
export type EnrolledTeamEntry = NonNullable<Policy['teams']>[number];

/** The teams whose team leads the central point trusts; without them no team bundle is taken in. */
export function enrolledTeams(policy: Policy): EnrolledTeamEntry[] {
  if (!policy.teams) throw new AppError('policy_invalid', 'The policy names no teams (teams), so no team bundle can be trusted.');
  return policy.teams;
}

export interface TeamBundleIntake {
  payload: Payload;
  /** The name of the enrolled team whose team lead's key verified the signature. */
  team: string;
  /** The taxonomy in force at the central point; older cells are brought to it. */
  taxonomy: TaxonomyPackage;
  now: Date;
}

/**
 * Takes in one verified, decrypted team bundle: its STIX must be a valid team bundle, its
 * organisation the one the team is enrolled with, its id new. The report, its cells (migrated to
 * the taxonomy in force when they come with an older version), their sums and their summaries are stored in one
 * transaction with the audit entry, or, on any refusal, nothing is. Returns the number of cells.
 */
export function takeInTeamBundle(vault: OpenVault, policy: Policy, intake: TeamBundleIntake): number {
  const { payload, team, taxonomy, now } = intake;
  const manifest = payload.manifest;
  const enrolled = enrolledTeams(policy).find((t) => t.name === team);
  if (!enrolled) throw new AppError('bundle_untrusted', `The team ${team} is not in policy teams.`);
  if (manifest.organisation !== enrolled.organisation)
    throw new AppError('bundle_invalid', `The bundle says it comes from ${manifest.organisation}; the team ${team} is enrolled for ${enrolled.organisation}.`, {
      field: 'manifest.organisation',
    });
  const read = readTeamBundle(payload);
  if (!read.ok) throw new AppError('bundle_invalid', `The bundle is not valid: ${read.problem.path}: ${read.problem.message}.`, { field: read.problem.path });
  const store = new CentralStore(vault);
  return vault.transaction(() => {
    if (store.hasReport(manifest.id)) throw new AppError('bundle_replayed', 'This bundle was imported before; it is not taken in twice.');
    store.insertReport({
      bundleId: manifest.id,
      team,
      organisation: manifest.organisation,
      period: manifest.period,
      taxonomyVersion: manifest.taxonomyVersion,
      cellCount: read.value.cells.length,
      receivedAt: roundDownToHour(now),
      // The review figures of the team lead's period, when the bundle carries them (evaluation version 1 on).
      ...(manifest.evaluation === undefined
        ? {}
        : {
            evaluation: {
              approved: manifest.evaluation.approved,
              returned: manifest.evaluation.returned,
              redactedFurther: manifest.evaluation.redactedFurther,
              inPeriod: manifest.evaluation.approved + manifest.evaluation.returned,
            },
          }),
    });
    const cells = read.value.cells.map((cell) => {
      const { values, version } = migrateCellValues(cell, manifest.taxonomyVersion, taxonomy);
      return { cell: { ...cell, ...values, organisation: manifest.organisation }, version };
    });
    const ids = cells.map(({ cell, version }, position) => store.insertCell(manifest.id, position, version, cell));
    store.changeSums(
      cells.map((c) => c.cell),
      1,
    );
    for (const s of read.value.summaries) store.insertSummary(ids[s.cell]!, s.text);
    vault.audit('bundle.received', { bundle: manifest.id, kind: 'team', signals: manifest.counts.signals });
    return ids.length;
  });
}

/** The central point's cells as records a taxonomy change migrates. */
export function centralTaggedStore(vault: OpenVault): TaggedStore {
  const store = new CentralStore(vault);
  return {
    kind: 'central-cell',
    listTagged: () => store.taggedCells().map((c) => ({ id: String(c.id), taxonomyVersion: c.taxonomyVersion, tags: cellTags(c.values) })),
    replaceTags: (id, tags, taxonomyVersion) => {
      const before = store.cellValues(Number(id));
      if (before) store.replaceCellValues(Number(id), valuesFromTags(tags, before), taxonomyVersion);
    },
  };
}
