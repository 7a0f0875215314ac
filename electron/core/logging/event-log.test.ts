import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryLog } from '../../test-support/memory-log';
import { tempDir } from '../../test-support/temp-dirs';
import { EventLog, fileLog, logFileName, readLogTail } from './event-log';
import { errorClassOf } from './log-events';

const at = new Date('2026-11-28T10:00:00.000Z');

describe('the event log', () => {
  it('writes one JSON line per event with its typed fields', () => {
    const { log, lines } = memoryLog();
    log.event('vault.unlocked', { method: 'passphrase', failedAttempts: 2 });
    log.event('vault.created');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toMatchObject([
      { event: 'vault.unlocked', method: 'passphrase', failedAttempts: 2 },
      { event: 'vault.created' },
    ]);
    expect(EventLog.line('vault.locked', { reason: 'idle' }, at)).toBe('{"at":"2026-11-28T10:00:00.000Z","event":"vault.locked","reason":"idle"}');
  });

  it('refuses free text at run time, even from a caller that casts past the types', () => {
    const canary = 'Yasmin El-Amrani, Slotermeerlaan 12';
    const bad: Array<[string, unknown]> = [
      ['vault.locked', { reason: canary }],
      ['vault.unlocked', { method: 'passphrase', failedAttempts: 1, note: canary }],
      ['vault.unlock_failed', { method: 'passphrase', code: canary, failedAttempts: 0 }],
      ['rpc.failed', { channel: canary, code: 'internal' }],
      ['cli.failed', { command: 'vault Yasmin', code: 'internal' }],
      ['policy.loaded', { valid: false, sources: [], problemKeys: [canary], warnings: 0 }],
      [canary, {}],
      ['vault.created', canary],
    ];
    for (const [name, fields] of bad) {
      const line = EventLog.line(name, fields, at);
      expect(line).not.toContain('Yasmin');
      expect(JSON.parse(line)).toMatchObject({ event: 'log.rejected' });
    }
    expect(JSON.parse(EventLog.line('vault.locked', { reason: canary }, at))).toEqual({
      at: at.toISOString(),
      event: 'log.rejected',
      rejected: 'vault.locked',
    });
  });

  it('never throws when the sink fails', () => {
    const log = new EventLog({
      write: () => {
        throw new Error('disk full');
      },
      close: () => Promise.resolve(),
    });
    expect(() => log.event('vault.created')).not.toThrow();
  });

  it('names only built-in error classes', () => {
    class PersonNotFound extends Error {}
    expect(errorClassOf(new TypeError('x'))).toBe('TypeError');
    expect(errorClassOf(new PersonNotFound('Jan'))).toBe('other');
    expect(errorClassOf('a string')).toBe('other');
  });
});

describe('the log file', () => {
  it('is created on the first event only, private to the user, and rotates at 1 MiB', async () => {
    const dir = join(tempDir(), 'logs');
    const idle = fileLog(dir);
    await idle.close();
    expect(existsSync(dir)).toBe(false);

    const log = fileLog(dir);
    for (let i = 0; i < 20_000; i++) log.event('vault.unlock_failed', { method: 'passphrase', code: 'wrong_passphrase', failedAttempts: i });
    await log.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, logFileName)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, `${logFileName}.1`))).toBe(true);
    expect(statSync(join(dir, `${logFileName}.1`)).size).toBeLessThanOrEqual(1024 * 1024 + 200);

    const tail = readLogTail(dir, 3);
    expect(tail.map((l) => (JSON.parse(l) as { failedAttempts: number }).failedAttempts)).toEqual([19_997, 19_998, 19_999]);
    const all = readLogTail(dir, 100_000);
    expect(all).toHaveLength(20_000);
    expect((JSON.parse(all[0]!) as { failedAttempts: number }).failedAttempts).toBe(0);
  });

  it('is re-checked line by line when read for diagnostics: lines that are not events are dropped', async () => {
    const dir = join(tempDir(), 'logs');
    const log = fileLog(dir);
    log.event('vault.created');
    await log.close();
    appendFileSync(join(dir, logFileName), 'note: met Yasmin gesproken\n{"at":"2026-11-28T10:00:00.000Z","event":"vault.locked","reason":"Yasmin"}\n[1]\n');
    const tail = readLogTail(dir, 10);
    expect(tail).toHaveLength(4);
    expect(tail[0]).toMatch(/"event":"vault.created"/);
    expect(tail.slice(1)).toEqual(Array(3).fill('(line dropped: not an event)'));
    expect(readFileSync(join(dir, logFileName), 'utf8')).toContain('Yasmin');
    expect(tail.join('\n')).not.toContain('Yasmin');
  });
});
