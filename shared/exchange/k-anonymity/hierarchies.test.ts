import { describe, expect, it } from 'vitest';
import machinetag from '../../taxonomy/nl-obi/machinetag.json';
import { collapse, periodLabels, quarterSpan, regionLabels, spansSeveralQuarters, targetLabels } from './hierarchies';
import { isTargetGroup, targetGroupOf, targetGroups } from './target-groups';

const taxonomyTargets = machinetag.values.find((v) => v.predicate === 'target')!.entry.map((e) => e.value);

describe('target groups', () => {
  it('place every target value of the shipped taxonomy in exactly one group', () => {
    const members = Object.values(targetGroups).flatMap((g) => g.members as readonly string[]);
    expect([...members].sort()).toEqual([...taxonomyTargets].sort());
    for (const t of taxonomyTargets) expect(targetGroupOf(t), t).toBeDefined();
  });

  it('have names no taxonomy value or reserved word uses, and labels in both languages', () => {
    for (const [id, g] of Object.entries(targetGroups)) {
      expect(isTargetGroup(id)).toBe(true);
      expect([...taxonomyTargets, 'any', 'unknown', 'multiple']).not.toContain(id);
      expect(g.labels.nl.length).toBeGreaterThan(0);
      expect(g.labels.en.length).toBeGreaterThan(0);
    }
    expect(isTargetGroup('activists-dissidents')).toBe(false);
  });
});

describe('labels per level', () => {
  it('collapse several values to multiple and none to unknown, ignoring unknown beside a value', () => {
    expect(collapse([])).toBe('unknown');
    expect(collapse(['unknown'])).toBe('unknown');
    expect(collapse(['IR'])).toBe('IR');
    expect(collapse(['IR', 'IR'])).toBe('IR');
    expect(collapse(['IR', 'unknown'])).toBe('IR');
    expect(collapse(['CN', 'RU'])).toBe('multiple');
  });

  it('roll targets up to their group, several groups to multiple, and all to any', () => {
    expect(targetLabels(['journalists-media'])).toEqual(['journalists-media', 'critics-opponents', 'any']);
    expect(targetLabels(['journalists-media', 'activists-dissidents'])).toEqual(['multiple', 'critics-opponents', 'any']);
    expect(targetLabels(['journalists-media', 'lgbtqi'])).toEqual(['multiple', 'multiple', 'any']);
    expect(targetLabels([])).toEqual(['unknown', 'unknown', 'any']);
    // A value of a newer taxonomy that this version cannot group goes to any, never stays specific.
    expect(targetLabels(['sports-clubs'])).toEqual(['sports-clubs', 'any', 'any']);
  });

  it('roll a municipality up to its province, landsdeel and NL, and repeat what is known above what is not', () => {
    expect(regionLabels('Middelburg', 'Zeeland')).toEqual([
      { level: 'municipality', value: 'Middelburg' },
      { level: 'province', value: 'Zeeland' },
      { level: 'landsdeel', value: 'West' },
      { level: 'country', value: 'NL' },
    ]);
    expect(regionLabels(null, 'Limburg').slice(0, 2)).toEqual([
      { level: 'province', value: 'Limburg' },
      { level: 'province', value: 'Limburg' },
    ]);
    expect(new Set(regionLabels(null, null).map((r) => r.value))).toEqual(new Set(['NL']));
  });

  it('put a date in its day, ISO week, month and quarter, across year ends and leap days', () => {
    expect(periodLabels('2027-01-01')).toEqual([
      { level: 'day', from: '2027-01-01', to: '2027-01-01' },
      { level: 'week', from: '2026-12-28', to: '2027-01-03' },
      { level: 'month', from: '2027-01-01', to: '2027-01-31' },
      { level: 'quarter', from: '2027-01-01', to: '2027-03-31' },
    ]);
    expect(periodLabels('2028-02-29').slice(1)).toEqual([
      { level: 'week', from: '2028-02-28', to: '2028-03-05' },
      { level: 'month', from: '2028-02-01', to: '2028-02-29' },
      { level: 'quarter', from: '2028-01-01', to: '2028-03-31' },
    ]);
    expect(periodLabels('2026-11-15')[1]).toEqual({ level: 'week', from: '2026-11-09', to: '2026-11-15' });
  });

  it('span whole quarters from the earliest to the latest date', () => {
    expect(quarterSpan('2026-03-30', '2026-05-02')).toEqual({ level: 'quarter', from: '2026-01-01', to: '2026-06-30' });
    expect(quarterSpan('2026-12-31', '2027-01-01')).toEqual({ level: 'quarter', from: '2026-10-01', to: '2027-03-31' });
    expect(spansSeveralQuarters(quarterSpan('2026-03-30', '2026-05-02'))).toBe(true);
    expect(spansSeveralQuarters(quarterSpan('2026-04-01', '2026-06-30'))).toBe(false);
    expect(spansSeveralQuarters({ level: 'month', from: '2026-04-01', to: '2026-04-30' })).toBe(false);
  });
});
