import { aggregate } from './aggregate';
import { any, multiple, spansSeveralQuarters, unknown } from './hierarchies';
import { isTargetGroup } from './target-groups';
import { prepareSignals, type PreparedSignal } from './prepare-signals';
import {
  periodLevels,
  regionLevels,
  targetLevels,
  type Aggregation,
  type ApprovedSignal,
  type PeriodLevel,
  type RegionLevel,
  type ReleaseFloor,
  type ReleasedCell,
  type TargetLevel,
} from './types';

/** A combination of state actor, objective, modus operandi and channel that waits for more conversations. */
export interface WaitingCombination {
  stateActor: string;
  objective: string;
  modusOperandi: string;
  channel: string;
  signals: number;
  /** The distinct conversations those signals came from: what k counts. */
  conversations: number;
  /** How many more conversations of this combination a later period needs before it can leave. */
  missing: number;
  /** Month of its oldest waiting signal (YYYY-MM): how long it has been waiting. */
  waitingSince: string;
}

/**
 * What the team lead sees before the team bundle leaves: plain numbers, no text, so the UI can
 * word it in either language. Counts are of signals, not cells, unless named otherwise.
 */
/** What the release floor did: the levels it holds, why a finer one than a month is allowed, and how many cells it made coarser. */
export interface FloorEffect {
  floor: ReleaseFloor;
  /** The policy's releaseFloorReason, shown to the team lead whenever the floor allows weeks. */
  reason: string | null;
  /** Cells the same signals would have formed below the floor, had there been none. */
  coarsened: number;
  /** Cells without the floor, for the proportion. */
  cellsWithoutFloor: number;
}

export interface AggregationPreview {
  k: number;
  released: { signals: number; conversations: number; cells: number };
  /** Released signals by the level their cell shows. */
  region: Record<RegionLevel, number>;
  period: Record<PeriodLevel, number>;
  target: Record<TargetLevel, number>;
  /** Released signals shown coarser than recorded (a municipality as its province, a date as its month, …). */
  generalised: { region: number; period: number; target: number };
  /** Released signals in a cell whose period runs over more than one quarter (carried-over signals joining newer ones). */
  spanningQuarters: number;
  waiting: { signals: number; combinations: WaitingCombination[] };
  floor: FloorEffect | null;
  /** The aggregation's own notes (cells topped up or joined), in English, for the record. */
  notes: string[];
}

const zeros = <L extends string>(levels: readonly L[]) => Object.fromEntries(levels.map((l) => [l, 0])) as Record<L, number>;

// A target that is a taxonomy value, not a group, 'any', 'unknown' or 'multiple' (which occur at more than one level).
const isSpecificTarget = (target: string) => !isTargetGroup(target) && target !== any && target !== unknown && target !== multiple;

const finerThan = (cell: ReleasedCell, floor: ReleaseFloor): boolean =>
  regionLevels.indexOf(cell.region.level) < regionLevels.indexOf(floor.region ?? 'municipality') ||
  periodLevels.indexOf(cell.period.level) < periodLevels.indexOf(floor.period ?? 'day') ||
  (floor.target === 'any' && cell.target !== any) ||
  (floor.target === 'group' && isSpecificTarget(cell.target));

/**
 * How many cells the floor made coarser: the same signals aggregated with nothing but k (the
 * finest every dimension has) form cells, and those finer than the floor on any dimension are the
 * ones the floor coarsened.
 */
export function floorEffect(signals: readonly ApprovedSignal[], k: number, floor: ReleaseFloor, reason: string | null): FloorEffect {
  const unfloored = aggregate(signals, k).cells;
  return { floor, reason, coarsened: unfloored.filter((c) => finerThan(c, floor)).length, cellsWithoutFloor: unfloored.length };
}

/** The preview of an aggregation of `signals` with `k`; every id in it must be one of the signals. */
export function previewAggregation(
  signals: readonly ApprovedSignal[],
  aggregation: Aggregation,
  k: number,
  floor: FloorEffect | null = null,
): AggregationPreview {
  const byId = new Map(prepareSignals(signals).map((s) => [s.id, s]));
  const signal = (id: string): PreparedSignal => {
    const s = byId.get(id);
    if (!s) throw new RangeError('the aggregation names a signal that is not among the signals given');
    return s;
  };

  const preview: AggregationPreview = {
    k,
    released: { signals: 0, conversations: aggregation.cells.reduce((n, c) => n + c.count, 0), cells: aggregation.cells.length },
    region: zeros(regionLevels),
    period: zeros(periodLevels),
    target: zeros(targetLevels),
    generalised: { region: 0, period: 0, target: 0 },
    spanningQuarters: 0,
    waiting: { signals: aggregation.carriedOver.length, combinations: [] },
    floor,
    notes: aggregation.generalisation.notes,
  };
  for (const { cell: index, signalIds } of aggregation.released) {
    const cell = aggregation.cells[index];
    if (!cell) throw new RangeError('the aggregation releases a cell it does not hold');
    const spans = spansSeveralQuarters(cell.period);
    for (const id of signalIds) {
      const s = signal(id);
      const recorded = { region: s.regions[0]!.level, target: s.targets[0]! };
      const targetLevel: TargetLevel = cell.target === recorded.target ? 'specific' : cell.target === any ? 'any' : 'group';
      preview.released.signals += 1;
      preview.region[cell.region.level] += 1;
      preview.period[cell.period.level] += 1;
      preview.target[targetLevel] += 1;
      if (regionLevels.indexOf(cell.region.level) > regionLevels.indexOf(recorded.region)) preview.generalised.region += 1;
      if (cell.period.level !== 'day') preview.generalised.period += 1;
      if (targetLevel !== 'specific') preview.generalised.target += 1;
      if (spans) preview.spanningQuarters += 1;
    }
  }

  const waiting = new Map<string, WaitingCombination>();
  const conversations = new Map<string, Set<string>>();
  for (const id of aggregation.carriedOver) {
    const s = signal(id);
    const month = s.date.slice(0, 7);
    const seen = conversations.get(s.analysisKey) ?? new Set<string>();
    conversations.set(s.analysisKey, seen.add(s.conversation));
    const c = waiting.get(s.analysisKey) ?? {
      stateActor: s.stateActor,
      objective: s.objective,
      modusOperandi: s.modusOperandi,
      channel: s.channel,
      signals: 0,
      conversations: 0,
      missing: k,
      waitingSince: month,
    };
    c.signals += 1;
    c.conversations = seen.size;
    c.missing = k - seen.size;
    if (month < c.waitingSince) c.waitingSince = month;
    waiting.set(s.analysisKey, c);
  }
  preview.waiting.combinations = [...waiting.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  return preview;
}
