import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasedCell } from '../../../shared/central/central-input';
import { buildFenomeenbeeld } from '../../../shared/central/fenomeenbeeld';
import { renderReport } from '../../../shared/central/render-report';
import { centralCell, centralTaxonomy, fenomeenbeeldInput } from '../../../shared/test-support/central-fixtures';
import { beyondDerivedIds, mispEventCheck, oasisValidate } from '../../test-support/conformance-tools';

/** The report's STIX and MISP outputs against the official checkers in ../shared/tools. */

const templates = join(import.meta.dirname, '..', '..', '..', 'shared', 'exchange', 'misp', 'objects');
const cells = [
  centralCell({ region: { level: 'municipality', value: 'Amsterdam' }, count: 12 }),
  centralCell({ organisation: 'BZ', team: 'BZ West', stateActor: 'CN', modusOperandi: 'digital-threat-harassment', count: 8 }),
  centralCell({ organisation: 'NCTV', team: 'NCTV 1', target: 'any', region: { level: 'country', value: 'NL' }, count: 15 }),
  centralCell({ stateActor: 'TR', count: 11 }),
];
const fb = buildFenomeenbeeld(fenomeenbeeldInput({ cells }));
const opts = {
  lang: 'en' as const,
  taxonomy: centralTaxonomy,
  now: new Date('2027-01-05T14:37:12.000Z'),
  id: '3d0b7c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
  periodCells: () => cells.map(releasedCell),
};

describe('the report as STIX and MISP, against the official checkers', () => {
  it('stix: valid for the OASIS validator, with no warning but derived ids', () => {
    const { report } = oasisValidate({ report: JSON.parse(renderReport(fb, 'stix', opts)) as unknown });
    expect(report!.valid, report!.findings.join('\n')).toBe(true);
    expect(beyondDerivedIds(report!)).toEqual([]);
  });

  it('misp: accepted by the MISP event checker with our object template', () => {
    const event = JSON.parse(renderReport(fb, 'misp', opts)) as { Event: { Object: unknown[] } };
    const check = mispEventCheck(event, [templates]);
    expect(check.output.trim()).toMatch(new RegExp(`^valid: MISP event with 0 attributes, ${fb.figures.filter((f) => f.count !== null).length} objects`));
    expect(check.status).toBe(0);
  });
});
