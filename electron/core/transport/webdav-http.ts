import { setTimeout as sleep } from 'node:timers/promises';
import { buildConnector, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { AppError } from '../app-error';
import { serverIdentityCheck, type TlsMaterial } from './tls-material';

/**
 * HTTPS to one WebDAV server with mutual TLS: the server must chain to the policy's CA (and match a
 * pin where policy gives pins); this workstation shows its client certificate. A corporate proxy
 * from HTTPS_PROXY / NO_PROXY is used as the environment says (CONNECT, so TLS stays end to end).
 * Network failures are retried with backoff; every failure becomes one of a few plain codes.
 */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpCall {
  method: 'GET' | 'PUT' | 'PROPFIND' | 'MKCOL' | 'MOVE' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** The answer's body is read up to this many bytes; more is refused without reading on. */
  maxBytes: number;
  /** What the body is, for the refusal: "bundle", "signature", "listing". */
  what?: string;
}

export interface RetryPolicy {
  attempts: number;
  /** The first wait; each next one is three times longer. */
  firstDelayMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 3, firstDelayMs: 500 };

/** Errors of the certificate check on this side: the server is not who policy says. */
const serverCertificateCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_OBI_PIN_MISMATCH',
]);

/** The server's TLS alerts against this workstation's certificate. */
const clientCertificateCode =
  /^ERR_SSL_(TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_BAD_CERTIFICATE|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_CERTIFICATE_UNKNOWN|TLSV1_ALERT_ACCESS_DENIED|SSLV3_ALERT_CERTIFICATE_(REVOKED|EXPIRED|UNSUPPORTED)|TLSV1_ALERT_DECRYPT_ERROR)$/;

const codesOf = (e: unknown): string[] => {
  const codes: string[] = [];
  for (let c = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; c && depth < 5; c = c.cause as typeof c, depth++) {
    if (typeof c.code === 'string') codes.push(c.code);
  }
  return codes;
};

/** A network failure as one of the plain codes; the message names the server, never content. */
export function networkError(e: unknown, server: string, alert?: string): AppError {
  if (e instanceof AppError) return e;
  const codes = [...codesOf(e), ...(alert ? [alert] : [])];
  if (codes.some((c) => serverCertificateCodes.has(c)))
    return new AppError(
      'certificate_refused',
      `The certificate of ${server} is refused: it does not chain to transport.caCert, does not name the server, or matches no pinned key.`,
    );
  if (codes.some((c) => clientCertificateCode.test(c)))
    return new AppError('client_certificate_refused', `${server} refused this workstation's certificate (transport.clientCert).`);
  return new AppError('server_unreachable', `${server} cannot be reached.`);
}

/** A status that says the request may not be made: this workstation is not allowed there. */
export function statusError(status: number, server: string, what: string): AppError {
  if (status === 401 || status === 403 || status === 405)
    return new AppError('not_allowed', `${server} does not allow this workstation to ${what} (HTTP ${status}).`);
  if (status === 404 || status === 409) return new AppError('not_found', `${server} has no such collection or file (${what}, HTTP ${status}).`);
  return new AppError('server_error', `${server} answered HTTP ${status} to ${what}.`);
}

/** Failures worth another try: the server or the way to it may be back in a moment. */
const retriable = (e: AppError) => e.code === 'server_unreachable';
const retriableStatus = (status: number) => status === 502 || status === 503 || status === 504;

export interface WebdavConnection {
  dispatcher: Dispatcher;
  /**
   * The TLS alert the server sent on the connection a failure came from. With TLS 1.3 the server
   * judges the client certificate after the handshake; its alert then reaches the socket, while the
   * request only sees the connection close.
   */
  alertOf(e: unknown): string | undefined;
}

export function webdavConnection(tls: TlsMaterial): WebdavConnection {
  const options = {
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2' as const,
    checkServerIdentity: serverIdentityCheck(tls.pins),
  };
  const alerts = new Map<string, string>();
  const direct = buildConnector({ ...options, timeout: 10_000 });
  const connect: buildConnector.connector = (opts, callback) =>
    direct(opts, (...args) => {
      const socket = args[1];
      socket?.on('error', (e: NodeJS.ErrnoException) => {
        if (typeof e.code === 'string' && clientCertificateCode.test(e.code)) alerts.set(`${socket.localAddress}:${socket.localPort}`, e.code);
      });
      callback(...args);
    });
  const dispatcher = new EnvHttpProxyAgent({ connect, requestTls: options, headersTimeout: 30_000, bodyTimeout: 30_000 });
  return {
    dispatcher,
    alertOf(e) {
      const socket = (e as { socket?: { localAddress?: string; localPort?: number } | null }).socket;
      return socket ? alerts.get(`${socket.localAddress}:${socket.localPort}`) : undefined;
    },
  };
}

/** Stops a body unread; the abort this causes is expected, not an error to report. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

async function readBounded(body: Dispatcher.ResponseData['body'], maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      discard(body);
      throw new AppError('file_too_large', `The ${what} is larger than ${maxBytes} bytes; it was not read further.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** One request, retried with backoff on network failures and gateway errors. */
export async function call(connection: WebdavConnection, c: HttpCall, retry: RetryPolicy = defaultRetry): Promise<HttpAnswer> {
  const server = new URL(c.url).host;
  const what = c.what ?? 'answer';
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await request(c.url, { dispatcher: connection.dispatcher, method: c.method, headers: c.headers ?? {}, body: c.body ?? null });
      const length = Number(answer.headers['content-length'] ?? '0');
      if (Number.isFinite(length) && length > c.maxBytes) {
        discard(answer.body);
        throw new AppError('file_too_large', `The ${what} is larger than ${c.maxBytes} bytes; it was not read.`);
      }
      const body = await readBounded(answer.body, c.maxBytes, what);
      if (!retriableStatus(answer.statusCode) || attempt >= retry.attempts) return { status: answer.statusCode, headers: answer.headers, body };
    } catch (e) {
      // The alert arrives on the socket just after the request saw the connection close.
      await new Promise((resolve) => setImmediate(resolve));
      const failure = networkError(e, server, connection.alertOf(e));
      if (!retriable(failure) || attempt >= retry.attempts) throw failure;
    }
    await sleep(retry.firstDelayMs * 3 ** (attempt - 1) * (1 + Math.random() / 5));
  }
}
