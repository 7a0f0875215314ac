import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayloads } from '../../shared/contract/ipc-contract';
import { silentLog, type EventLog } from '../core/logging/event-log';
import type { EffectivePolicy } from '../core/policy/load-policy';
import { createAppCore } from '../core/app-core';
import { dispatch } from '../core/rpc/dispatch';
import type { VaultSession } from '../core/session/vault-session';
import type { OsKeyWrap } from '../core/vault/key-slots';
import type { VaultOptions } from '../core/vault/vault';
import { contentSecurityPolicy } from '../core/app-shell/csp';
import { mimeTypeOf, resolveRendererFile } from '../core/app-shell/renderer-files';
import { chromiumPrinter } from '../core/platform/chromium-pdf';
import type { HtmlToPdf } from '../core/platform/html-to-pdf';

/**
 * Browser mode, for development and end-to-end tests only: serves the built renderer unchanged and
 * the real core behind the same contract, on 127.0.0.1 with a random token per run. A script of the
 * harness, added to the page, plays the part the preload plays in Electron.
 */

export interface WebServerOptions {
  vaultDir: string;
  /** An invalid policy serves the read-only state, as the app does. */
  policy: EffectivePolicy;
  rendererDir: string;
  bridgeScriptPath: string;
  port?: number;
  vault?: VaultOptions;
  idleLockMs?: number;
  osKeyWrap?: OsKeyWrap;
  log?: EventLog;
  /** Prints the fenomeenbeeld's PDF; headless Chromium (as `obi report --format pdf`) when not given. */
  printPdf?: HtmlToPdf;
}

export interface WebServer {
  url: string;
  origin: string;
  token: string;
  /** Null in the read-only state, where no vault session exists. */
  session: VaultSession | null;
  close(): Promise<void>;
}

export const bridgeScriptUrl = '/obi-web-bridge.js';
const maxBody = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': contentSecurityPolicy,
    ...extra,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  const log = options.log ?? silentLog;
  const policy = options.policy;
  const streams = new Set<ServerResponse>();
  const { session, handlers } = createAppCore({
    vaultDir: options.vaultDir,
    policy,
    log,
    ...(options.osKeyWrap ? { osKeyWrap: options.osKeyWrap } : {}),
    ...(options.vault ? { vault: options.vault } : {}),
    ...(options.idleLockMs ? { idleLockMs: options.idleLockMs } : {}),
    printPdf: options.printPdf ?? chromiumPrinter(process.env),
  });
  session?.onEvent(<E extends EventName>(name: E, payload: EventPayloads[E]) => {
    for (const res of streams) if (!res.writableEnded) res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });

  let origin = '';
  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const server = createServer((req, res) => {
    void (async () => {
      // Refuse other host names (DNS rebinding) and pages of other origins.
      if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, 'Misdirected', 'text/plain');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'Forbidden', 'text/plain');
      const path = new URL(req.url ?? '/', origin).pathname;

      if (path.startsWith('/rpc/') && req.method === 'POST') {
        if (!authorised(req)) return sendJson(res, 401, { ok: false, error: { code: 'invalid_request', message: 'Not authorised.' } });
        if (Number(req.headers['content-length'] ?? 0) > maxBody) {
          res.setHeader('Connection', 'close');
          return sendJson(res, 413, { ok: false, error: { code: 'invalid_request', message: 'request: larger than 1 MiB' } });
        }
        let body: unknown;
        try {
          const text = await readBody(req);
          body = text.length === 0 ? {} : JSON.parse(text);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid_request', message: 'request: not valid JSON' } });
        }
        const result = await dispatch(handlers, decodeURIComponent(path.slice('/rpc/'.length)), body, { log });
        return sendJson(res, 200, result);
      }

      if (path === '/events' && req.method === 'GET') {
        if (!authorised(req)) return send(res, 401, 'Not authorised', 'text/plain');
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }

      if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain');
      if (path === bridgeScriptUrl) {
        return send(res, 200, await readFile(options.bridgeScriptPath), 'text/javascript; charset=utf-8');
      }
      const file = resolveRendererFile(options.rendererDir, `app://obi${path}`);
      if (!file) return send(res, 404, 'Not found', 'text/plain');
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch {
        return send(res, 404, 'Not found', 'text/plain');
      }
      if (file.endsWith('index.html')) {
        // The renderer stays byte-for-byte what Electron loads; only the page gains the harness script.
        const html = content.toString('utf8').replace('<script', `<script src="${bridgeScriptUrl}"></script>\n    <script`);
        return send(res, 200, html, mimeTypeOf(file));
      }
      return send(res, 200, content, mimeTypeOf(file));
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
      else res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    session,
    close: async () => {
      session?.dispose();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
