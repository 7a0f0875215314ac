import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { decryptedPages } from '../../test-support/vault-sql';
import { createVault, unlockWithPassphrase, type OpenVault } from '../vault/vault';
import { approve, listReview, storeIncoming, type IncomingSignal } from './four-eyes-review';
import { ReviewStore } from './review-store';
import { applyReviewRetention } from './review-retention';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

const signal = (ref: string, summary: string, date: string): IncomingSignal => ({
  signalRef: ref,
  summary,
  tags: ['nl-obi:state-actor="IR"'],
  date,
  municipality: 'Deventer',
  province: 'Overijssel',
  conversation: null,
});

describe("retention on the team lead's workstation", () => {
  it('clears delivered items past the period and the payloads that carried them, leaving no trace in any decrypted page', async () => {
    const dir = join(tempDir(), 'v');
    const { vault } = await createVault(dir, passphrase, testVaultOptions);
    const oldCanary = 'qqxoudsamenvatting';
    const pendingCanary = 'qqzwachtendesamenvatting';
    const payload = (words: string) => JSON.stringify({ manifest: {}, note: words });
    storeIncoming(vault, {
      id: 'b-old',
      kind: 'officer',
      signer: 'RWo',
      signerName: 'officer-1',
      payload: payload(oldCanary),
      signals: [signal('s1', `Oud ${oldCanary}`, '2024-10-01')],
    });
    storeIncoming(vault, {
      id: 'b-new',
      kind: 'officer',
      signer: 'RWo',
      signerName: 'officer-1',
      payload: payload(pendingCanary),
      signals: [signal('s2', `Ook oud maar niet afgeleverd ${pendingCanary}`, '2024-10-01')],
    });
    const [delivered] = listReview(vault, null);
    approve(vault, delivered!.id, null);
    new ReviewStore(vault).markDelivered(delivered!.id);
    vault.close();
    const work = tempDir();
    expect((await decryptedPages(dir, passphrase, work)).includes(oldCanary)).toBe(true);

    const lead = await unlockWithPassphrase(dir, passphrase, testVaultOptions);
    open.push(lead);
    expect(applyReviewRetention(lead, 24, new Date('2026-09-01T12:00:00Z'))).toBe(0);
    expect(applyReviewRetention(lead, 24, new Date('2026-11-20T12:00:00Z'))).toBe(1);
    expect(applyReviewRetention(lead, 24, new Date('2026-11-21T12:00:00Z'))).toBe(0);
    const [cleared, waiting] = listReview(lead, null);
    expect(cleared).toMatchObject({ state: 'delivered', summary: '', municipality: null, province: 'Overijssel', date: '2024-10-01' });
    expect(waiting).toMatchObject({ state: 'pending', municipality: 'Deventer' });
    expect(lead.recentAudit(5).find((e) => e.event === 'retention.review_cleared')?.data).toEqual({ items: 1, payloads: 1, retentionMonths: 24 });
    lead.close();
    const after = await decryptedPages(dir, passphrase, work);
    expect(after.includes(oldCanary)).toBe(false);
    // What is still under review stays whole.
    expect(after.includes(pendingCanary)).toBe(true);
  });
});
