import { describe, expect, it } from 'vitest';
import { memoryLog } from '../../test-support/memory-log';
import type { UpdateDecision } from './update-decision';
import { runUpdateRound, updatePromptText, type UpdatePrompt, type UpdaterPort } from './update-flow';

const notify: UpdateDecision = { check: true, reason: 'enabled', mode: 'notify', feedUrl: 'https://updates.szw.example/' };
const auto: UpdateDecision = { ...notify, mode: 'auto' };

/** A stand-in for electron-updater that records what the flow asked of it. */
function updater(available: string | null, opts: { downloadFails?: boolean; checkFails?: boolean } = {}) {
  const calls: string[] = [];
  const port: UpdaterPort = {
    check: () => {
      calls.push('check');
      return opts.checkFails ? Promise.reject(new Error('ENOTFOUND updates.szw.example')) : Promise.resolve(available ? { version: available } : null);
    },
    download: () => {
      calls.push('download');
      // electron-updater rejects the download when the installer's signature does not match publisherName.
      return opts.downloadFails ? Promise.reject(new Error('New version 0.2.0 is not signed by the application owner')) : Promise.resolve();
    },
    installNow: () => void calls.push('install'),
  };
  return { port, calls };
}

function prompt(download: boolean, restart: boolean) {
  const asked: string[] = [];
  const p: UpdatePrompt = {
    askDownload: (v) => (asked.push(`download ${v}`), Promise.resolve(download)),
    askRestart: (v) => (asked.push(`restart ${v}`), Promise.resolve(restart)),
  };
  return { p, asked };
}

describe('an update round', () => {
  it('does nothing at all when the decision says no', async () => {
    const u = updater('0.2.0');
    const { log, lines } = memoryLog();
    expect(await runUpdateRound({ check: false, reason: 'policy_off' }, u.port, prompt(true, true).p, log)).toBe('skipped');
    expect(u.calls).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('in notify mode asks before downloading, and a no downloads nothing', async () => {
    const u = updater('0.2.0');
    const q = prompt(false, true);
    const { log, events } = memoryLog();
    expect(await runUpdateRound(notify, u.port, q.p, log)).toBe('declined');
    expect(u.calls).toEqual(['check']);
    expect(q.asked).toEqual(['download 0.2.0']);
    expect(events()).toMatchObject([{ event: 'update.result', outcome: 'declined' }]);
  });

  it('in notify mode downloads after a yes and restarts after a second yes', async () => {
    const u = updater('0.2.0');
    const q = prompt(true, true);
    expect(await runUpdateRound(notify, u.port, q.p, memoryLog().log)).toBe('restarting');
    expect(u.calls).toEqual(['check', 'download', 'install']);
    expect(q.asked).toEqual(['download 0.2.0', 'restart 0.2.0']);
  });

  it('in auto mode downloads without asking and only asks to restart; a no installs on quit', async () => {
    const u = updater('0.2.0');
    const q = prompt(false, false);
    expect(await runUpdateRound(auto, u.port, q.p, memoryLog().log)).toBe('install_on_quit');
    expect(u.calls).toEqual(['check', 'download']);
    expect(q.asked).toEqual(['restart 0.2.0']);
  });

  it('installs nothing when the download fails, including a signature that does not match', async () => {
    const u = updater('0.2.0', { downloadFails: true });
    const q = prompt(true, true);
    const { log, lines } = memoryLog();
    expect(await runUpdateRound(auto, u.port, q.p, log)).toBe('failed');
    expect(u.calls).toEqual(['check', 'download']);
    expect(q.asked).toEqual([]);
    expect(lines.join('\n')).toContain('"stage":"download"');
    expect(lines.join('\n')).not.toContain('signed');
  });

  it('says up to date, fails quietly when the feed is unreachable, and refuses a version that is not one', async () => {
    expect(await runUpdateRound(auto, updater(null).port, prompt(true, true).p, memoryLog().log)).toBe('up_to_date');
    expect(await runUpdateRound(auto, updater(null, { checkFails: true }).port, prompt(true, true).p, memoryLog().log)).toBe('failed');
    const odd = updater('0.2.0<script>');
    const q = prompt(true, true);
    expect(await runUpdateRound(notify, odd.port, q.p, memoryLog().log)).toBe('failed');
    expect(q.asked).toEqual([]);
  });

  it('asks in the language of the policy', () => {
    expect(updatePromptText('download', '0.2.0', 'nl').message).toBe('Versie 0.2.0 van OBI Werkplek is beschikbaar.');
    expect(updatePromptText('restart', '0.2.0', 'en').yes).toBe('Restart now');
  });
});
