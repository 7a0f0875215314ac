import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/cli-io';
import { runCli } from '../cli/program';
import { fileLog } from '../core/logging/event-log';
import { dispatch } from '../core/rpc/dispatch';
import { createHandlers } from '../core/rpc/handlers';
import { VaultSession } from '../core/session/vault-session';
import { tempDir, testVaultOptions } from '../test-support/temp-dirs';
import { validTestPolicy } from '../test-support/test-policy';
import { captureDeps } from '../core/wiring';

/**
 * Canary strings go through every flow that exists — vault setup, unlock, wrong passphrase, change,
 * recovery, backup, invalid IPC input, CLI errors — and none may reach the log. The log must not
 * be empty either: the flows are there to be logged, by event name and code.
 */
const canary = (what: string) => `KANARIE-${what}-Yasmin-El-Amrani`;

function logText(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

describe('the log', () => {
  it('holds events of every flow and none of the canaries sent through them', async () => {
    const root = tempDir();
    const logDir = join(root, 'logs');
    const log = fileLog(logDir);
    const policy = validTestPolicy();

    // The app's flows, through the same dispatcher the window uses.
    const vaultDir = join(root, 'vault');
    const session = new VaultSession({ vaultDir, policy: policy.policy, vault: testVaultOptions, log });
    const handlers = createHandlers({ session, policy, captureDeps });
    const call = (channel: string, request: unknown) => dispatch(handlers, channel, request, { log });
    const first = canary('setup-passphrase');
    const setup = await call('vault.setup', { passphrase: first });
    expect(setup.ok).toBe(true);
    const recoveryKey = (setup as { value: { recoveryKey: string } }).value.recoveryKey;
    session.requireVault().setMeta('note', canary('vault-content'));
    await call('vault.confirmRecoveryKey', {});
    await call('vault.lock', {});
    expect((await call('vault.unlock', { passphrase: canary('wrong-passphrase') })).ok).toBe(false);
    expect((await call('vault.unlock', { passphrase: first })).ok).toBe(true);
    expect((await call('vault.changePassphrase', { current: canary('wrong-current'), next: canary('unused-next') })).ok).toBe(false);
    const second = canary('changed-passphrase');
    expect((await call('vault.changePassphrase', { current: first, next: second })).ok).toBe(true);
    await call('vault.lock', {});
    expect((await call('vault.recover', { recoveryKey: canary('malformed-recovery-key'), newPassphrase: canary('x-recover') })).ok).toBe(false);
    const third = canary('recovered-passphrase');
    expect((await call('vault.recover', { recoveryKey, newPassphrase: third })).ok).toBe(true);
    // Invalid IPC input that carries a canary in values, field names and channel names.
    await call('vault.unlock', { passphrase: 42, [canary('field-name')]: canary('field-value') });
    await call('vault.lock', { sneaky: canary('extra-field') });
    await call(canary('channel'), { x: canary('channel-body') });
    await call('audit.recent', { limit: canary('limit') });
    session.dispose();

    // The CLI, writing to the same log as the app does.
    const io: CliIo = { env: { OBI_PASSPHRASE: third }, out: () => undefined, err: () => undefined, log };
    const cliVault = join(root, canary('folder'));
    expect(await runCli(['vault', 'check', '--vault', vaultDir], io)).toBe(0);
    expect(await runCli(['vault', 'check', '--vault', vaultDir], { ...io, env: { OBI_PASSPHRASE: canary('cli-wrong') } })).toBe(2);
    expect(await runCli(['vault', 'backup', '--vault', vaultDir, '--out', join(root, `${canary('backup')}.tar`)], io)).toBe(0);
    expect(await runCli(['vault', 'restore', join(root, `${canary('backup')}.tar`), '--vault', cliVault], io)).toBe(0);
    expect(await runCli(['vault', 'init', '--vault', cliVault], { ...io, env: { OBI_PASSPHRASE: canary('init') } })).toBe(2);
    expect(await runCli([canary('command')], io)).toBe(2);
    const badPolicy = join(root, `${canary('policy-file')}.json`);
    writeFileSync(badPolicy, JSON.stringify({ organisation: canary('organisation'), [canary('policy-key')]: 1 }));
    expect(await runCli(['policy', 'check', badPolicy], io)).toBe(2);
    expect(await runCli(['vault', 'passwd', '--vault', vaultDir], { ...io, env: { OBI_PASSPHRASE: third, OBI_NEW_PASSPHRASE: 'kort' } })).toBe(2);
    await log.close();

    const text = logText(logDir);
    expect(text).not.toMatch(/KANARIE|Yasmin|El-Amrani/);
    const events = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'vault.created',
        'vault.unlocked',
        'vault.unlock_failed',
        'vault.locked',
        'vault.passphrase_changed',
        'vault.recovery_key_confirmed',
        'rpc.failed',
        'rpc.refused',
        'vault.backup_written',
        'vault.restored',
        'cli.failed',
      ]),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'vault.unlock_failed', method: 'passphrase', code: 'wrong_passphrase' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'vault.unlock_failed', method: 'recovery-key', code: 'recovery_key_malformed' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'vault.unlocked', method: 'recovery-key' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'rpc.failed', channel: 'vault.unlock', code: 'invalid_request' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'cli.failed', command: 'vault check', code: 'wrong_passphrase' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'cli.failed', command: 'policy check', code: 'policy_invalid' }));
    expect(events.filter((e) => e.event === 'log.rejected')).toEqual([]);
  }, 30_000);
});
