import { aggregate, type ApprovedSignal } from '../../shared/exchange/k-anonymity';
import { municipalities } from '../../shared/geo';
import machinetag from '../../shared/taxonomy/nl-obi/machinetag.json';
import { mulberry32 } from '../../shared/test-support/seeded-random';

/**
 * Speed of the team bundle's k-anonymous aggregation: 10 000 approved signals from a seeded
 * generator, skewed as real reporting is (a few state actors and large cities dominate, a tenth
 * carried over from the two quarters before). Figures only.
 */

export interface KAnonymityBench {
  signals: number;
  k: number;
  medianMs: number;
  cells: number;
  released: number;
  carriedOver: number;
}

const valuesOf = (predicate: string) => machinetag.values.find((v) => v.predicate === predicate)!.entry.map((e) => e.value);

export function seededApprovedSignals(n: number, seed: number): ApprovedSignal[] {
  const rnd = mulberry32(seed);
  // Squaring the uniform draw favours the front of each list: the first values are the common ones.
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() ** 2 * xs.length)]!;
  const some = <T>(xs: readonly T[], two: number): T[] => (rnd() < two ? [skewed(xs), skewed(xs)] : [skewed(xs)]);
  const actors = ['CN', 'TR', 'IR', 'RU', 'ER', 'MA', 'SY', 'RW', 'SA', 'unknown'];
  const modi = valuesOf('modus-operandi');
  const targets = valuesOf('target');
  const channels = valuesOf('channel');
  const bigCities = ['Amsterdam', 'Rotterdam', "'s-Gravenhage", 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere'];
  const cityPlace = (name: string) => ({ municipality: name, province: municipalities.find((m) => m.name === name)!.province as string });
  const day = (offset: number) => new Date(Date.UTC(2026, 6, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const objectives = valuesOf('objective');
  let previous: ApprovedSignal | undefined;
  return Array.from({ length: n }, (_, i): ApprovedSignal => {
    // Two in five signals come from the same meeting as the one before: same conversation, date and place.
    if (previous && rnd() < 0.4) {
      previous = { ...previous, id: `sig-${String(i).padStart(6, '0')}`, modi: some(modi, 0.25), targets: rnd() < 0.1 ? [] : some(targets, 0.2) };
      return previous;
    }
    const r = rnd();
    const place =
      r < 0.55
        ? cityPlace(skewed(bigCities))
        : r < 0.87
          ? cityPlace(municipalities[Math.floor(rnd() * municipalities.length)]!.name)
          : r < 0.97
            ? { municipality: null, province: cityPlace(skewed(bigCities)).province }
            : { municipality: null, province: null };
    previous = {
      id: `sig-${String(i).padStart(6, '0')}`,
      conversation: `meeting-${i}`,
      stateActors: rnd() < 0.05 ? ['CN', 'RU'] : [skewed(actors)],
      objectives: rnd() < 0.3 ? [] : some(objectives, 0.15),
      modi: some(modi, 0.25),
      targets: rnd() < 0.1 ? [] : some(targets, 0.2),
      channels: rnd() < 0.05 ? [] : some(channels, 0.1),
      ...place,
      // The quarter being exported, and a tenth carried over from the half year before it.
      date: rnd() < 0.9 ? day(Math.floor(rnd() * 92)) : day(-1 - Math.floor(rnd() * 181)),
    };
    return previous;
  });
}

export function benchKAnonymity(n = Number(process.env.OBI_BENCH_KANON_SIGNALS ?? 10_000), k = 5, repeats = 5): KAnonymityBench {
  const signals = seededApprovedSignals(n, 11);
  aggregate(signals.slice(0, 500), k);
  const times: number[] = [];
  let result = aggregate(signals, k);
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    result = aggregate(signals, k);
    times.push(performance.now() - start);
  }
  return {
    signals: n,
    k,
    medianMs: [...times].sort((a, b) => a - b)[Math.floor(repeats / 2)]!,
    cells: result.cells.length,
    released: n - result.carriedOver.length,
    carriedOver: result.carriedOver.length,
  };
}
