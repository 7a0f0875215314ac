import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../../shared/exchange/payload';
import { captureDeps } from '../core/wiring';
import { importMeetings } from '../core/capture/notes-import';
import { readyAll } from '../core/capture/ready-all';
import { createWorkstationKeys } from '../core/exchange/workstation-keys';
import { webdavTransport } from '../core/transport/webdav-transport';
import { createVault } from '../core/vault/vault';
import { startConnectProxy } from '../test-support/connect-proxy';
import { meetings } from '../test-support/exchange-pair';
import { stock, stockAgeKey } from '../test-support/stock-tools';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';
import { filesIn, startDropBox } from '../test-support/webdav-server';

/**
 * Officer → team lead → central point over a WebDAV drop box on Apache with mutual TLS, through the
 * real CLI in its own processes, the officer's requests through a proxy from HTTPS_PROXY.
 */
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'obi.cjs');

/** The CLI in its own process, without blocking this one: the proxy and the checks run here. */
function run(args: string[], env: Record<string, string | undefined>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [cli, ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

async function workstation(dir: string) {
  const { vault } = await createVault(dir, passphrase, testVaultOptions);
  const keys = await createWorkstationKeys(vault);
  return { vault, keys };
}

describe('officer → team lead → central over WebDAV with mutual TLS (CLI)', () => {
  it('needs the built CLI', () => expect(existsSync(cli), 'run `npm run build` first').toBe(true));

  it('sends, takes in, approves and releases over the drop box; a policy without a client certificate sends nothing', async () => {
    const root = tempDir();
    const box = await startDropBox(tempDir());
    const proxy = await startConnectProxy();
    try {
      const officer = await workstation(join(root, 'officer'));
      const lead = await workstation(join(root, 'lead'));
      const odeps = captureDeps(officer.vault);
      importMeetings(officer.vault, odeps, meetings(3));
      readyAll(officer.vault, odeps, true);
      officer.vault.close();
      lead.vault.close();
      const central = stockAgeKey(root);
      const tls = { caCert: box.pki.ca, clientCert: box.pki.clientCert, clientKey: box.pki.clientKey };
      const write = (name: string, policy: Record<string, unknown>) => {
        const file = join(root, name);
        writeFileSync(file, JSON.stringify({ organisation: 'SZW', language: 'nl', ...policy }));
        return file;
      };
      const officerTransport = { kind: 'webdav', url: box.url, outbox: '/o2l/', inbox: '/l2o/', ...tls };
      const officerPolicy = write('officer.json', {
        role: 'officer',
        teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient },
        transport: officerTransport,
      });
      const { clientCert: _, clientKey: __, ...noCertificate } = officerTransport;
      const bare = write('bare.json', { role: 'officer', teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient }, transport: noCertificate });
      const leadPolicy = write('lead.json', {
        role: 'teamlead',
        kAnonymity: 2,
        team: [{ name: 'officer-1', signer: officer.keys.signer, recipient: officer.keys.recipient }],
        central: { recipient: central.recipient },
        transport: { kind: 'webdav', url: box.url, outbox: '/central/', inbox: '/o2l/', returns: '/l2o/', ...tls },
      });
      const obi = (vault: string, policy: string, args: string[], env: Record<string, string> = {}) =>
        run(args, {
          PATH: process.env.PATH,
          OBI_VAULT: join(root, vault),
          OBI_POLICY: policy,
          OBI_PASSPHRASE: passphrase,
          OBI_LOG_DIR: join(root, 'logs'),
          ...env,
        });

      const refused = await obi('officer', bare, ['export']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/transport/);
      expect(box.requests()).toEqual([]);

      const sent = await obi('officer', officerPolicy, ['export'], { HTTPS_PROXY: proxy.url, NO_PROXY: '' });
      expect(sent.stderr).toBe('');
      expect(sent.status).toBe(0);
      expect(proxy.targets).toContain(new URL(box.url).host);
      expect(filesIn(box, 'o2l').filter((n) => n.endsWith('.age'))).toHaveLength(1);

      const taken = await obi('lead', leadPolicy, ['inbox', 'import']);
      expect(taken.status, taken.stderr).toBe(0);
      expect(taken.stdout).toMatch(/imported, 3 signals/);
      expect(filesIn(box, 'o2l')).toEqual([]);
      expect((await obi('lead', leadPolicy, ['review', 'approve', '--all'])).status).toBe(0);
      const released = await obi('lead', leadPolicy, ['export']);
      expect(released.status, released.stderr).toBe(0);

      // The central point fetches the team bundle from its collection, with its own client certificate;
      // stock minisign verifies it with the lead's key and stock age decrypts it.
      const fetcher = await webdavTransport({ kind: 'webdav', url: box.url, outbox: '/c-out/', inbox: '/central/', ...tls });
      const [entry] = await fetcher.list();
      const content = await fetcher.read(entry!, 1024 * 1024);
      await fetcher.close();
      const file = join(root, entry!.name);
      writeFileSync(file, content.bytes);
      writeFileSync(`${file}.minisig`, content.signature);
      writeFileSync(join(root, 'lead.pub'), `untrusted comment: lead\n${lead.keys.signer}\n`);
      expect(stock('minisign', ['-Vm', file, '-p', join(root, 'lead.pub')]).status).toBe(0);
      const payload = readPayload(JSON.parse(stock('age', ['-d', '-i', central.keyFile, file]).out));
      expect(payload.ok && payload.value.manifest).toMatchObject({ kind: 'team', counts: { signals: 3 } });

      // The officer hears back over the same drop box.
      const back = await obi('officer', officerPolicy, ['inbox', 'import']);
      expect(back.status, back.stderr).toBe(0);
      expect(back.stdout).toMatch(/imported/);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('names an unreachable server in plain words and keeps the bundle for the next export', async () => {
    const root = tempDir();
    const box = await startDropBox(tempDir());
    const officer = await workstation(join(root, 'officer'));
    const lead = await workstation(join(root, 'lead'));
    const odeps = captureDeps(officer.vault);
    importMeetings(officer.vault, odeps, meetings(1));
    readyAll(officer.vault, odeps, true);
    officer.vault.close();
    lead.vault.close();
    mkdirSync(join(root, 'logs'));
    const policy = join(root, 'officer.json');
    const transport = {
      kind: 'webdav',
      url: box.url,
      outbox: '/o2l/',
      inbox: '/l2o/',
      caCert: box.pki.ca,
      clientCert: box.pki.clientCert,
      clientKey: box.pki.clientKey,
    };
    writeFileSync(
      policy,
      JSON.stringify({ organisation: 'SZW', role: 'officer', teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient }, transport }),
    );
    await box.stop();
    const env = { PATH: process.env.PATH, OBI_VAULT: join(root, 'officer'), OBI_POLICY: policy, OBI_PASSPHRASE: passphrase, OBI_LOG_DIR: join(root, 'logs') };
    const away = await run(['export'], env);
    expect(away.status).toBe(2);
    expect(away.stderr).toMatch(/server_unreachable: 127\.0\.0\.1:\d+ cannot be reached/);
    await box.start();
    expect((await run(['export'], env)).status).toBe(0);
    expect(filesIn(box, 'o2l').filter((n) => n.endsWith('.age'))).toHaveLength(1);
  }, 60_000);
});
