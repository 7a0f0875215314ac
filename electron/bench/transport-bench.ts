import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webdavTransport } from '../core/transport/webdav-transport';
import { running, startDropBox } from '../test-support/apache-dropbox';

/**
 * Delivery over WebDAV with mutual TLS on loopback, to Debian's Apache started here: bundles of
 * the smallest padded size (64 KiB, what almost every officer bundle is) and of 1 MiB, each as a
 * signature and a bundle with If-None-Match, as the exchange delivers them. Figures only; needs
 * apache2 and root (Apache drops to www-data), and says so otherwise.
 */
export interface TransportBench {
  small: { bundles: number; bytes: number; seconds: number };
  large: { bundles: number; bytes: number; seconds: number };
}

export async function benchTransport(): Promise<TransportBench | { skipped: string }> {
  if (!existsSync('/usr/sbin/apache2') || process.getuid?.() !== 0) return { skipped: 'needs apache2 and root' };
  const dir = mkdtempSync(join(tmpdir(), 'obi-bench-dav-'));
  try {
    const box = await startDropBox(dir);
    const transport = await webdavTransport({
      kind: 'webdav',
      url: box.url,
      outbox: '/o2l/',
      inbox: '/l2o/',
      caCert: box.pki.ca,
      clientCert: box.pki.clientCert,
      clientKey: box.pki.clientKey,
    });
    const run = async (bundles: number, bytes: number) => {
      const body = randomBytes(bytes);
      const signature = randomBytes(300).toString('base64');
      const start = performance.now();
      for (let i = 0; i < bundles; i++) {
        const name = `${String(bytes)}-${String(i)}.age`;
        await transport.deliver({ name: `${name}.minisig`, bytes: signature }, 'outbox');
        await transport.deliver({ name, bytes: body }, 'outbox');
      }
      return { bundles, bytes, seconds: (performance.now() - start) / 1000 };
    };
    const result = { small: await run(200, 64 * 1024), large: await run(20, 1024 * 1024) };
    await transport.close();
    return result;
  } finally {
    for (const box of running.splice(0)) await box.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
