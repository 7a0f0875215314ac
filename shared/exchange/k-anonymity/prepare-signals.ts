import { z } from 'zod';
import { findMunicipality, provinces, type Province } from '../../geo';
import { collapse, periodLabels, regionLabels, targetLabels } from './hierarchies';
import { isTargetGroup } from './target-groups';
import type { ApprovedSignal, Period, Region } from './types';

/** A signal with its labels at every level, computed once. */
export interface PreparedSignal {
  id: string;
  /** The conversation the signal came from: what k counts. */
  conversation: string;
  date: string;
  stateActor: string;
  objective: string;
  modusOperandi: string;
  channel: string;
  /** State actor, objective, modus operandi and channel together: the analysis, never generalised. */
  analysisKey: string;
  regions: readonly Region[];
  periods: readonly Period[];
  targets: readonly string[];
  /** The labels per level as small numbers, equal where the labels are (cheap keys for grouping). */
  regionCodes: readonly number[];
  periodCodes: readonly number[];
  targetCodes: readonly number[];
}

/** Bad input to the aggregation. The message names the signal by position and the field, never the value. */
export class AggregationInputError extends Error {
  constructor(
    readonly index: number,
    readonly field: string,
    message: string,
  ) {
    super(`signal ${index + 1}: ${field}: ${message}`);
    this.name = 'AggregationInputError';
  }
}

const reserved = new Set(['multiple', 'any']);
// The shape of a machine-tag value: it keeps free text (and with it personal data) out of the cells.
const tagValue = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a taxonomy value')
  .refine((v) => !reserved.has(v), 'is a reserved word');

const signalSchema = z.object({
  id: z.string().min(1, 'is required').max(200),
  conversation: z.string().min(1, 'is required').max(300, 'must be at most 300 characters'),
  stateActors: z.array(z.string().regex(/^(?:[A-Z]{2}|unknown)$/, 'must be an ISO 3166-1 alpha-2 code or unknown')),
  objectives: z.array(tagValue),
  modi: z.array(tagValue),
  targets: z.array(tagValue.refine((v) => !isTargetGroup(v), 'is the name of a target group')),
  channels: z.array(tagValue),
  municipality: z.string().nullable(),
  province: z.enum(provinces).nullable(),
  date: z.iso.date('must be a date as YYYY-MM-DD'),
});

const join = (...parts: string[]) => parts.join('\u0000');

/** Numbers labels in the order they are first seen. */
function codeBook(): (label: string) => number {
  const codes = new Map<string, number>();
  return (label) => {
    let code = codes.get(label);
    if (code === undefined) {
      code = codes.size;
      codes.set(label, code);
    }
    return code;
  };
}

/**
 * Validates the signals and labels every level. Municipalities are taken by their CBS name (or a
 * common name, stored as the CBS name); a province that contradicts the municipality is an error,
 * a missing one is filled in from it.
 */
export function prepareSignals(signals: readonly ApprovedSignal[]): PreparedSignal[] {
  const periodCache = new Map<string, { periods: Period[]; codes: number[] }>();
  const regionCode = codeBook();
  const periodCode = codeBook();
  const targetCode = codeBook();
  const seen = new Set<string>();
  return signals.map((raw, index) => {
    const parsed = signalSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AggregationInputError(index, issue.path.join('.') || 'signal', issue.message);
    }
    const s = parsed.data;
    if (seen.has(s.id)) throw new AggregationInputError(index, 'id', 'appears more than once');
    seen.add(s.id);

    let province: Province | null = s.province;
    let municipality: string | null = null;
    if (s.municipality !== null) {
      const found = findMunicipality(s.municipality);
      if (!found) throw new AggregationInputError(index, 'municipality', 'is not a Dutch municipality');
      if (province !== null && province !== found.province) throw new AggregationInputError(index, 'province', 'does not hold the municipality');
      municipality = found.name;
      province = found.province;
    }

    let period = periodCache.get(s.date);
    if (!period) {
      const periods = periodLabels(s.date);
      period = { periods, codes: periods.map((p) => periodCode(join(p.level, p.from))) };
      periodCache.set(s.date, period);
    }
    const regions = regionLabels(municipality, province);
    const targets = targetLabels(s.targets);
    const stateActor = collapse(s.stateActors);
    const objective = collapse(s.objectives);
    const modusOperandi = collapse(s.modi);
    const channel = collapse(s.channels);
    return {
      id: s.id,
      conversation: s.conversation,
      date: s.date,
      stateActor,
      objective,
      modusOperandi,
      channel,
      analysisKey: join(stateActor, objective, modusOperandi, channel),
      regions,
      periods: period.periods,
      targets,
      regionCodes: regions.map((r) => regionCode(join(r.level, r.value))),
      periodCodes: period.codes,
      targetCodes: targets.map(targetCode),
    };
  });
}
