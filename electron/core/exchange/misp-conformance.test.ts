import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMispEvent, type MispEvent } from '../../../shared/exchange/misp/misp-event';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { publishedFigures, reportPeriod, withObjective } from '../../../shared/test-support/period-fixtures';
import { mispEventCheck } from '../../test-support/conformance-tools';

/** Our object templates in the misp-objects layout (NAME/definition.json), as a MISP server installs them. */
const templates = join(import.meta.dirname, '..', '..', '..', 'shared', 'exchange', 'misp', 'objects');

const input = { id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', period: reportPeriod, now: new Date('2027-01-05T14:37:12.000Z') };
const event = buildMispEvent({ ...input, figures: publishedFigures }, withObjective(builtinTaxonomy()));

describe("the MISP event against MISP's own format (../shared/tools/misp_event_check.py)", () => {
  it('is accepted with our template, which itself passes the misp-objects schema', () => {
    const attributes = event.Event.Object.reduce((n, o) => n + o.Attribute.length, 0);
    const check = mispEventCheck(event, [templates]);
    expect(check.output.trim()).toBe(`valid: MISP event with 0 attributes, 8 objects (${attributes} attributes), 5 tags`);
    expect(check.status).toBe(0);
  });

  it('accepts the event of a report without published figures', () => {
    const empty = buildMispEvent({ ...input, figures: publishedFigures.filter((f) => f.count === null) }, builtinTaxonomy());
    expect(empty.Event.Object).toEqual([]);
    expect(mispEventCheck(empty, [templates]).output.trim()).toBe('valid: MISP event with 0 attributes, 0 objects (0 attributes), 1 tags');
  });

  it('refuses a counter that is no number, another template version and a broken template (so the checks above can fail)', () => {
    const tampered = structuredClone<MispEvent>(event);
    tampered.Event.Object[0]!.Attribute.find((a) => a.type === 'counter')!.value = 'twelve';
    tampered.Event.Object[1]!.template_version = '2';
    const check = mispEventCheck(tampered, [templates]);
    expect(check.status).toBe(1);
    expect(check.output).toMatch(/Object\[0\] obi-fenomeenbeeld-figure\.Attribute\[0\]: a counter holds a whole number/);
    expect(check.output).toMatch(/Object\[1\] obi-fenomeenbeeld-figure: template_version 2 is not the template's 1/);

    const dir = mkdtempSync(join(tmpdir(), 'obi-misp-templates-'));
    try {
      cpSync(templates, dir, { recursive: true });
      const file = join(dir, 'obi-fenomeenbeeld-figure', 'definition.json');
      const broken = JSON.parse(readFileSync(file, 'utf8')) as { 'meta-category': string };
      broken['meta-category'] = 'interference';
      writeFileSync(file, JSON.stringify(broken));
      const refused = mispEventCheck(event, [dir]);
      expect(refused.status).toBe(1);
      expect(refused.output).toMatch(/^template obi-fenomeenbeeld-figure: 'interference' is not one of/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
