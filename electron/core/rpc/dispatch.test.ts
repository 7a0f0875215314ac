import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinTaxonomy } from '../../../shared/taxonomy/builtin-taxonomy';
import { channels } from '../../../shared/contract/ipc-contract';
import type { TaxonomyView } from '../../../shared/taxonomy/taxonomy-view';
import { evolve } from '../../../shared/test-support/taxonomy-evolve';
import { memoryLog } from '../../test-support/memory-log';
import { centralKey, writeTaxonomyFile } from '../../test-support/signed-taxonomy';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { validTestPolicy } from '../../test-support/test-policy';
import { AppError } from '../app-error';
import { workstationKeys } from '../exchange/workstation-keys';
import { VaultSession } from '../session/vault-session';
import { importTaxonomy } from '../taxonomy/import-taxonomy';
import { dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { captureDeps } from '../wiring';

const policy = validTestPolicy({ future: 1, taxonomyKey: centralKey().taxonomyKey });
const sessions: VaultSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.dispose()));

function sessionAndHandlers(): { session: VaultSession; h: Handlers } {
  const session = new VaultSession({ vaultDir: join(tempDir(), 'v'), policy: policy.policy, vault: testVaultOptions });
  sessions.push(session);
  return { session, h: createHandlers({ session, policy, captureDeps }) };
}

const handlers = (): Handlers => sessionAndHandlers().h;

describe('dispatch', () => {
  it('answers an unknown channel with a structured error', async () => {
    expect(await dispatch(handlers(), 'fs.readFile', {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel.' } });
    expect((await dispatch(handlers(), '__proto__', {})).ok).toBe(false);
  });

  it('names the field at fault and never echoes the value', async () => {
    const secret = 'short';
    const result = await dispatch(handlers(), 'vault.setup', { passphrase: secret });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', field: 'passphrase', message: 'passphrase: must be at least 12 characters' },
    });
    const wrongType = await dispatch(handlers(), 'vault.unlock', { passphrase: 42 });
    expect(wrongType).toMatchObject({ ok: false, error: { field: 'passphrase', message: 'passphrase: must be string' } });
    const extra = await dispatch(handlers(), 'vault.lock', { sneaky: 'Jan de Vries' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(extra)).not.toContain('Jan de Vries');
  });

  it('turns AppErrors into their code and everything else into a generic internal error', async () => {
    const h = handlers();
    const failing: Handlers = {
      ...h,
      'vault.status': () => {
        throw new Error('SQLITE_ERROR near "Yıldız": syntax error at /home/officer/vault.db');
      },
      'vault.lock': () => {
        throw new AppError('vault_locked', 'The vault is locked.');
      },
    };
    const { log, lines, events } = memoryLog();
    const internal = await dispatch(failing, 'vault.status', {}, { log });
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'An unexpected error occurred.' } });
    expect(await dispatch(failing, 'vault.lock', {}, { log })).toEqual({ ok: false, error: { code: 'vault_locked', message: 'The vault is locked.' } });
    expect(events()).toMatchObject([
      { event: 'rpc.failed', channel: 'vault.status', code: 'internal', errorClass: 'Error' },
      { event: 'rpc.failed', channel: 'vault.lock', code: 'vault_locked' },
    ]);
    expect(lines.join('\n')).not.toMatch(/Yıldız|officer|SQLITE/);
  });

  it('passes answers through their schema, dropping fields beyond the contract', async () => {
    const h = handlers();
    const leaky: Handlers = { ...h, 'session.activity': () => ({ secret: 'leak' }) as unknown as Record<string, never> };
    expect(await dispatch(leaky, 'session.activity', {})).toEqual({ ok: true, value: {} });
  });

  it('serves the whole vault flow through the contract', async () => {
    const h = handlers();
    const setup = await dispatch(h, 'vault.setup', { passphrase });
    expect(setup).toMatchObject({ ok: true, value: { status: { state: 'unlocked', recoveryKeyPending: true } } });
    // Newest first: a new workstation gets its keys right after the vault.
    expect(await dispatch(h, 'audit.recent', { limit: 5 })).toMatchObject({
      ok: true,
      value: { entries: [{ event: 'keys.created' }, { event: 'vault.created' }] },
    });
    expect(await dispatch(h, 'app.info', {})).toMatchObject({
      ok: true,
      value: { policy: { organisation: 'SZW', warnings: ['future: unknown key, ignored'] } },
    });
    expect(await dispatch(h, 'vault.lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await dispatch(h, 'audit.recent', { limit: 5 })).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    expect(await dispatch(h, 'vault.unlock', { passphrase: 'nope' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
  });

  it('serves the taxonomy in force, labelled in both languages, to an unlocked vault only', async () => {
    const { session, h } = sessionAndHandlers();
    expect(await dispatch(h, 'taxonomy.get', {})).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    await dispatch(h, 'vault.setup', { passphrase });
    const builtin = await dispatch(h, 'taxonomy.get', {});
    if (!builtin.ok) throw new Error(builtin.error.message);
    const view = builtin.value as TaxonomyView;
    expect(view).toMatchObject({
      namespace: 'nl-obi',
      version: builtinTaxonomy().machinetag.version,
      labels: { nl: { label: 'OBI-signalen (ongewenste buitenlandse inmenging)' } },
    });
    const severity = view.predicates.find((p) => p.predicate === 'severity')!;
    expect(severity).toMatchObject({ exclusive: true, usage: 'classification', labels: { nl: { label: 'Ernst' }, en: { label: 'Severity' } } });
    expect(view.predicates.filter((p) => p.usage === 'grading').map((p) => p.predicate)).toEqual(['source-reliability', 'information-credibility']);

    const { key, taxonomyKey } = centralKey();
    importTaxonomy(session.requireVault(), [], writeTaxonomyFile(tempDir(), evolve([{ rename: ['channel', 'email', 'e-mail'] }]), key), taxonomyKey);
    const imported = await dispatch(h, 'taxonomy.get', {});
    expect(imported).toMatchObject({ ok: true, value: { version: builtinTaxonomy().machinetag.version + 1 } });
    if (imported.ok) expect((imported.value as TaxonomyView).predicates.find((p) => p.predicate === 'channel')!.values.map((v) => v.value)).toContain('e-mail');
  });

  it('gives a new vault its workstation keys, and shows only their public parts and fingerprint', async () => {
    const { session, h } = sessionAndHandlers();
    expect(await dispatch(h, 'keys.show', {})).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    await dispatch(h, 'vault.setup', { passphrase });
    const shown = await dispatch(h, 'keys.show', {});
    expect(shown).toEqual({ ok: true, value: { keys: workstationKeys(session.requireVault()) } });
    const keys = shown.ok ? (shown.value as { keys: { signer: string; recipient: string } }).keys : null;
    expect(keys?.signer).toMatch(/^RW/);
    expect(keys?.recipient).toMatch(/^age1/);
    expect(JSON.stringify(shown)).not.toContain('AGE-SECRET-KEY');
    expect(await dispatch(h, 'keys.create', {})).toMatchObject({ ok: false, error: { code: 'keys_exist' } });
    const sheet = await dispatch(h, 'enrolment.sheet', {});
    expect(sheet.ok && (sheet.value as { text: string }).text).toContain('Vingerafdruk / fingerprint');
  });

  it('tells index upkeep about every write to the full-text indexes, and only about those', async () => {
    const session = new VaultSession({ vaultDir: join(tempDir(), 'v'), policy: policy.policy, vault: testVaultOptions });
    sessions.push(session);
    let writes = 0;
    const h = createHandlers({ session, policy, captureDeps, afterIndexWrite: () => writes++ });
    await dispatch(h, 'vault.setup', { passphrase });
    const fields = { date: '2026-11-02', kind: 'community-dialogue', community: 'iranian', municipality: 'Deventer', setting: 'buurthuis', participants: 12 };
    const created = await dispatch(h, 'meetings.create', { fields, notes: 'eerste versie' });
    if (!created.ok) throw new Error(created.error.message);
    const meetingId = (created.value as { id: number }).id;
    const got = await dispatch(h, 'meetings.get', { id: meetingId });
    if (!got.ok) throw new Error(got.error.message);
    const baseRevision = (got.value as { notes: { revision: number } }).notes.revision;
    expect(await dispatch(h, 'notes.save', { meetingId, body: 'tweede versie', baseRevision })).toMatchObject({ ok: true });
    expect(await dispatch(h, 'search.query', { query: 'versie', filters: {}, limit: 10, offset: 0 })).toMatchObject({
      ok: true,
      value: { hits: [{ meetingId }] },
    });
    expect(writes).toBe(2);
  });

  it('refuses an implausible meeting date and a broken character from the app, naming the field', async () => {
    const h = handlers();
    await dispatch(h, 'vault.setup', { passphrase });
    const fields = { date: '1989-12-31', kind: 'community-dialogue', community: 'iranian', municipality: 'Deventer', setting: 'buurthuis', participants: 12 };
    expect(await dispatch(h, 'meetings.create', { fields, notes: '' })).toEqual({
      ok: false,
      error: { code: 'invalid_request', field: 'date', message: 'date: must not be before 1990-01-01' },
    });
    expect(await dispatch(h, 'meetings.create', { fields: { ...fields, date: '9999-12-31' }, notes: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'date' },
    });
    expect(await dispatch(h, 'meetings.create', { fields: { ...fields, date: '2026-11-02' }, notes: 'half \ud83d' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'notes', message: 'notes: contains an unpaired surrogate (a broken character)' },
    });
    expect(await dispatch(h, 'meetings.list', { limit: 10 })).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('never throws and always answers in shape, whatever arrives (fuzz)', async () => {
    const h = handlers();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels, 'nope', ''), fc.anything(), async (channel, request) => {
        const result = await dispatch(h, channel, request);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(typeof result.error.code).toBe('string');
          expect(result.error.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 300 },
    );
  });
});
