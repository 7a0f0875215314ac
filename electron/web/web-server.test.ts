import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../test-support/temp-dirs';
import { validTestPolicy } from '../test-support/test-policy';
import { startWebServer, type WebServer } from './web-server';

const policy = validTestPolicy({ organisation: 'BZ' });
const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(idleLockMs?: number) {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body><script type="module" src="/assets/app.js"></script></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'bridge.js'), 'window.bridge = 1');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const s = await startWebServer({
    vaultDir: join(dir, 'vault'),
    policy,
    rendererDir,
    bridgeScriptPath: join(dir, 'bridge.js'),
    vault: testVaultOptions,
    ...(idleLockMs ? { idleLockMs } : {}),
  });
  servers.push(s);
  return s;
}

/** A raw HTTP request, so that Host and Origin can be set as an attacker would. */
function raw(s: WebServer, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(s.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: opts.method ?? 'GET', headers: { host: url.host, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const rpc = (s: WebServer, channel: string, body: unknown, token = s.token) =>
  raw(s, `/rpc/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('browser harness', () => {
  it('listens on 127.0.0.1 only and prints a URL with a fresh token in the fragment', async () => {
    const a = await server();
    const b = await server();
    expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.url).toBe(`${a.origin}/#token=${a.token}`);
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the core through the contract with the token, and nothing without it', async () => {
    const s = await server();
    expect(JSON.parse((await rpc(s, 'vault.status', {})).body)).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
    expect((await rpc(s, 'vault.status', {}, 'wrong')).status).toBe(401);
    expect((await raw(s, '/rpc/vault.status', { method: 'POST', body: '{}' })).status).toBe(401);
    const bad = JSON.parse((await rpc(s, 'vault.setup', { passphrase: 1 })).body) as { error: { field: string } };
    expect(bad.error.field).toBe('passphrase');
    const junk = await raw(s, '/rpc/vault.status', { method: 'POST', headers: { authorization: `Bearer ${s.token}` }, body: '{nope' });
    expect(junk.status).toBe(400);
  });

  it('refuses other host names (DNS rebinding) and other origins', async () => {
    const s = await server();
    expect((await raw(s, '/', { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await raw(s, '/rpc/vault.status', { method: 'POST', headers: { origin: 'http://evil.example', authorization: `Bearer ${s.token}` } })).status).toBe(
      403,
    );
  });

  it('serves the renderer unchanged but for the harness script, with the CSP, and nothing outside it', async () => {
    const s = await server();
    const page = await raw(s, '/');
    expect(page.body).toContain('<script src="/obi-web-bridge.js"></script>');
    expect(page.body).toContain('<script type="module" src="/assets/app.js">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await raw(s, '/assets/app.js')).body).toBe('console.log(1)');
    expect((await raw(s, '/obi-web-bridge.js')).body).toBe('window.bridge = 1');
    expect((await raw(s, '/../secret.txt')).status).toBe(404);
    expect((await raw(s, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await raw(s, '/', { method: 'PUT' })).status).toBe(405);
  });

  it('refuses request bodies over 1 MiB and keeps serving', async () => {
    const s = await server();
    const big = JSON.stringify({ passphrase: 'x'.repeat(2 * 1024 * 1024) });
    const headers = { authorization: `Bearer ${s.token}`, 'content-length': String(Buffer.byteLength(big)) };
    const res = await raw(s, '/rpc/vault.unlock', { method: 'POST', headers, body: big });
    expect(res.status).toBe(413);
    expect(JSON.parse((await rpc(s, 'vault.status', {})).body)).toMatchObject({ ok: true });
  });

  it('pushes the idle lock to the page as an event', async () => {
    const s = await server(300);
    expect(JSON.parse((await rpc(s, 'vault.setup', { passphrase })).body)).toMatchObject({ ok: true });
    const url = new URL(s.origin);
    const events = await new Promise<string>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/events', headers: { host: url.host, authorization: `Bearer ${s.token}` } }, (res) => {
        let data = '';
        res.on('data', (c: Buffer) => {
          data += c.toString();
          if (data.includes('vault.locked')) {
            resolve(data);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(events).toContain('data: {"name":"vault.locked","payload":{"reason":"idle"}}');
    expect(JSON.parse((await rpc(s, 'vault.status', {})).body)).toMatchObject({ value: { state: 'locked' } });
  });
});
