import { quarterSpan, spansSeveralQuarters } from './hierarchies';
import { prepareSignals, type PreparedSignal } from './prepare-signals';
import { periodLevels, regionLevels, targetLevels, type AggregateOptions, type Aggregation, type ApprovedSignal, type ReleasedCell } from './types';

/**
 * k-anonymous aggregation of the team's approved signals into cells of state actor × objective ×
 * modus operandi × channel × target × region × period.
 *
 * k counts conversations, not signals: one frightened person who reports five times, or one meeting
 * with five signals, is one conversation. A cell is released only when it holds signals of at least
 * k distinct conversations, and its count is that number of conversations.
 *
 * Strategy: local recoding, group by group, least generalisation first.
 * - State actor, objective, modus operandi and channel are the analysis: they are never
 *   generalised. Signals that share all four form a group; cells never cross groups. A group of
 *   fewer than k conversations cannot reach k at any level and is carried over whole, to join the
 *   next period's signals.
 * - Within a group, the nodes of the lattice region × period × target are visited from the finest
 *   (the floor: by default municipality, day, specific target) to the coarsest, fewest steps up the
 *   hierarchies first and, among as many steps, steps earlier on `ladder` first (dates coarsen
 *   before places and targets). At each node every cell of at least k conversations not yet
 *   released is released. So each signal leaves at the least generalised node where its
 *   conversation finds k - 1 others.
 * - The coarsest node is NL × the whole quarters the signals span × any target, one cell per
 *   group, which is how carried-over signals from an earlier period join newer ones. If fewer
 *   than k conversations are left even there, whole conversations are moved to them from the most
 *   generalised released cells that have more than k (never taking one below k), or, when those do
 *   not suffice, the most generalised smallest cell is merged with them whole; the group holds at
 *   least k conversations, so this ends. That last cell is released at the first node where all its
 *   signals share one cell.
 * - Cells that come out with the same description (a signal without a municipality shows its
 *   province at the municipality level too) are joined.
 * Each signal lands in exactly one cell and every label holds its signal's own value; the output
 * depends only on the set of signals (inputs are sorted by id, cells by their labels).
 */

type Node = readonly [region: number, period: number, target: number];

/** Period level 4 is the span of whole quarters, reported as level 'quarter'. */
const spanLevel = 4;
const topLevels = [regionLevels.length - 1, spanLevel, targetLevels.length - 1] as const;

/** The order of preference among single steps: [dimension, level it starts from]. */
const ladder: ReadonlyArray<readonly [dimension: 0 | 1 | 2, from: number]> = [
  [1, 0], // day → week
  [1, 1], // week → month
  [0, 0], // municipality → province
  [2, 0], // specific target → group
  [1, 2], // month → quarter
  [0, 1], // province → landsdeel
  [2, 1], // group → any
  [0, 2], // landsdeel → NL
  [1, 3], // quarter → the whole quarters spanned
];
const ladderRank = (dimension: number, from: number) => ladder.findIndex(([d, f]) => d === dimension && f === from);

/** Every node from `start` to the top, fewest steps first, then the steps earliest on the ladder; the top comes last. */
function nodesFrom(start: Node): Node[] {
  const nodes: Array<{ node: Node; steps: number; rank: number }> = [];
  for (let r = start[0]; r <= topLevels[0]; r++) {
    for (let p = start[1]; p <= topLevels[1]; p++) {
      for (let t = start[2]; t <= topLevels[2]; t++) {
        const node: Node = [r, p, t];
        let rank = 0;
        for (let d = 0; d < 3; d++) for (let l = start[d]!; l < node[d]!; l++) rank += ladderRank(d, l);
        nodes.push({ node, steps: r - start[0] + p - start[1] + t - start[2], rank });
      }
    }
  }
  return nodes
    .sort((a, b) => a.steps - b.steps || a.rank - b.rank || a.node[0] - b.node[0] || a.node[1] - b.node[1] || a.node[2] - b.node[2])
    .map((n) => n.node);
}

/** How many codes each dimension uses, to combine three codes into one number. */
interface Radix {
  period: number;
  target: number;
}

/** The cell of a signal at a node, as one number; the whole-quarter span has no period code. */
function keyAt(s: PreparedSignal, node: Node, radix: Radix): number {
  const period = node[1] === spanLevel ? 0 : s.periodCodes[node[1]]! + 1;
  return (s.regionCodes[node[0]]! * radix.period + period) * radix.target + s.targetCodes[node[2]]!;
}

function cellsAt(signals: readonly PreparedSignal[], node: Node, radix: Radix): Map<number, PreparedSignal[]> {
  const cells = new Map<number, PreparedSignal[]>();
  for (const s of signals) {
    const key = keyAt(s, node, radix);
    const cell = cells.get(key);
    if (cell) cell.push(s);
    else cells.set(key, [s]);
  }
  return cells;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: PreparedSignal, b: PreparedSignal) => compare(a.id, b.id);

/** A cell while a group is worked on: its node, the node's place in the visiting order, and its members (sorted by id). */
interface WorkingCell {
  node: Node;
  order: number;
  members: PreparedSignal[];
}

const latestFirst = (a: WorkingCell, b: WorkingCell) => b.order - a.order;
// Cells are disjoint, so their first ids settle every remaining tie.
const firstId = (a: WorkingCell, b: WorkingCell) => compare(a.members[0]!.id, b.members[0]!.id);

/** The number of distinct conversations among signals: what k counts. */
export function conversationCount(signals: readonly PreparedSignal[]): number {
  return new Set(signals.map((s) => s.conversation)).size;
}

/** The distinct conversations of a cell, the one of its last signal first (the order conversations are given away in). */
const conversationsFromLast = (members: readonly PreparedSignal[]) => [...new Set(members.map((s) => s.conversation).reverse())];

/** Brings the conversations left over up to k from the released cells; says what it did. */
function topUp(released: WorkingCell[], rest: PreparedSignal[], k: number): string {
  const have = new Set(rest.map((s) => s.conversation));
  const left = have.size;
  const need = k - left;
  const donors = [...released].sort((a, b) => latestFirst(a, b) || conversationCount(b.members) - conversationCount(a.members) || firstId(a, b));
  // Plan first: a conversation moves whole, and only one the rest does not hold yet adds to it.
  const plan: Array<{ donor: WorkingCell; conversation: string }> = [];
  const planned = new Set<string>();
  for (const donor of donors) {
    const conversations = conversationsFromLast(donor.members);
    let spare = conversations.length - k;
    for (const conversation of conversations) {
      if (spare === 0 || plan.length === need) break;
      if (have.has(conversation) || planned.has(conversation)) continue;
      plan.push({ donor, conversation });
      planned.add(conversation);
      spare -= 1;
    }
    if (plan.length === need) break;
  }
  if (plan.length === need) {
    for (const { donor, conversation } of plan) {
      rest.push(...donor.members.filter((s) => s.conversation === conversation));
      donor.members = donor.members.filter((s) => s.conversation !== conversation);
    }
    return `the last ${left} conversation(s) reached k with ${need} moved from cells that had more than k`;
  }
  const merged = [...released].sort((a, b) => latestFirst(a, b) || conversationCount(a.members) - conversationCount(b.members) || firstId(a, b))[0]!;
  released.splice(released.indexOf(merged), 1);
  rest.push(...merged.members);
  return `the last ${left} conversation(s) reached k by merging a cell of ${conversationCount(merged.members)} with them`;
}

function aggregateGroup(group: readonly PreparedSignal[], k: number, nodes: readonly Node[], radix: Radix, notes: (note: string) => void): WorkingCell[] {
  const released: WorkingCell[] = [];
  let remaining = group;
  for (const [order, node] of nodes.entries()) {
    if (conversationCount(remaining) < k) break;
    const taken = new Set<PreparedSignal>();
    for (const members of cellsAt(remaining, node, radix).values()) {
      if (conversationCount(members) < k) continue;
      released.push({ node, order, members });
      for (const s of members) taken.add(s);
    }
    if (taken.size > 0) remaining = remaining.filter((s) => !taken.has(s));
  }
  if (remaining.length > 0) {
    const rest = [...remaining];
    notes(topUp(released, rest, k));
    const order = nodes.findIndex((node) => new Set(rest.map((s) => keyAt(s, node, radix))).size === 1);
    released.push({ node: nodes[order]!, order, members: rest.sort(byId) });
  }
  return released;
}

function cellOf(c: WorkingCell): ReleasedCell {
  const first = c.members[0]!;
  const [r, p, t] = c.node;
  let earliest = first.date;
  let latest = first.date;
  for (const s of c.members) {
    if (s.date < earliest) earliest = s.date;
    if (s.date > latest) latest = s.date;
  }
  return {
    stateActor: first.stateActor,
    objective: first.objective,
    modusOperandi: first.modusOperandi,
    target: first.targets[t]!,
    channel: first.channel,
    region: first.regions[r]!,
    period: p === spanLevel ? quarterSpan(earliest, latest) : first.periods[p]!,
    count: conversationCount(c.members),
  };
}

const sep = '\u0001';
const cellKey = (c: ReleasedCell) =>
  [c.stateActor, c.objective, c.modusOperandi, c.channel, c.target, c.region.level, c.region.value, c.period.level, c.period.from, c.period.to].join(sep);

function compareCells(a: ReleasedCell, b: ReleasedCell): number {
  return (
    compare(a.stateActor, b.stateActor) ||
    compare(a.objective, b.objective) ||
    compare(a.modusOperandi, b.modusOperandi) ||
    compare(a.channel, b.channel) ||
    compare(a.target, b.target) ||
    regionLevels.indexOf(a.region.level) - regionLevels.indexOf(b.region.level) ||
    compare(a.region.value, b.region.value) ||
    compare(a.period.from, b.period.from) ||
    periodLevels.indexOf(a.period.level) - periodLevels.indexOf(b.period.level) ||
    compare(a.period.to, b.period.to)
  );
}

interface Output {
  cell: ReleasedCell;
  members: PreparedSignal[];
  targetLevel: number;
}

const spanning = 'spanning several quarters';

/** "municipality: 2 cells (11 conversations); province: 1 cell (5 conversations)" for the levels in use, in `order`. */
function levelSummary(order: readonly string[], outputs: readonly Output[], levelOf: (o: Output) => string): string {
  const tally = new Map<string, { cells: number; conversations: number }>();
  for (const o of outputs) {
    const level = levelOf(o);
    const t = tally.get(level) ?? { cells: 0, conversations: 0 };
    t.cells += 1;
    t.conversations += o.cell.count;
    tally.set(level, t);
  }
  if (tally.size === 0) return 'nothing released';
  return order
    .filter((l) => tally.has(l))
    .map((l) => {
      const t = tally.get(l)!;
      return `${l}: ${t.cells} ${t.cells === 1 ? 'cell' : 'cells'} (${t.conversations} ${t.conversations === 1 ? 'conversation' : 'conversations'})`;
    })
    .join('; ');
}

function startNode(finest: AggregateOptions['finest']): Node {
  return [
    regionLevels.indexOf(finest?.region ?? 'municipality'),
    periodLevels.indexOf(finest?.period ?? 'day'),
    targetLevels.indexOf(finest?.target ?? 'specific'),
  ];
}

/**
 * Aggregates approved signals into cells of at least `k` signals. Throws AggregationInputError for
 * a signal that breaks the contract (naming its position and field) and RangeError for a bad k.
 */
export function aggregate(signals: readonly ApprovedSignal[], k: number, options: AggregateOptions = {}): Aggregation {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be a whole number of at least 2');
  const start = startNode(options.finest);
  if (start.includes(-1)) throw new RangeError('options.finest names an unknown level');
  const nodes = nodesFrom(start);
  const prepared = prepareSignals(signals).sort(byId);
  const radix: Radix = { period: 2, target: 1 };
  for (const s of prepared) {
    radix.period = Math.max(radix.period, ...s.periodCodes.map((c) => c + 2));
    radix.target = Math.max(radix.target, ...s.targetCodes.map((c) => c + 1));
  }

  const groups = new Map<string, PreparedSignal[]>();
  for (const s of prepared) {
    const g = groups.get(s.analysisKey);
    if (g) g.push(s);
    else groups.set(s.analysisKey, [s]);
  }

  const outputs: Output[] = [];
  const carried: PreparedSignal[] = [];
  const notes: string[] = [];
  let waitingGroups = 0;
  for (const [, group] of [...groups].sort(([a], [b]) => compare(a, b))) {
    const first = group[0]!;
    const label = `${first.stateActor} × ${first.objective} × ${first.modusOperandi} × ${first.channel}`;
    if (conversationCount(group) < k) {
      carried.push(...group);
      waitingGroups += 1;
      continue;
    }
    const joined = new Map<string, Output>();
    for (const c of aggregateGroup(group, k, nodes, radix, (note) => notes.push(`${label}: ${note}`))) {
      const cell = cellOf(c);
      const key = cellKey(cell);
      const same = joined.get(key);
      if (!same) {
        joined.set(key, { cell, members: c.members, targetLevel: c.node[2] });
        continue;
      }
      same.members = [...same.members, ...c.members].sort(byId);
      same.cell = { ...same.cell, count: conversationCount(same.members) };
      same.targetLevel = Math.max(same.targetLevel, c.node[2]);
      notes.push(`${label}: two cells with the same description joined`);
    }
    outputs.push(...joined.values());
  }
  outputs.sort((a, b) => compareCells(a.cell, b.cell));

  if (carried.length > 0) {
    notes.unshift(
      `${carried.length} signal(s) in ${waitingGroups} combination(s) of state actor, objective, modus operandi and channel wait for the next period: each combination has fewer than ${k} conversations`,
    );
  }
  return {
    cells: outputs.map((o) => o.cell),
    released: outputs.map((o, cell) => ({ cell, signalIds: o.members.map((s) => s.id) })),
    carriedOver: carried.map((s) => s.id).sort(compare),
    generalisation: {
      region: levelSummary(regionLevels, outputs, (o) => o.cell.region.level),
      period: levelSummary([...periodLevels, spanning], outputs, (o) => (spansSeveralQuarters(o.cell.period) ? spanning : o.cell.period.level)),
      target: levelSummary(targetLevels, outputs, (o) => targetLevels[o.targetLevel]!),
      notes,
    },
  };
}
