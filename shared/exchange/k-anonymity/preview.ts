import { any, spansSeveralQuarters } from './hierarchies';
import { prepareSignals, type PreparedSignal } from './prepare-signals';
import { periodLevels, regionLevels, targetLevels, type Aggregation, type ApprovedSignal, type PeriodLevel, type RegionLevel, type TargetLevel } from './types';

/** A combination of state actor, modus operandi and channel that waits for more signals. */
export interface WaitingCombination {
  stateActor: string;
  modusOperandi: string;
  channel: string;
  signals: number;
  /** How many more signals of this combination a later period needs before it can leave. */
  missing: number;
  /** Month of its oldest waiting signal (YYYY-MM): how long it has been waiting. */
  waitingSince: string;
}

/**
 * What the team lead sees before the team bundle leaves: plain numbers, no text, so the UI can
 * word it in either language. Counts are of signals, not cells, unless named otherwise.
 */
export interface AggregationPreview {
  k: number;
  released: { signals: number; cells: number };
  /** Released signals by the level their cell shows. */
  region: Record<RegionLevel, number>;
  period: Record<PeriodLevel, number>;
  target: Record<TargetLevel, number>;
  /** Released signals shown coarser than recorded (a municipality as its province, a date as its month, …). */
  generalised: { region: number; period: number; target: number };
  /** Released signals in a cell whose period runs over more than one quarter (carried-over signals joining newer ones). */
  spanningQuarters: number;
  waiting: { signals: number; combinations: WaitingCombination[] };
  /** The aggregation's own notes (cells topped up or joined), in English, for the record. */
  notes: string[];
}

const zeros = <L extends string>(levels: readonly L[]) => Object.fromEntries(levels.map((l) => [l, 0])) as Record<L, number>;

/** The preview of an aggregation of `signals` with `k`; every id in it must be one of the signals. */
export function previewAggregation(signals: readonly ApprovedSignal[], aggregation: Aggregation, k: number): AggregationPreview {
  const byId = new Map(prepareSignals(signals).map((s) => [s.id, s]));
  const signal = (id: string): PreparedSignal => {
    const s = byId.get(id);
    if (!s) throw new RangeError('the aggregation names a signal that is not among the signals given');
    return s;
  };

  const preview: AggregationPreview = {
    k,
    released: { signals: 0, cells: aggregation.cells.length },
    region: zeros(regionLevels),
    period: zeros(periodLevels),
    target: zeros(targetLevels),
    generalised: { region: 0, period: 0, target: 0 },
    spanningQuarters: 0,
    waiting: { signals: aggregation.carriedOver.length, combinations: [] },
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
  for (const id of aggregation.carriedOver) {
    const s = signal(id);
    const month = s.date.slice(0, 7);
    const c = waiting.get(s.analysisKey);
    if (c) {
      c.signals += 1;
      c.missing -= 1;
      if (month < c.waitingSince) c.waitingSince = month;
    } else {
      waiting.set(s.analysisKey, {
        stateActor: s.stateActor,
        modusOperandi: s.modusOperandi,
        channel: s.channel,
        signals: 1,
        missing: k - 1,
        waitingSince: month,
      });
    }
  }
  preview.waiting.combinations = [...waiting.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  return preview;
}
