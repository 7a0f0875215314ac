import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app-error';
import { writeFileAtomic } from '../platform/atomic-write';

/**
 * How bundles travel between workstations. Today one kind: a folder (a network share, or removable
 * media for air-gapped sites). HTTPS to the central point's mailbox will be a second implementation
 * of the same interface.
 */
export interface Transport {
  /** Writes a bundle's files, each atomically, the signature first so a reader never finds a bundle without one. */
  deliver(files: ReadonlyArray<{ name: string; bytes: Uint8Array | string }>, to?: 'outbox' | 'returns'): string[];
  /** Bundles waiting in the inbox (`*.age`), oldest first. */
  inbox(): string[];
}

export interface FolderTransportConfig {
  kind: 'folder';
  outbox: string;
  inbox: string;
  returns?: string | undefined;
}

const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export function folderTransport(config: FolderTransportConfig): Transport {
  return {
    deliver(files, to = 'outbox') {
      const dir = to === 'returns' ? config.returns : config.outbox;
      if (!dir) throw new AppError('policy_invalid', 'The policy names no folder for returned signals (transport.returns).');
      try {
        mkdirSync(dir, { recursive: true });
      } catch {
        throw new AppError('io_error', `The ${to} folder cannot be created or reached.`);
      }
      return files.map(({ name, bytes }) => {
        if (!safeName.test(name)) throw new AppError('internal', 'A bundle file name was not safe.');
        const path = join(dir, name);
        try {
          writeFileAtomic(path, bytes, 0o644);
        } catch {
          throw new AppError('io_error', `Writing to the ${to} folder failed; the bundle stays ready and is written again next time.`);
        }
        return path;
      });
    },
    inbox() {
      if (!existsSync(config.inbox)) return [];
      return readdirSync(config.inbox)
        .filter((n) => n.endsWith('.age') && safeName.test(n))
        .map((n) => join(config.inbox, n))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs || a.localeCompare(b));
    },
  };
}
