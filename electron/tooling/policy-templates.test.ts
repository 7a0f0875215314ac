import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parsePolicy, policyKeyNames, policyKeys, policyKeySpec } from '../../shared/policy/policy-schema';
import { policyTemplateFiles, type KeyTable } from '../../shared/policy/policy-templates';

const policyDir = join(import.meta.dirname, '..', '..', 'build', 'policy');
const generated = policyTemplateFiles();

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, msg: unknown) => void (level !== 'warning' && errors.push(String(msg))) }).parseFromString(
    text,
    'text/xml',
  );
  expect(errors).toEqual([]);
  return doc;
}

const elements = (doc: Document | Element, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const attr = (el: Element, name: string) => el.getAttribute(name) ?? '';

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesBelow(p) : [relative(policyDir, p)];
  });
}

describe('policy templates in build/policy', () => {
  it('are the ones generated from the schema (regenerate: npm run policy:templates)', () => {
    for (const [path, text] of Object.entries(generated)) {
      expect(existsSync(join(policyDir, path)), `${path} is missing`).toBe(true);
      expect(readFileSync(join(policyDir, path), 'utf8'), `${path} drifted from the schema`).toBe(text);
    }
    const stale = filesBelow(policyDir).filter((p) => /^(windows\/|linux\/|policy-keys\.md$)/.test(p) && !(p in generated));
    expect(stale, 'files no longer generated').toEqual([]);
  });

  it('have one ADMX policy per key, each writing the registry value of its name under HKLM', () => {
    const admx = parseXml(generated['windows/obi-werkplek.admx']!);
    const policies = elements(admx, 'policy');
    expect(policies.map((p) => attr(p, 'name'))).toEqual(policyKeyNames);
    for (const p of policies) {
      expect(attr(p, 'class')).toBe('Machine');
      expect(attr(p, 'key')).toBe('Software\\Policies\\OBI\\Werkplek');
      const valueNames = [attr(p, 'valueName'), ...elements(p, '*').map((e) => attr(e, 'valueName'))].filter(Boolean);
      expect(valueNames, attr(p, 'name')).toEqual([attr(p, 'name')]);
    }
    const lock = policies.find((p) => attr(p, 'name') === 'lockAfterMinutes')!;
    expect(elements(lock, 'decimal').map((d) => [attr(d, 'minValue'), attr(d, 'maxValue')])).toEqual([['1', '480']]);
    const updates = policies.find((p) => attr(p, 'name') === 'updates')!;
    expect(elements(updates, 'string').map((s) => s.textContent)).toEqual(['off', 'notify', 'auto']);
  });

  it('resolve every string and presentation the ADMX names, in Dutch and in English', () => {
    const admxText = generated['windows/obi-werkplek.admx']!;
    const stringRefs = [...admxText.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)].map((m) => m[1]!);
    const presentationRefs = [...admxText.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)].map((m) => m[1]!);
    const admx = parseXml(admxText);
    const elementIds = elements(admx, 'elements').flatMap((e) =>
      Array.from(e.childNodes)
        .filter((n): n is Element => n.nodeType === 1)
        .map((n) => attr(n, 'id')),
    );
    for (const locale of ['nl-NL', 'en-US']) {
      const adml = parseXml(generated[`windows/${locale}/obi-werkplek.adml`]!);
      const strings = new Map(elements(adml, 'string').map((s) => [attr(s, 'id'), s.textContent ?? '']));
      for (const ref of stringRefs) expect(strings.get(ref), `${locale}: string ${ref}`).toBeTruthy();
      const presentations = elements(adml, 'presentation');
      expect(presentations.map((p) => attr(p, 'id')).sort(), locale).toEqual([...presentationRefs].sort());
      const refIds = presentations.flatMap((p) =>
        elements(p, '*')
          .map((e) => attr(e, 'refId'))
          .filter(Boolean),
      );
      expect(refIds.sort(), locale).toEqual([...elementIds].sort());
    }
    const nl = parseXml(generated['windows/nl-NL/obi-werkplek.adml']!);
    const explain = elements(nl, 'string').find((s) => attr(s, 'id') === 'updates_Explain')?.textContent;
    expect(explain).toContain('Standaard (niet geconfigureerd): off');
    expect(explain).toContain('HKLM\\Software\\Policies\\OBI\\Werkplek\\updates (REG_SZ)');
  });

  it('carry lists and objects (team keys, schedules) as JSON text in a REG_SZ value, with an example', () => {
    const description = { nl: 'Sleutels van het team.', en: 'Keys of the team.' };
    const future: KeyTable = {
      ...(policyKeys as unknown as KeyTable),
      teamKeys: { schema: z.array(z.object({ name: z.string(), key: z.string() })), description, example: [{ name: 'Team Noord', key: 'age1…' }] },
      taxonomyKey: { schema: z.string().regex(/^RW/), description, optional: true },
      kAnonymity: { schema: z.number().int().min(2).max(50), description, default: 5 },
    };
    const files = policyTemplateFiles(future);
    const admx = parseXml(files['windows/obi-werkplek.admx']!);
    const texts = new Map(elements(admx, 'text').map((t) => [attr(t, 'id'), attr(t, 'maxLength')]));
    expect(texts.get('teamKeys')).toBe('16384');
    expect(texts.get('taxonomyKey')).toBe('2048');
    expect(elements(admx, 'decimal').map((d) => attr(d, 'id'))).toContain('kAnonymity');
    const en = parseXml(files['windows/en-US/obi-werkplek.adml']!);
    const explain = elements(en, 'string').find((e) => attr(e, 'id') === 'teamKeys_Explain')?.textContent ?? '';
    expect(explain).toContain('Value: JSON text on one line');
    expect(explain).toContain('[{"name":"Team Noord","key":"age1…"}]');
    expect(explain).toContain('Required: without this setting the app starts read-only.');
    expect(explain).toContain('(REG_SZ)');
    const optional = elements(en, 'string').find((e) => attr(e, 'id') === 'taxonomyKey_Explain')?.textContent ?? '';
    expect(optional).toContain('Optional: not configured means no value.');
    const example = JSON.parse(files['linux/policy.json']!) as Record<string, unknown>;
    expect(example).toMatchObject({ teamKeys: [{ name: 'Team Noord' }], kAnonymity: 5 });
    expect(example).not.toHaveProperty('taxonomyKey');
  });

  it('include a Linux example that is itself a valid policy', () => {
    const example = JSON.parse(generated['linux/policy.json']!) as Record<string, unknown>;
    expect(Object.keys(example)).toEqual(policyKeyNames.filter((k) => !policyKeySpec(k).optional || policyKeySpec(k).example !== undefined));
    expect(parsePolicy(example)).toMatchObject({ ok: true, warnings: [] });
  });
});
