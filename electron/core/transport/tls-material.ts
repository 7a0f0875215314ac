import { X509Certificate, createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { AppError } from '../app-error';
import { readBoundedFile } from '../platform/read-bounded';

/**
 * The certificates and key of a WebDAV transport, read from the PEM files policy names. They are
 * read, never written: the client key stays where IT put it, protected by the file's permissions.
 * Each file is checked before any connection is made, and a problem names its policy key.
 */
export interface TlsMaterial {
  /** Every CA certificate of `caCert` (two during a change of CA), PEM. */
  ca: string;
  cert: string;
  key: string;
  pins: readonly string[];
}

export interface TlsFiles {
  caCert: string;
  clientCert: string;
  clientKey: string;
  pinnedKeys?: readonly string[] | undefined;
}

const maxPemBytes = 256 * 1024;
const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function invalid(key: keyof TlsFiles, why: string): AppError {
  return new AppError('policy_invalid', `transport.${key}: ${why}`, { field: `transport.${key}` });
}

async function readPem(path: string, key: keyof TlsFiles): Promise<string> {
  try {
    return (await readBoundedFile(path, { what: `file of transport.${key}`, maxBytes: maxPemBytes })).toString('utf8');
  } catch (e) {
    throw invalid(key, `cannot be read (${e instanceof AppError ? e.message : 'read error'})`);
  }
}

function certificates(pem: string, key: keyof TlsFiles): X509Certificate[] {
  const blocks = pem.match(pemCertificate) ?? [];
  if (blocks.length === 0) throw invalid(key, 'holds no PEM certificate');
  return blocks.map((block) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw invalid(key, 'holds a certificate that cannot be read');
    }
  });
}

/** `sha256//<base64>` of a certificate's public key (SubjectPublicKeyInfo, DER), as curl's --pinnedpubkey. */
export function spkiPin(publicKey: KeyObject): string {
  return `sha256//${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64')}`;
}

export async function readTlsMaterial(files: TlsFiles): Promise<TlsMaterial> {
  const [ca, cert, key] = await Promise.all([readPem(files.caCert, 'caCert'), readPem(files.clientCert, 'clientCert'), readPem(files.clientKey, 'clientKey')]);
  certificates(ca, 'caCert');
  const [own] = certificates(cert, 'clientCert');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw invalid('clientKey', 'is not an unencrypted PEM private key');
  }
  if (!own!.checkPrivateKey(privateKey)) throw invalid('clientKey', 'does not belong to the certificate of transport.clientCert');
  return { ca, cert, key, pins: files.pinnedKeys ?? [] };
}

/**
 * The host name check of TLS, then the pins: the server's key, or the key of a certificate above it
 * in the chain it presented, must be one of them. Without pins only the chain to `caCert` counts.
 */
export function serverIdentityCheck(pins: readonly string[]) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const mismatch = checkServerIdentity(host, cert);
    if (mismatch || pins.length === 0) return mismatch;
    const seen = new Set<string>();
    for (let c: PeerCertificate | undefined = cert; c && !seen.has(c.fingerprint256); c = (c as { issuerCertificate?: PeerCertificate }).issuerCertificate) {
      seen.add(c.fingerprint256);
      if (pins.includes(spkiPin(new X509Certificate(c.raw).publicKey))) return undefined;
    }
    return Object.assign(new Error('The server certificate matches none of the pinned keys.'), { code: 'ERR_OBI_PIN_MISMATCH' });
  };
}
