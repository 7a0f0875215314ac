import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';

/**
 * Is this period's count a rise unlikely to be chance, given the counts of the periods before it?
 *
 * The method is the exact conditional test of two Poisson rates (the "Poisson rate-ratio" or
 * binomial test used in public-health count surveillance as the simple alternative to the
 * Farrington algorithm): if the current count y and the baseline counts b_1..b_n come from one
 * Poisson rate, then given their sum T = y + Σb, y is Binomial(T, 1/(n+1)). The rise is flagged
 * when P(Y ≥ y) < α (one-sided, α = 0.05) and y lies above the baseline mean. Because the test
 * conditions on the total it needs no estimate of the rate, so on a stationary Poisson series it
 * flags at most α of the periods (fewer, as counts are whole numbers). It needs at least
 * `minimumBaseline` periods of history.
 */

export const trendAlpha = 0.05;
export const minimumBaseline = 3;

export interface TrendTest {
  /** The mean of the baseline: what the period would hold with no change. */
  expected: number;
  /** P(Y ≥ current) under no change. */
  pValue: number;
  flagged: boolean;
}

/** The test of `current` against `baseline` (whole counts), or null when the history is too short. */
export function riseTest(current: number, baseline: readonly number[]): TrendTest | null {
  if (baseline.length < minimumBaseline) return null;
  const sum = baseline.reduce((n, b) => n + b, 0);
  const expected = sum / baseline.length;
  const total = current + sum;
  const pValue = current === 0 ? 1 : 1 - binomialCdf(current - 1, total, 1 / (baseline.length + 1));
  const p = Math.min(1, Math.max(0, pValue));
  return { expected, pValue: p, flagged: current > expected && p < trendAlpha };
}
