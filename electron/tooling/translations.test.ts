import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/contract/errors';
import { auditEvents } from '../../shared/vault/audit-events';
import en from '../../renderer/src/i18n/en.json';
import nl from '../../renderer/src/i18n/nl.json';

const leaves = (obj: object, prefix = ''): Array<[string, unknown]> =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
const keysOf = (obj: object) => leaves(obj).map(([k]) => k);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [p] : [];
  });
}

describe('translations', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const [lang, table] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      for (const [key, value] of leaves(table)) expect(typeof value === 'string' && value.length > 0, `${lang}:${key}`).toBe(true);
    }
  });

  it('cover every error code the core can send', () => {
    for (const code of errorCodes) expect(Object.keys(nl.errors), code).toContain(code);
  });

  it('name every audit event the core writes (the compiler holds every write to that list)', () => {
    for (const event of auditEvents) expect(Object.keys(nl.events), event).toContain(event);
  });

  it('are used by key only: every t() key in the renderer exists', () => {
    const known = new Set(keysOf(nl));
    const root = join(import.meta.dirname, '..', '..', 'renderer', 'src');
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z_.]+)'/g)) expect(known.has(m[1]!), `${file}: ${m[1]}`).toBe(true);
    }
  });
});
