import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertRegistryValue, parseRegQuery, readRegistrySource, registryCandidate } from './registry-policy';

/**
 * The fixtures are `reg query HKLM\Software\Policies\OBI\Werkplek` output in reg.exe's format:
 * CRLF lines, a blank line, the key, four-space columns, hex DWORDs, no data column for an empty
 * value, bytes in the OEM code page (cp850: ë is 0x89), subkeys listed after the values.
 */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

describe('reg query output', () => {
  it('is parsed into names, types and data', () => {
    const { values, problems } = parseRegQuery(fixture('reg-query-valid.txt'));
    expect(problems).toEqual([]);
    expect(values).toContainEqual({ name: 'lockAfterMinutes', type: 'REG_DWORD', data: '0x1e' });
    expect(values).toContainEqual({ name: 'updateFeedUrl', type: 'REG_SZ', data: 'https://updates.bz.example/obi-werkplek/' });
    expect(values).toHaveLength(7);
  });

  it('becomes typed policy values: DWORD numbers and booleans, strings', () => {
    const { values, problems } = registryCandidate(parseRegQuery(fixture('reg-query-valid.txt')).values);
    expect(problems).toEqual([]);
    expect(values).toEqual({
      organisation: 'BZ',
      role: 'teamlead',
      lockAfterMinutes: 30,
      allowOsKeyWrap: true,
      language: 'en',
      updates: 'notify',
      updateFeedUrl: 'https://updates.bz.example/obi-werkplek/',
    });
  });

  it('matches value names without regard to case and skips subkeys', () => {
    const parsed = parseRegQuery(fixture('reg-query-partial.txt'));
    expect(parsed.problems).toEqual([]);
    expect(registryCandidate(parsed.values).values).toEqual({ organisation: 'NCTV', lockAfterMinutes: 5, updates: 'off' });
  });

  it('names the key of every value of the wrong type or outside ASCII, and passes unknown names on', () => {
    const { values, problems } = registryCandidate(parseRegQuery(fixture('reg-query-invalid.txt')).values);
    expect(problems).toEqual([
      { key: 'lockAfterMinutes', message: 'must be a REG_DWORD (found REG_SZ)' },
      {
        key: 'updateFeedUrl',
        message: 'holds characters outside ASCII, which reg.exe does not pass on reliably (in JSON, write them as \\u escapes)',
      },
    ]);
    expect(values).toMatchObject({ organisation: 'AIVD', allowOsKeyWrap: 2, language: '', updates: 'sometimes', FutureKey: 'anything' });
  });

  it('reports lines it cannot read instead of skipping them', () => {
    const { problems } = parseRegQuery(Buffer.from('\r\nHKEY_LOCAL_MACHINE\\Software\\Policies\\OBI\\Werkplek\r\n    broken line\r\n'));
    expect(problems).toEqual([{ key: '(registry)', message: 'line 3 of the reg.exe output is not a value' }]);
  });
});

describe('the registry as a source', () => {
  it('is absent when reg.exe finds no key (exit 1, nothing on stdout)', () => {
    expect(readRegistrySource(() => ({ status: 1, stdout: Buffer.alloc(0) }))).toMatchObject({ present: false, values: {} });
  });

  it('is present and invalid when reg.exe cannot run or fails otherwise', () => {
    expect(readRegistrySource(() => ({ status: null, stdout: Buffer.alloc(0) })).problems).toEqual([
      { key: '(registry)', message: 'reg.exe could not be run' },
    ]);
    expect(readRegistrySource(() => ({ status: 5, stdout: Buffer.alloc(0) })).problems).toEqual([{ key: '(registry)', message: 'reg.exe failed (exit 5)' }]);
  });

  it('turns a JSON text (lists, objects: team keys, schedules) into its value, and a broken one into a problem', () => {
    const json = { kind: 'json' } as const;
    const value = (data: string, type = 'REG_SZ') => convertRegistryValue(json, { name: 'team', type, data });
    expect(value('[{"name":"Team A","key":"age1xyz"}]')).toEqual({ value: [{ name: 'Team A', key: 'age1xyz' }] });
    expect(value('{"cron":"0 9 * * 1"}', 'REG_EXPAND_SZ')).toEqual({ value: { cron: '0 9 * * 1' } });
    expect(value('[1, 2')).toEqual({ problem: 'is not valid JSON' });
    expect(value('0x1', 'REG_DWORD')).toEqual({ problem: 'must be a REG_SZ (found REG_DWORD)' });
    expect(value('["Beëindigd"]')).toMatchObject({ problem: expect.stringContaining('outside ASCII') as unknown });
    expect(value('["Be\\u00ebindigd"]')).toEqual({ value: ['Beëindigd'] });
    expect(convertRegistryValue({ kind: 'integer', min: 0, max: 10 }, { name: 'n', type: 'REG_QWORD', data: '0x0' })).toEqual({ value: 0 });
    expect(convertRegistryValue({ kind: 'boolean' }, { name: 'b', type: 'REG_BINARY', data: '01' })).toEqual({
      problem: 'must be a REG_DWORD (found REG_BINARY)',
    });
  });
});
