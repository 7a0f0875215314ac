import fc from 'fast-check';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralCell } from '../test-support/central-fixtures';
import type { CentralCell } from './central-input';
import { buildFenomeenbeeld, type Fenomeenbeeld } from './fenomeenbeeld';
import { fenomeenbeeldInput } from '../test-support/central-fixtures';
import type { FigureDimension, PublishedFigure } from './published-figure';

/**
 * The property of disclosure control, checked independently of how the report suppresses: from all
 * published tables together (every one-way table adds up to the total; every row of a state actor ×
 * dimension table to the actor's figure, every column to the dimension's figure), an analyst cannot
 * work out any suppressed figure. For each suppressed figure a linear program (HiGHS) finds the
 * least and the most it can be, given every published figure and that figures are not negative;
 * the two must differ. The equations are written here from the figures' tables and values, not
 * taken from the code under test.
 */

let highs: Awaited<ReturnType<typeof highsLoader>>;
beforeAll(async () => {
  highs = await highsLoader();
});

const oneWay: Record<string, FigureDimension> = {
  byStateActor: 'stateActor',
  byObjective: 'objective',
  byModusOperandi: 'modusOperandi',
  byTarget: 'target',
  byChannel: 'channel',
  byRegion: 'region',
  byOrganisation: 'organisation',
};

/** The equations an analyst can write from the published tables, as lists of figure indexes: Σ left = Σ right. */
function equationsOf(figures: readonly PublishedFigure[]): Array<{ left: number[]; right: number[] }> {
  const index = (table: string, values: PublishedFigure['values']) =>
    figures.findIndex((f) => f.table === table && JSON.stringify(Object.entries(f.values).sort()) === JSON.stringify(Object.entries(values).sort()));
  const total = figures.findIndex((f) => f.table === 'total');
  const out: Array<{ left: number[]; right: number[] }> = [];
  for (const table of Object.keys(oneWay)) {
    const members = figures.flatMap((f, i) => (f.table === table ? [i] : []));
    if (members.length > 0) out.push({ left: members, right: [total] });
  }
  for (const d of ['objective', 'modusOperandi', 'target', 'channel', 'region'] as const) {
    const table = `stateActor×${d}`;
    const inner = figures.flatMap((f, i) => (f.table === table ? [i] : []));
    const actors = new Set(inner.map((i) => figures[i]!.values.stateActor!));
    const values = new Set(inner.map((i) => figures[i]!.values[d]!));
    for (const a of actors) out.push({ left: inner.filter((i) => figures[i]!.values.stateActor === a), right: [index('byStateActor', { stateActor: a })] });
    const oneWayTable = Object.keys(oneWay).find((t) => oneWay[t] === d)!;
    for (const v of values) out.push({ left: inner.filter((i) => figures[i]!.values[d] === v), right: [index(oneWayTable, { [d]: v })] });
  }
  for (const e of out) expect([...e.left, ...e.right].every((i) => i >= 0)).toBe(true);
  return out;
}

/** The least and the most each suppressed figure can be, given everything published. */
function bounds(figures: readonly PublishedFigure[]): Map<number, { min: number; max: number }> {
  const hidden = figures.flatMap((f, i) => (f.count === null ? [i] : []));
  const result = new Map<number, { min: number; max: number }>();
  if (hidden.length === 0) return result;
  const rows = equationsOf(figures).flatMap((e, r) => {
    const terms: string[] = [];
    let constant = 0;
    for (const [side, sign] of [
      [e.left, 1],
      [e.right, -1],
    ] as const) {
      for (const i of side) {
        const c = figures[i]!.count;
        if (c === null) terms.push(`${sign > 0 ? '+' : '-'} x${i}`);
        else constant += sign * c;
      }
    }
    return terms.length === 0 ? [] : [` e${r}: ${terms.join(' ')} = ${-constant}`];
  });
  const model = (sense: 'Minimize' | 'Maximize', i: number) =>
    `${sense}\n obj: x${i}\nSubject To\n${rows.length > 0 ? rows.join('\n') : ` e: x${i} >= 0`}\nBounds\n${hidden.map((h) => ` x${h} >= 0`).join('\n')}\nEnd\n`;
  for (const i of hidden) {
    const low = highs.solve(model('Minimize', i));
    const high = highs.solve(model('Maximize', i));
    expect(low.Status, `min x${i}`).toBe('Optimal');
    // Unbounded above cannot happen with a published total; it would only help the protection.
    result.set(i, { min: low.ObjectiveValue, max: high.Status === 'Unbounded' ? Infinity : high.ObjectiveValue });
  }
  return result;
}

const actors = ['CN', 'TR', 'IR', 'RU', 'multiple', 'unknown'];
const modi = ['coercion-by-proxy-family', 'digital-threat-harassment', 'intimidation-threats', 'multiple'];
const places: Array<CentralCell['region']> = [
  { level: 'municipality', value: 'Amsterdam' },
  { level: 'municipality', value: 'Haarlem' },
  { level: 'province', value: 'Utrecht' },
  { level: 'province', value: 'Gelderland' },
  { level: 'landsdeel', value: 'Zuid' },
  { level: 'country', value: 'NL' },
];
const cellArb = fc.record({
  stateActor: fc.constantFrom(...actors),
  objective: fc.constantFrom('silence-critics', 'unknown', 'multiple'),
  modusOperandi: fc.constantFrom(...modi),
  target: fc.constantFrom('activists-dissidents', 'journalists-media', 'critics-opponents', 'any'),
  channel: fc.constantFrom('social-media', 'in-person', 'multiple'),
  region: fc.constantFrom(...places),
  organisation: fc.constantFrom('SZW' as const, 'BZ' as const, 'NCTV' as const),
  count: fc.integer({ min: 3, max: 30 }),
});

function check(fb: Fenomeenbeeld, minimum: number) {
  for (const f of fb.figures) if (f.count !== null) expect(f.count === 0 || f.count >= minimum, `${f.table} ${f.label}`).toBe(true);
  for (const [i, b] of bounds(fb.figures)) {
    const f = fb.figures[i]!;
    expect(b.max - b.min, `${f.table} ${JSON.stringify(f.values)} lies in [${b.min}, ${b.max}]`).toBeGreaterThan(0.5);
  }
}

describe('disclosure control of the linked tables', () => {
  it('leaves no suppressed figure to be worked out from the published ones (seeded)', () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 30 }), fc.constantFrom(5, 10, 20), (drawn, minimum) => {
        const cells = drawn.map((c) => centralCell(c));
        const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells, reportMinimum: minimum }));
        check(fb, minimum);
      }),
      { seed: 20261207, numRuns: 30 },
    );
  }, 600_000);

  it('protects a figure that only several equations together would fix', () => {
    const at = (stateActor: string, objective: string, target: string) =>
      centralCell({
        stateActor,
        objective,
        target,
        modusOperandi: 'coercion-by-proxy-family',
        channel: 'social-media',
        region: { level: 'municipality', value: 'Amsterdam' },
        count: 3,
      });
    const cells = [
      at('CN', 'silence-critics', 'activists-dissidents'),
      at('IR', 'unknown', 'activists-dissidents'),
      at('multiple', 'multiple', 'any'),
      at('CN', 'unknown', 'activists-dissidents'),
      at('unknown', 'silence-critics', 'any'),
    ];
    check(buildFenomeenbeeld(fenomeenbeeldInput({ cells, reportMinimum: 5 })), 5);
  });

  it('the checker itself finds a figure left to subtraction (so the property can fail)', () => {
    const cells = [
      centralCell({ organisation: 'SZW', count: 30 }),
      centralCell({ organisation: 'BZ', count: 6 }),
      centralCell({ organisation: 'NCTV', count: 12 }),
    ];
    const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells }));
    const bz = fb.figures.findIndex((f) => f.table === 'byOrganisation' && f.values.organisation === 'BZ');
    const nctv = fb.figures.findIndex((f) => f.table === 'byOrganisation' && f.values.organisation === 'NCTV');
    expect([fb.figures[bz]!.count, fb.figures[nctv]!.count]).toEqual([null, null]);
    // Publish NCTV again, as a report without secondary suppression would: BZ is then 48 − 30 − 12.
    const leaky = fb.figures.map((f, i) => (i === nctv ? { ...f, count: 12, suppressed: undefined } : f));
    const b = bounds(leaky).get(bz)!;
    expect([b.min, b.max]).toEqual([6, 6]);
  });
});
