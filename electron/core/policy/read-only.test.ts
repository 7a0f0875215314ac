import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract/ipc-contract';
import { memoryLog } from '../../test-support/memory-log';
import { invalidTestPolicy, validTestPolicy } from '../../test-support/test-policy';
import { AppError } from '../app-error';
import { dispatch } from '../rpc/dispatch';
import { createReadOnlyHandlers } from '../rpc/handlers';
import { policyLoadSummary } from './policy-summary';
import { assertMaySend, effectivePolicyView } from './read-only';

const invalid = invalidTestPolicy({ organisation: 'AIVD', lockAfterMinutes: 0, future: true });

describe('the read-only state (invalid machine policy)', () => {
  it('is a flag export code checks: nothing leaves while a key is wrong', () => {
    expect(() => assertMaySend(invalid)).toThrow(
      new AppError('policy_invalid', 'The machine policy is not valid (organisation, lockAfterMinutes); the app is read-only and exports nothing.'),
    );
    expect(() => assertMaySend(validTestPolicy())).not.toThrow();
  });

  it('answers only the two channels that describe it; every other channel refuses, the vault is never touched', async () => {
    const handlers = createReadOnlyHandlers(invalid);
    const { log, events } = memoryLog();
    const info = await dispatch(handlers, 'app.info', {}, { log });
    expect(info).toEqual({ ok: true, value: { version: expect.any(String) as string, readOnly: true, policy: null } });
    const view = await dispatch(handlers, 'policy.effective', {}, { log });
    expect(view).toMatchObject({
      ok: true,
      value: {
        valid: false,
        problems: [
          { key: 'organisation', message: 'must be one of "SZW", "BZ", "NCTV"', source: 'dev-file' },
          { key: 'lockAfterMinutes', message: 'must be at least 1', source: 'dev-file' },
        ],
        warnings: [{ key: 'future', message: 'unknown key, ignored' }],
      },
    });
    // Every other channel, also one added later, refuses whatever the request.
    for (const channel of channels.filter((c) => c !== 'app.info' && c !== 'policy.effective')) {
      const handler = handlers[channel] as (request: unknown) => unknown;
      expect(() => handler({}), channel).toThrow(expect.objectContaining({ code: 'policy_invalid' }) as Error);
    }
    expect(await dispatch(handlers, 'vault.setup', { passphrase: 'a long enough passphrase' }, { log })).toMatchObject({
      ok: false,
      error: { code: 'policy_invalid', message: expect.stringContaining('exports nothing') as string },
    });
    expect(events()).toEqual([expect.objectContaining({ event: 'rpc.failed', channel: 'vault.setup', code: 'policy_invalid' })]);
  });

  it('shows values as JSON text with their origin', () => {
    expect(effectivePolicyView(validTestPolicy({ lockAfterMinutes: 5 })).entries).toContainEqual({ key: 'lockAfterMinutes', value: '5', origin: 'dev-file' });
  });

  it('is noted in the log by key names only', () => {
    expect(policyLoadSummary(invalid)).toEqual({ valid: false, sources: ['dev-file'], problemKeys: ['organisation', 'lockAfterMinutes'], warnings: 1 });
  });
});
