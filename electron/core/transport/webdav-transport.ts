import { AppError } from '../app-error';
import { parsePropfind, propfindBody, type DavMember } from './propfind';
import { readTlsMaterial, type TlsFiles } from './tls-material';
import {
  bundleName,
  deliverableName,
  maxSignatureBytes,
  processedFolder,
  signatureSuffix,
  type AfterImport,
  type Destination,
  type InboxEntry,
  type OutgoingFile,
  type Transport,
} from './transport';
import { call, defaultRetry, statusError, webdavConnection, type RetryPolicy } from './webdav-http';

export interface WebdavTransportConfig extends TlsFiles {
  kind: 'webdav';
  url: string;
  outbox: string;
  inbox: string;
  returns?: string | undefined;
  afterImport?: AfterImport | undefined;
}

/** A listing of a large inbox is a few hundred bytes per member; more than this is not a listing. */
const maxListingBytes = 8 * 1024 * 1024;

/**
 * A WebDAV drop box over HTTPS with mutual TLS. Delivery puts the signature, then the bundle, each
 * with `If-None-Match: *` so nothing on the server is ever overwritten; a file already there with
 * the same bytes counts as delivered (the answer to an earlier attempt was lost). Reading lists the
 * inbox (PROPFIND), fetches each bundle with the size limit enforced while the bytes arrive, and
 * moves an imported one into `processed/` (or deletes it, per policy).
 */
export async function webdavTransport(config: WebdavTransportConfig, retry: RetryPolicy = defaultRetry): Promise<Transport> {
  const connection = webdavConnection(await readTlsMaterial(config));
  const base = new URL(config.url);
  const server = base.host;
  const basePath = base.pathname.replace(/\/+$/, '');
  const collection = (path: string) => `${base.origin}${basePath}${path}`;
  const inboxPath = `${basePath}${config.inbox}`;
  const fileUrl = (path: string, name: string) => collection(path) + encodeURIComponent(name);

  const collectionOf = (to: Destination) => {
    const path = to === 'returns' ? config.returns : config.outbox;
    if (!path) throw new AppError('policy_invalid', 'The policy names no collection for returned signals (transport.returns).', { field: 'transport.returns' });
    return path;
  };

  async function fetchFile(url: string, maxBytes: number, what: string): Promise<Buffer | null> {
    const answer = await call(connection, { method: 'GET', url, maxBytes, what }, retry);
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw statusError(answer.status, server, `read a ${what}`);
    return answer.body;
  }

  async function makeCollection(url: string): Promise<void> {
    const answer = await call(connection, { method: 'MKCOL', url, maxBytes: 64 * 1024 }, retry);
    // 405: it exists already.
    if (answer.status !== 201 && answer.status !== 405) throw statusError(answer.status, server, 'make a collection');
  }

  return {
    async deliver({ name, bytes }: OutgoingFile, to: Destination) {
      if (!deliverableName.test(name)) throw new AppError('internal', 'A bundle file name was not safe.');
      const url = fileUrl(collectionOf(to), name);
      const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
      const put = await call(
        connection,
        { method: 'PUT', url, body, headers: { 'if-none-match': '*', 'content-type': 'application/octet-stream' }, maxBytes: 64 * 1024 },
        retry,
      );
      if (put.status === 201 || put.status === 204) return url;
      if (put.status !== 412) throw statusError(put.status, server, `deliver ${name}`);
      // Already there: delivered if it is this very file, a conflict otherwise.
      const existing = await fetchFile(url, body.length, 'file').catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'file_too_large') return Buffer.alloc(0);
        throw e;
      });
      if (existing?.equals(body)) return url;
      throw new AppError('conflict', `Another file ${name} is already on the server; it is not overwritten.`);
    },

    async list() {
      const answer = await call(
        connection,
        {
          method: 'PROPFIND',
          url: collection(config.inbox),
          headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
          body: propfindBody,
          maxBytes: maxListingBytes,
          what: 'listing',
        },
        retry,
      );
      if (answer.status === 404) return [];
      if (answer.status !== 207) throw statusError(answer.status, server, 'list the inbox');
      const members = parsePropfind(answer.body.toString('utf8'), inboxPath);
      const byName = new Map(members.map((m) => [m.name, m]));
      const describe = (m: DavMember | undefined) => (m ? [m.collection, m.size, m.etag, m.lastModified] : null);
      return members
        .filter((m) => bundleName.test(m.name))
        .map((m) => ({
          entry: {
            name: m.name,
            kind: m.collection ? ('folder' as const) : ('file' as const),
            size: m.collection ? null : m.size,
            listing: JSON.stringify([m.name, describe(m), describe(byName.get(m.name + signatureSuffix))]),
          },
          at: Date.parse(m.lastModified ?? '') || 0,
        }))
        .sort((a, b) => a.at - b.at || a.entry.name.localeCompare(b.entry.name))
        .map((e) => e.entry);
    },

    async read(entry: InboxEntry, maxBytes: number) {
      const bytes = await fetchFile(fileUrl(config.inbox, entry.name), maxBytes, 'bundle');
      if (!bytes) throw new AppError('io_error', `The bundle ${entry.name} is no longer on the server.`);
      const signature = await fetchFile(fileUrl(config.inbox, entry.name + signatureSuffix), maxSignatureBytes, 'signature');
      if (!signature)
        throw new AppError('signature_missing', `The bundle ${entry.name} is not signed: ${entry.name}${signatureSuffix} is missing beside it; it is refused.`);
      return { bytes, signature: signature.toString('utf8') };
    },

    async settle(entry: InboxEntry) {
      const files = [entry.name + signatureSuffix, entry.name];
      if (config.afterImport === 'delete') {
        for (const f of files) {
          const answer = await call(connection, { method: 'DELETE', url: fileUrl(config.inbox, f), maxBytes: 64 * 1024 }, retry);
          if (answer.status >= 300 && answer.status !== 404) throw statusError(answer.status, server, 'delete a bundle taken in');
        }
        return;
      }
      const processed = `${config.inbox}${processedFolder}/`;
      await makeCollection(collection(processed));
      for (const f of files) {
        const answer = await call(
          connection,
          { method: 'MOVE', url: fileUrl(config.inbox, f), headers: { destination: fileUrl(processed, f), overwrite: 'T' }, maxBytes: 64 * 1024 },
          retry,
        );
        if (answer.status !== 201 && answer.status !== 204) throw statusError(answer.status, server, 'move a bundle taken in');
      }
    },

    close: () => connection.dispatcher.close(),
  };
}
