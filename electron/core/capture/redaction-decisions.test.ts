import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, type OpenVault } from '../vault/vault';
import { captureDeps } from '../wiring';
import { Meetings } from './meetings';
import { readyAll } from './ready-all';
import { decide, listDecisions, undecide } from './redaction-decisions';
import { Signals } from './signals';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

const tags = ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="intimidation-threats"'];
const summary = 'Karim Haddad werd gebeld op 06-12345678 door iemand van het consulaat.';

async function setup() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  open.push(vault);
  const deps = captureDeps(vault);
  const m = new Meetings(vault, deps).create(
    { date: '2026-11-02', time: null, kind: 'event', community: 'iranian', municipality: 'Deventer', setting: '', participants: 8 },
    summary,
  );
  const signals = new Signals(vault, deps);
  const s = signals.create({ meetingId: m.id, spans: [{ start: 0, end: 12 }], summary, tags, consent: true });
  return { vault, deps, signals, s };
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}${e.details.reason ? `:${String(e.details.reason)}` : ''}` : 'other';
  }
  return 'ok';
};

describe('redaction decisions and readiness', () => {
  it('keeps a signal from becoming ready until every proposed span has a decision', async () => {
    const { vault, signals, s } = await setup();
    expect(code(() => signals.transition(s.id, 'ready'))).toBe('not_ready:redaction_undecided');
    decide(vault, s.id, { surface: 'Karim Haddad', category: 'person', decision: 'redact', reason: null, origin: 'detected' });
    expect(code(() => signals.transition(s.id, 'ready'))).toBe('not_ready:redaction_undecided');
    decide(vault, s.id, { surface: '06-12345678', category: 'phone', decision: 'keep', reason: 'bewust', origin: 'detected' });
    expect(signals.transition(s.id, 'ready').state).toBe('ready');
  });

  it('refuses changes to the decisions of a signal that is no longer editable, and bad decisions', async () => {
    const { vault, signals, s } = await setup();
    expect(code(() => decide(vault, s.id, { surface: 'Karim Haddad', category: 'person', decision: 'keep', reason: 'two words', origin: 'detected' }))).toBe(
      'invalid_request',
    );
    readyAll(vault, captureDeps(vault), true);
    expect(signals.get(s.id).state).toBe('ready');
    expect(code(() => undecide(vault, s.id, 'Karim Haddad', 'person'))).toBe('not_editable');
  });

  it('audits decisions without the text they are about', async () => {
    const { vault, s } = await setup();
    decide(vault, s.id, { surface: 'Karim Haddad', category: 'person', decision: 'redact', reason: null, origin: 'detected' });
    const entry = vault.recentAudit(1)[0]!;
    expect(entry).toMatchObject({ event: 'redaction.decided', data: { signal: s.id, category: 'person', decision: 'redact', origin: 'detected' } });
    expect(JSON.stringify(vault.recentAudit(50))).not.toContain('Haddad');
    expect(listDecisions(vault, s.id)).toHaveLength(1);
  });

  it('readies every signal it can with --accept-proposed and says why the rest stay', async () => {
    const { vault, deps, signals, s } = await setup();
    const noConsent = signals.create({ meetingId: s.meetingId, spans: [{ start: 0, end: 5 }], summary: 'Zonder toestemming.', tags, consent: false });
    expect(readyAll(vault, deps, false)).toEqual({
      ready: 0,
      skipped: [
        { id: s.id, reason: 'redaction_undecided' },
        { id: noConsent.id, reason: 'no_consent' },
      ],
    });
    expect(readyAll(vault, deps, true)).toEqual({ ready: 1, skipped: [{ id: noConsent.id, reason: 'no_consent' }] });
    expect(listDecisions(vault, s.id).every((d) => d.decision === 'redact')).toBe(true);
  });
});
