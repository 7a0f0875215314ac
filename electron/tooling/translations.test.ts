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
});
