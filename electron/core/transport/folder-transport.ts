import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app-error';
import { writeFileAtomicAsync } from '../platform/atomic-write';
import { kindOf, readBoundedFile } from '../platform/read-bounded';
import { readBundleFiles } from './bundle-files';
import { hourOf } from './coarse-time';
import {
  bundleName,
  deliverableName,
  processedFolder,
  signatureSuffix,
  type AfterImport,
  type Destination,
  type EntryContent,
  type InboxEntry,
  type OutgoingFile,
  type Transport,
} from './transport';

export interface FolderTransportConfig {
  kind: 'folder';
  outbox: string;
  inbox: string;
  returns?: string | undefined;
  afterImport?: AfterImport | undefined;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** What a listing may say of an entry without opening it: enough to see that it changed. */
const describeStat = (st: Stats | null) => (st ? [kindOf(st), st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev] : null);

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
}

/**
 * A folder as transport. Whoever can write to a share can put anything in an inbox, so the folder
 * is read as hostile: only names that look like bundles are listed, each entry is described by
 * `lstat` (a link is reported as a link, never followed), and only a regular file is opened,
 * without following links and without blocking, read up to the limit the handle's `fstat` allows.
 * Files written get a modification time on the hour, so the share shows no finer time.
 */
export function folderTransport(config: FolderTransportConfig, now: () => Date = () => new Date()): Transport {
  const folderOf = (to: Destination) => {
    const dir = to === 'returns' ? config.returns : config.outbox;
    if (!dir) throw new AppError('policy_invalid', 'The policy names no folder for returned signals (transport.returns).', { field: 'transport.returns' });
    return dir;
  };

  /** True when the file there holds exactly these bytes; a conflict when it holds anything else. */
  async function alreadyThere(path: string, bytes: Buffer, name: string): Promise<boolean> {
    if ((await lstatOrNull(path)) === null) return false;
    let existing: Buffer;
    try {
      existing = await readBoundedFile(path, { what: 'file', maxBytes: bytes.length, followLinks: false });
    } catch {
      throw new AppError('conflict', `Something else is already there under the name ${name}; it is not overwritten.`);
    }
    if (existing.equals(bytes)) return true;
    throw new AppError('conflict', `Another file ${name} is already there; it is not overwritten.`);
  }

  return {
    async deliver({ name, bytes }: OutgoingFile, to: Destination) {
      if (!deliverableName.test(name)) throw new AppError('internal', 'A bundle file name was not safe.');
      const dir = folderOf(to);
      const path = join(dir, name);
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
      try {
        await mkdir(dir, { recursive: true });
        if (await alreadyThere(path, data, name)) return path;
        await writeFileAtomicAsync(path, data, { mode: 0o644, mtime: hourOf(now()) });
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('io_error', `Writing to the ${to} folder failed; the bundle stays ready and is written again next time.`);
      }
      return path;
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(config.inbox);
      } catch (e) {
        if (errno(e) === 'ENOENT') return [];
        throw new AppError('io_error', 'The inbox folder cannot be read.');
      }
      const entries: Array<InboxEntry & { mtimeMs: number }> = [];
      for (const name of names.filter((n) => bundleName.test(n))) {
        try {
          const st = await lstatOrNull(join(config.inbox, name));
          if (!st) continue;
          const sig = await lstatOrNull(join(config.inbox, name + signatureSuffix));
          entries.push({
            name,
            kind: kindOf(st),
            size: st.isFile() ? st.size : null,
            listing: JSON.stringify([name, describeStat(st), describeStat(sig)]),
            mtimeMs: st.mtimeMs,
          });
        } catch {
          // An entry that cannot even be described is left for the next read.
        }
      }
      return entries.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name)).map(({ mtimeMs: _, ...entry }) => entry);
    },

    read: (entry: InboxEntry, maxBytes: number): Promise<EntryContent> => readBundleFiles(join(config.inbox, entry.name), { maxBytes, followLinks: false }),

    async settle(entry: InboxEntry) {
      const files = [entry.name + signatureSuffix, entry.name];
      try {
        if (config.afterImport === 'delete') {
          for (const f of files) await rm(join(config.inbox, f), { force: true });
          return;
        }
        const processed = join(config.inbox, processedFolder);
        await mkdir(processed, { recursive: true });
        for (const f of files) await rename(join(config.inbox, f), join(processed, f));
      } catch {
        throw new AppError('io_error', `The bundle ${entry.name} could not be moved out of the inbox.`);
      }
    },

    close: () => Promise.resolve(),
  };
}
