import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangePair } from '../../test-support/exchange-pair';
import { tempDir } from '../../test-support/temp-dirs';
import { filesIn, startDropBox, type DropBox } from '../../test-support/webdav-server';
import { sendNow, readInbox } from '../exchange/exchange-service';
import { listReview } from '../exchange/four-eyes-review';
import { vaultSql } from '../../test-support/vault-sql';

const tls = (box: DropBox) => ({ caCert: box.pki.ca, clientCert: box.pki.clientCert, clientKey: box.pki.clientKey });

describe('delivery over WebDAV, decided by the ledger', () => {
  it('the server stopped between signature and bundle and started again: the bundle arrives exactly once', async () => {
    const box = await startDropBox(tempDir());
    const pair = await exchangePair({
      officer: { kind: 'webdav', url: box.url, outbox: '/o2l/', inbox: '/l2o/', ...tls(box) },
      lead: { kind: 'webdav', url: box.url, outbox: '/central/', inbox: '/o2l/', ...tls(box) },
    });
    const { officer, officerPolicy } = pair;

    const cut = await sendNow(officer.vault, officerPolicy, officer.deps, { afterFile: (name) => name.endsWith('.minisig') && box.stopNow() });
    expect(cut.failures.map((f) => f.code)).toEqual(['server_unreachable']);
    expect(filesIn(box, 'o2l')).toEqual([`${cut.prepared}.age.minisig`]);
    expect(vaultSql(officer.vault)('SELECT state FROM outgoing_bundles WHERE id = ?').get(cut.prepared)).toEqual({ state: 'prepared' });

    await box.start();
    const again = await sendNow(officer.vault, officerPolicy, officer.deps);
    expect(again).toMatchObject({ prepared: null, failures: [] });
    expect(filesIn(box, 'o2l')).toEqual([`${cut.prepared}.age`, `${cut.prepared}.age.minisig`]);
    // The signature was already there with the same bytes: recognised, not written again.
    expect(
      box
        .requests()
        .filter((r) => r.startsWith('PUT '))
        .sort(),
    ).toEqual([`PUT /o2l/${cut.prepared}.age 201`, `PUT /o2l/${cut.prepared}.age.minisig 201`, `PUT /o2l/${cut.prepared}.age.minisig 412`]);
    const signals = vaultSql(officer.vault)('SELECT state, count(*) AS n FROM signals GROUP BY state').all();
    expect(signals).toEqual([{ state: 'sent', n: 3 }]);

    const taken = await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    expect(taken.map((r) => r.outcome)).toEqual(['imported']);
    expect(listReview(pair.lead.vault, null)).toHaveLength(3);
    expect(filesIn(box, 'o2l/processed')).toEqual([`${cut.prepared}.age`, `${cut.prepared}.age.minisig`]);
  });

  it('refuses an oversized file in the inbox without asking the server for it, and takes in the rest', async () => {
    const box = await startDropBox(tempDir());
    const pair = await exchangePair({
      officer: { kind: 'webdav', url: box.url, outbox: '/o2l/', inbox: '/l2o/', ...tls(box) },
      lead: { kind: 'webdav', url: box.url, outbox: '/central/', inbox: '/o2l/', ...tls(box) },
    });
    await sendNow(pair.officer.vault, pair.officerPolicy, pair.officer.deps);
    writeFileSync(join(box.root, 'o2l', 'huge.age'), '');
    truncateSync(join(box.root, 'o2l', 'huge.age'), 64 * 1024 * 1024);
    writeFileSync(join(box.root, 'o2l', 'huge.age.minisig'), 'signature');
    const results = await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    expect(results.find((r) => r.file === 'huge.age')).toMatchObject({ outcome: 'refused', reason: 'file_too_large' });
    expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(1);
    expect(box.requests().filter((r) => r.includes('huge.age'))).toEqual([]);
    // Remembered: the next read neither fetches nor audits it again.
    expect(await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps)).toEqual([{ file: 'huge.age', outcome: 'skipped', reason: 'refused_before' }]);
  });
});
