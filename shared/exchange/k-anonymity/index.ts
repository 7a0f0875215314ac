export { aggregate } from './aggregate';
export { any, collapse, country, multiple, unknown } from './hierarchies';
export { AggregationInputError } from './prepare-signals';
export { floorEffect, previewAggregation, type AggregationPreview, type FloorEffect, type WaitingCombination } from './preview';
export { isTargetGroup, targetGroupOf, targetGroups, type TargetGroup } from './target-groups';
export {
  periodLevels,
  regionLevels,
  targetLevels,
  type AggregateOptions,
  type Aggregation,
  type ApprovedSignal,
  type Period,
  type PeriodLevel,
  type Region,
  type RegionLevel,
  type ReleaseFloor,
  type ReleasedCell,
  type TargetLevel,
} from './types';
