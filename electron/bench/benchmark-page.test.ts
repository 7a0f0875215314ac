import { describe, expect, it } from 'vitest';
import { benchmarkPage } from './benchmark-page';

describe('the generated benchmark page', () => {
  it('states the run and lists every figure as a table row, escaping pipes', () => {
    const page = benchmarkPage({ date: '2026-12-07T15:00:00.000Z', node: 'v22.1.0', sqlite: '2.4.0', cpus: 2, cpuModel: 'Test CPU' }, [
      ['unlock', '40 ms'],
      ['a | b', '1 | 2'],
    ]);
    expect(page).toContain('Latest run: 2026-12-07, 2 × Test CPU, Node v22.1.0');
    expect(page).toContain('| unlock | 40 ms |');
    expect(page).toContain('| a \\| b | 1 \\| 2 |');
    expect(page.startsWith('# Benchmarks\n')).toBe(true);
  });
});
