import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { loadPolicy, readPolicyFile } from './load-policy';

describe('policy file', () => {
  it('loads a valid file with defaults and warnings for unknown keys', () => {
    const file = join(tempDir(), 'p.json');
    writeFileSync(file, JSON.stringify({ organisation: 'SZW', role: 'officer', nextYearsKey: true }));
    const loaded = loadPolicy(file);
    expect(loaded.policy.lockAfterMinutes).toBe(10);
    expect(loaded.warnings).toEqual([{ key: 'nextYearsKey', message: 'unknown key, ignored' }]);
  });

  it('refuses to start on a wrong value, naming each key', () => {
    const file = join(tempDir(), 'p.json');
    writeFileSync(file, JSON.stringify({ organisation: 'SZW', role: 'boss', language: 'fr' }));
    expect(() => loadPolicy(file)).toThrow(new AppError('policy_invalid', 'The policy is not valid: role: must be one of "officer", "teamlead"; language: must be one of "nl", "en".'));
  });

  it('names a missing, unreadable or non-JSON file as a problem instead of crashing', () => {
    const dir = tempDir();
    expect(readPolicyFile(join(dir, 'absent.json'))).toMatchObject({ ok: false, problems: [{ key: '(file)', message: 'cannot be read' }] });
    writeFileSync(join(dir, 'bad.json'), '{ organisation: SZW');
    expect(readPolicyFile(join(dir, 'bad.json'))).toMatchObject({ ok: false, problems: [{ key: '(file)', message: 'is not valid JSON' }] });
    expect(() => loadPolicy(undefined)).toThrow(/set OBI_POLICY/);
  });
});
