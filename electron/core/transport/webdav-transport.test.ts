import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { filesIn, makeTestPki, startDropBox, type DropBox } from '../../test-support/webdav-server';
import { spkiPin } from './tls-material';
import type { Transport } from './transport';
import { webdavTransport, type WebdavTransportConfig } from './webdav-transport';

const quick = { attempts: 2, firstDelayMs: 100 };

function config(box: DropBox, extra: Partial<WebdavTransportConfig> = {}): WebdavTransportConfig {
  return {
    kind: 'webdav',
    url: box.url,
    outbox: '/o2l/',
    inbox: '/o2l/',
    returns: '/l2o/',
    caCert: box.pki.ca,
    clientCert: box.pki.clientCert,
    clientKey: box.pki.clientKey,
    ...extra,
  };
}

const opened: Transport[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});
async function transport(box: DropBox, extra: Partial<WebdavTransportConfig> = {}): Promise<Transport> {
  const t = await webdavTransport(config(box, extra), quick);
  opened.push(t);
  return t;
}

const pinOf = (pem: string) => spkiPin(new X509Certificate(readFileSync(pem)).publicKey);

describe('WebDAV transport against Apache with mutual TLS', () => {
  it('delivers signature and bundle without overwriting, lists, reads and moves a bundle into processed/', async () => {
    const box = await startDropBox(tempDir());
    const t = await transport(box);
    await t.deliver({ name: 'b1.age.minisig', bytes: 'signature' }, 'outbox');
    expect(await t.deliver({ name: 'b1.age', bytes: new Uint8Array([1, 2, 3]) }, 'outbox')).toBe(`${box.url}/o2l/b1.age`);
    // Delivered again after a lost answer: the same bytes count as delivered; other bytes are never written over.
    await expect(t.deliver({ name: 'b1.age', bytes: new Uint8Array([1, 2, 3]) }, 'outbox')).resolves.toBe(`${box.url}/o2l/b1.age`);
    await expect(t.deliver({ name: 'b1.age', bytes: new Uint8Array([9, 9]) }, 'outbox')).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(join(box.root, 'o2l', 'b1.age'))).toEqual(Buffer.from([1, 2, 3]));
    // Workers log as they finish, not always in order: compare as sets.
    expect(
      box
        .requests()
        .filter((r) => r.startsWith('PUT '))
        .sort(),
    ).toEqual(['PUT /o2l/b1.age 201', 'PUT /o2l/b1.age 412', 'PUT /o2l/b1.age 412', 'PUT /o2l/b1.age.minisig 201']);
    await t.deliver({ name: 'r.age', bytes: 'returned' }, 'returns');
    expect(filesIn(box, 'l2o')).toEqual(['r.age']);

    const [entry, ...rest] = await t.list();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ name: 'b1.age', kind: 'file', size: 3 });
    const content = await t.read(entry!, 1024);
    expect([content.bytes, content.signature]).toEqual([Buffer.from([1, 2, 3]), 'signature']);
    await t.settle(entry!);
    expect(filesIn(box, 'o2l')).toEqual([]);
    expect(filesIn(box, 'o2l/processed')).toEqual(['b1.age', 'b1.age.minisig']);
    expect(await t.list()).toEqual([]);
  });

  it('deletes a bundle taken in when policy says so, and reports a collection named like a bundle as a folder', async () => {
    const box = await startDropBox(tempDir());
    const t = await transport(box, { afterImport: 'delete' });
    await t.deliver({ name: 'b.age.minisig', bytes: 's' }, 'outbox');
    await t.deliver({ name: 'b.age', bytes: 'b' }, 'outbox');
    spawnSync('mkdir', [join(box.root, 'o2l', 'folder.age')]);
    const entries = await t.list();
    expect(Object.fromEntries(entries.map((e) => [e.name, e.kind]))).toEqual({ 'b.age': 'file', 'folder.age': 'folder' });
    await t.settle(entries.find((e) => e.name === 'b.age')!);
    expect(filesIn(box, 'o2l')).toEqual([]);
  });

  it('refuses an oversized file by the listing without asking for it, and a signature that is missing', async () => {
    const box = await startDropBox(tempDir());
    const t = await transport(box);
    writeFileSync(join(box.root, 'o2l', 'big.age'), '');
    truncateSync(join(box.root, 'o2l', 'big.age'), 20 * 1024 * 1024);
    writeFileSync(join(box.root, 'o2l', 'unsigned.age'), 'x');
    const entries = Object.fromEntries((await t.list()).map((e) => [e.name, e]));
    expect(entries['big.age']).toMatchObject({ kind: 'file', size: 20 * 1024 * 1024 });
    // Read with a limit below its size: refused on the length the server announces, the body is not read.
    await expect(t.read(entries['big.age']!, 1024 * 1024)).rejects.toMatchObject({ code: 'file_too_large' });
    await expect(t.read(entries['unsigned.age']!, 1024)).rejects.toMatchObject({ code: 'signature_missing' });
  });

  it('refuses a server whose certificate does not chain to caCert, and sends nothing', async () => {
    const box = await startDropBox(tempDir(), { serverCert: 'other' });
    const t = await transport(box);
    await expect(t.deliver({ name: 'b.age', bytes: 'b' }, 'outbox')).rejects.toMatchObject({ code: 'certificate_refused' });
    await expect(t.list()).rejects.toMatchObject({ code: 'certificate_refused' });
    expect(filesIn(box, 'o2l')).toEqual([]);
    expect(box.requests()).toEqual([]);
  });

  it('refuses a server that matches no pinned key, and accepts one whose own or CA key is pinned', async () => {
    const box = await startDropBox(tempDir());
    const wrong = await transport(box, { pinnedKeys: [pinOf(box.pki.otherServerCert)] });
    await expect(wrong.deliver({ name: 'b.age', bytes: 'b' }, 'outbox')).rejects.toMatchObject({ code: 'certificate_refused' });
    expect(filesIn(box, 'o2l')).toEqual([]);
    const byServerKey = await transport(box, { pinnedKeys: [pinOf(box.pki.otherServerCert), pinOf(box.pki.serverCert)] });
    await byServerKey.deliver({ name: 'a.age', bytes: 'a' }, 'outbox');
    expect(filesIn(box, 'o2l')).toEqual(['a.age']);
    const byCaKey = await transport(box, { pinnedKeys: [pinOf(box.pki.ca)] });
    await byCaKey.deliver({ name: 'c.age', bytes: 'c' }, 'outbox');
    expect(filesIn(box, 'o2l')).toEqual(['a.age', 'c.age']);
    // The pin printed by openssl, as the docs tell IT to make it, is the same.
    const openssl = spawnSync(
      'sh',
      ['-c', `openssl x509 -in '${box.pki.serverCert}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`],
      { encoding: 'utf8' },
    );
    expect(`sha256//${openssl.stdout.trim()}`).toBe(pinOf(box.pki.serverCert));
  });

  it('is refused by the server with a client certificate of another CA, and without one; nothing arrives', async () => {
    const box = await startDropBox(tempDir());
    const stranger = await transport(box, { clientCert: box.pki.otherClientCert, clientKey: box.pki.otherClientKey });
    await expect(stranger.deliver({ name: 'b.age', bytes: 'b' }, 'outbox')).rejects.toMatchObject({ code: 'client_certificate_refused' });
    // Without a client certificate (curl, as no policy of ours allows it): the handshake fails.
    const bare = spawnSync('curl', ['-s', '--cacert', box.pki.ca, '-X', 'PUT', '--data-binary', 'b', `${box.url}/o2l/b.age`], { encoding: 'utf8' });
    expect(bare.status).not.toBe(0);
    expect(filesIn(box, 'o2l')).toEqual([]);
  });

  it('names an unreachable server in plain words after retrying', async () => {
    const box = await startDropBox(tempDir());
    const t = await transport(box);
    await box.stop();
    await expect(t.deliver({ name: 'b.age', bytes: 'b' }, 'outbox')).rejects.toMatchObject({ code: 'server_unreachable' });
    await expect(t.list()).rejects.toMatchObject({ code: 'server_unreachable' });
  });

  it('stops reading a body that grows past the limit while it streams, whatever the listing said', async () => {
    const pki = makeTestPki(join(tempDir(), 'pki'));
    let sent = 0;
    const server = createServer(
      { key: readFileSync(pki.serverKey), cert: readFileSync(pki.serverCert), ca: readFileSync(pki.ca), requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        if (req.method === 'PROPFIND') {
          res.writeHead(207, { 'content-type': 'application/xml' });
          return res.end(
            '<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/o2l/endless.age</D:href><D:propstat><D:prop><D:getcontentlength>10</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>',
          );
        }
        // A body without a length that never ends.
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024);
        const more = () => {
          while (!res.destroyed && res.write(chunk)) sent += chunk.length;
          if (!res.destroyed) res.once('drain', more);
        };
        res.on('close', () => res.destroy());
        more();
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const t = await webdavTransport(
        { kind: 'webdav', url, outbox: '/o2l/', inbox: '/o2l/', caCert: pki.ca, clientCert: pki.clientCert, clientKey: pki.clientKey },
        quick,
      );
      opened.push(t);
      const [entry] = await t.list();
      expect(entry).toMatchObject({ name: 'endless.age', size: 10 });
      await expect(t.read(entry!, 1024 * 1024)).rejects.toMatchObject({ code: 'file_too_large' });
      // What the server managed to write is the limit plus what sat in the buffers, not more.
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says which policy file is wrong before connecting', async () => {
    const box = await startDropBox(tempDir());
    await expect(webdavTransport(config(box, { caCert: join(box.pki.dir, 'absent.pem') }))).rejects.toMatchObject({
      code: 'policy_invalid',
      details: { field: 'transport.caCert' },
    });
    await expect(webdavTransport(config(box, { clientKey: box.pki.otherClientKey }))).rejects.toMatchObject({
      code: 'policy_invalid',
      message: 'transport.clientKey: does not belong to the certificate of transport.clientCert',
    });
    await expect(webdavTransport(config(box, { clientCert: box.pki.clientKey }))).rejects.toMatchObject({ details: { field: 'transport.clientCert' } });
  });
});
