import { describe, expect, it } from 'vitest';
import { centralCell, centralTaxonomy, fenomeenbeeldInput, reportJsonKeys, teamReport } from '../test-support/central-fixtures';
import { releasedCell } from './central-input';
import { buildFenomeenbeeld } from './fenomeenbeeld';
import { renderReport, type RenderOptions } from './render-report';

const cells = [
  centralCell({ region: { level: 'municipality', value: 'Amsterdam' }, count: 12 }),
  centralCell({ organisation: 'BZ', team: 'BZ West', count: 8, stateActor: 'CN', modusOperandi: 'digital-threat-harassment' }),
  centralCell({ organisation: 'NCTV', team: 'NCTV 1', count: 15, target: 'any', region: { level: 'country', value: 'NL' } }),
  centralCell({ stateActor: 'TR', count: 11, modusOperandi: 'digital-threat-harassment' }),
  centralCell({ period: { level: 'quarter', from: '2026-07-01', to: '2026-12-31' }, count: 9 }),
];
const teams = [
  { name: 'SZW Oost', organisation: 'SZW' as const, expectedEvery: 'month' as const },
  { name: 'BZ West', organisation: 'BZ' as const, expectedEvery: 'month' as const },
];
const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells, teams, reports: [teamReport()] }));
const opts = (lang: 'nl' | 'en'): RenderOptions => ({
  lang,
  taxonomy: centralTaxonomy,
  now: new Date('2027-01-05T14:37:12.000Z'),
  id: '3d0b7c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
  periodCells: () => cells.map(releasedCell),
});

describe('the report in its formats', () => {
  it('json: the keys of issue 12, suppressed figures as null, labels in the language asked for', () => {
    const json = JSON.parse(renderReport(fb, 'json', opts('nl'))) as Record<string, unknown>;
    for (const key of reportJsonKeys) expect(json, key).toHaveProperty(key);
    expect(json.period).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(json.byStateActor).toEqual([
      { value: 'IR', label: 'Iran', count: 27 },
      // China has 8 (< 10); Turkey (11) is hidden with it, or the total would give China away.
      { value: 'TR', label: 'Turkije', count: null, suppressed: true },
      { value: 'CN', label: 'China', count: null, suppressed: true },
    ]);
    expect(json.byTarget).toContainEqual({ value: 'unspecified', label: 'niet nader gespecificeerd', count: 15 });
    expect(json.coverage).toEqual([
      { team: 'SZW Oost', organisation: 'SZW', status: 'reported', expected: 3, received: 1 },
      { team: 'BZ West', organisation: 'BZ', status: 'silent', expected: 3, received: 0 },
    ]);
    expect(json).not.toHaveProperty('figures');
  });

  it('csv: one quoted line per figure, suppressed ones empty, nothing a spreadsheet would run', () => {
    const csv = renderReport(fb, 'csv', opts('en'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"period","table","stateActor","objective","modusOperandi","target","channel","region","organisation","label","count","suppressed"');
    expect(lines).toHaveLength(fb.figures.length + 1);
    expect(lines).toContain('"2026-Q4","byStateActor","IR","","","","","","","Iran","27","false"');
    expect(lines).toContain('"2026-Q4","byStateActor","CN","","","","","","","China","","true"');
    expect(lines).toContain('"2026-Q4","total","","","","","","","","All conversations","46","false"');
    const tricky = buildFenomeenbeeld(fenomeenbeeldInput({ cells: [centralCell({ channel: '=HYPERLINK("x")'.replace(/"/g, ''), count: 20 })] }));
    expect(renderReport(tricky, 'csv', opts('en'))).toContain(`"'=HYPERLINK(x)"`);
  });

  it('html: one self-contained document with accessible charts, each with its data table, in Dutch and English', () => {
    for (const lang of ['nl', 'en'] as const) {
      const html = renderReport(fb, 'html', opts(lang));
      expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=|\shref=/i);
      const charts = html.match(/<svg role="img" aria-label="[^"]+"/g) ?? [];
      const tablesWithFigures = (['byStateActor', 'byObjective', 'byModusOperandi', 'byTarget', 'byChannel', 'byRegion', 'byOrganisation'] as const).filter(
        (key) => fb[key].some((r) => r.count !== null),
      );
      expect(tablesWithFigures.length).toBeGreaterThanOrEqual(5);
      expect(charts).toHaveLength(tablesWithFigures.length);
      // Every chart is followed by the table of its data.
      for (const part of html.split('</svg>').slice(1, charts.length + 1)) expect(part).toMatch(/^<\/figure><table><caption>/);
      expect(html).toContain('@media print');
    }
    const nl = renderReport(fb, 'html', opts('nl'));
    expect(nl).toContain('niet nader gespecificeerd');
    expect(nl).toContain('stil (niets ontvangen)');
    expect(nl).toContain('1 cellen liepen over de grens van de periode');
    expect(renderReport(fb, 'html', opts('en'))).toContain('silent (nothing received)');
  });

  it('html: escapes every text, summaries included', () => {
    const summary = '<img src=x onerror=alert(1)> & "quotes"';
    const cell = centralCell({ count: 20 });
    const withSummary = buildFenomeenbeeld(fenomeenbeeldInput({ cells: [cell], summaries: [{ cell: releasedCell(cell), text: summary }] }));
    expect(withSummary.illustrations).toHaveLength(1);
    const html = renderReport(withSummary, 'html', opts('en'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
  });

  it('stix: the released cells of the period only; misp: the published figures only', () => {
    const stix = JSON.parse(renderReport(fb, 'stix', opts('en'))) as { id: string; objects: Array<{ type: string; count?: number }> };
    expect(stix.id).toBe('bundle--3d0b7c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e');
    expect(stix.objects.filter((o) => o.type === 'sighting').map((o) => o.count)).toEqual([12, 8, 15, 11]);
    const misp = JSON.parse(renderReport(fb, 'misp', opts('en'))) as { Event: { Object: unknown[] } };
    expect(misp.Event.Object).toHaveLength(fb.figures.filter((f) => f.count !== null).length);
  });
});
