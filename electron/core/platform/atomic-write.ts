import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a reader sees either the old or the new content, never half: write to a
 * temporary name beside it, fsync, rename over the target, then fsync the directory so the rename
 * itself survives a power cut.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDirectory(dirname(path));
}

/** Flushes a directory entry change to disk; platforms that cannot open a directory skip it. */
export function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Windows refuses fsync on a directory handle; NTFS journals the rename itself.
  } finally {
    closeSync(fd);
  }
}

export interface AtomicWriteOptions {
  mode?: number;
  /** The modification (and access) time the file gets, set before it appears under its name. */
  mtime?: Date;
}

/**
 * The same without blocking the event loop, for folders on a network share that may be slow or
 * hang: a pending write waits in the thread pool, never in the main process's loop.
 */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', options.mode ?? 0o600);
  try {
    await handle.writeFile(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (options.mtime) await handle.utimes(options.mtime, options.mtime);
    await handle.sync();
    await handle.close();
    await rename(tmp, path);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDirectoryAsync(dirname(path));
}

async function fsyncDirectoryAsync(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Windows refuses fsync on a directory handle; NTFS journals the rename itself.
  } finally {
    await handle.close();
  }
}
