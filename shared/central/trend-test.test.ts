import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../test-support/seeded-random';
import { riseTest } from './trend-test';

/** Poisson draws by inversion, from a seeded generator. */
function poisson(rnd: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rnd();
  while (u > cdf) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Runs the test along a series: every period from the eighth on against the (up to) eight before it. */
function flags(series: readonly number[], window = 8): boolean[] {
  return series.slice(window).map((y, i) => riseTest(y, series.slice(i, i + window))!.flagged);
}

describe('the trend test (exact conditional Poisson test)', () => {
  it('flags at most 5% of the periods of stationary Poisson series', () => {
    const rnd = mulberry32(20261207);
    for (const mean of [2, 5, 10, 30, 100]) {
      const flagged = Array.from({ length: 200 }, () => flags(Array.from({ length: 20 }, () => poisson(rnd, mean)))).flat();
      const share = flagged.filter(Boolean).length / flagged.length;
      expect(share, `mean ${mean}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('flags a doubling of a series of at least 10 per period', () => {
    // Exactly the expected counts: a doubling from 10 is always flagged.
    expect(riseTest(20, [10, 10, 10, 10])).toMatchObject({ flagged: true, expected: 10 });
    expect(riseTest(20, [10, 10, 10])!.flagged).toBe(true);
    // Simulated: the period after eight at the base mean has twice the mean.
    const rnd = mulberry32(7);
    for (const [mean, least] of [
      [10, 0.7],
      [20, 0.95],
      [50, 0.999],
    ] as const) {
      const hits = Array.from({ length: 1000 }, () => {
        const base = Array.from({ length: 8 }, () => poisson(rnd, mean));
        return riseTest(poisson(rnd, 2 * mean), base)!.flagged;
      });
      expect(hits.filter(Boolean).length / hits.length, `mean ${mean}`).toBeGreaterThanOrEqual(least);
    }
  });

  it('does not judge without three earlier periods, nor a fall', () => {
    expect(riseTest(40, [10, 10])).toBeNull();
    expect(riseTest(2, [10, 10, 10])!.flagged).toBe(false);
    expect(riseTest(0, [0, 0, 0])).toEqual({ expected: 0, pValue: 1, flagged: false });
  });
});
