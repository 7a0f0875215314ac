import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { createVault, type OpenVault } from '../vault/vault';
import { approve, listReview, redactFurther, returnItem, storeIncoming, type IncomingSignal } from './four-eyes-review';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

const signal = (ref: string, summary = 'Familie van [PERSOON-1] ondervraagd in Teheran.'): IncomingSignal => ({
  signalRef: ref,
  conversation: null,
  summary,
  tags: ['nl-obi:state-actor="IR"'],
  date: '2026-11-02',
  municipality: 'Deventer',
  province: 'Overijssel',
});

async function lead() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  open.push(vault);
  return vault;
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
  return 'ok';
};

describe('team-lead review', () => {
  it('stores an officer bundle once and refuses the same id again, keeping nothing of the replay', async () => {
    const v = await lead();
    const bundle = { id: 'b-1', kind: 'officer', signer: 'RWofficer', signerName: 'officer-1', payload: '{}', signals: [signal('s1'), signal('s2')] };
    expect(storeIncoming(v, bundle)).toBe(2);
    expect(code(() => storeIncoming(v, bundle))).toBe('bundle_replayed');
    expect(listReview(v, null)).toHaveLength(2);
  });

  it('approves and returns with a reason, once, and never lets a lead approve their own signal', async () => {
    const v = await lead();
    storeIncoming(v, { id: 'b-1', kind: 'officer', signer: 'RWofficer', signerName: 'officer-1', payload: '{}', signals: [signal('s1'), signal('s2')] });
    storeIncoming(v, { id: 'b-2', kind: 'officer', signer: 'RWlead', signerName: 'lead-as-officer', payload: '{}', signals: [signal('s3')] });
    const [a, b, own] = listReview(v, 'RWlead');
    expect(own!.ownSignal).toBe(true);
    expect(approve(v, a!.id, 'RWlead').state).toBe('approved');
    expect(code(() => approve(v, a!.id, 'RWlead'))).toBe('invalid_transition');
    expect(code(() => returnItem(v, b!.id, '  ', 'RWlead'))).toBe('invalid_request');
    expect(returnItem(v, b!.id, 'Noem de straat niet', 'RWlead')).toMatchObject({ state: 'returned', reason: 'Noem de straat niet' });
    expect(code(() => approve(v, own!.id, 'RWlead'))).toBe('four_eyes');
    expect(v.recentAudit(10).map((e) => e.event)).toEqual(expect.arrayContaining(['review.approved', 'review.returned', 'bundle.received']));
  });

  it('redacts further with the next free number, never back', async () => {
    const v = await lead();
    storeIncoming(v, {
      id: 'b-1',
      kind: 'officer',
      signer: 'RWo',
      signerName: 'officer-1',
      payload: '{}',
      signals: [signal('s1', '[PERSOON-1] sprak met Amina over de ambassade.')],
    });
    const [item] = listReview(v, null);
    const start = item!.summary.indexOf('Amina');
    const after = redactFurther(v, item!.id, start, start + 5, 'person', null);
    expect(after.summary).toBe('[PERSOON-1] sprak met [PERSOON-2] over de ambassade.');
    expect(code(() => redactFurther(v, item!.id, 0, 999, 'person', null))).toBe('invalid_request');
    approve(v, item!.id, null);
    expect(code(() => redactFurther(v, item!.id, 0, 5, 'person', null))).toBe('invalid_transition');
  });
});
