import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../app-error';

/**
 * Reads a file that someone named (an import file, a policy, a bundle in a shared inbox) without
 * trusting what the name points at. The file is opened without blocking (a FIFO with no writer
 * would otherwise hang the open), and only then checked on the open handle: it must be a regular
 * file no larger than `maxBytes`. Checking the handle rather than the name closes the gap between
 * a `stat` and the `open` in which a folder could swap the file for a link or a pipe. Reading stops
 * at the size the handle reported, so a file that grows while it is read (or a device that never
 * ends) costs no more than the limit.
 */

export interface BoundedReadOptions {
  /** What the file is, for the message: "import file", "policy file", "bundle". */
  what: string;
  maxBytes: number;
  /**
   * Whether a symbolic link may lead to the file. A file named on the command line may be a link
   * (to a regular file); a file found in a shared folder may not (default true).
   */
  followLinks?: boolean;
}

export type PathKind = 'file' | 'folder' | 'pipe' | 'device' | 'socket' | 'link' | 'other';

export function kindOf(st: Stats): PathKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  if (st.isSymbolicLink()) return 'link';
  return 'other';
}

export const kindText: Readonly<Record<Exclude<PathKind, 'file'>, string>> = {
  folder: 'is a folder',
  pipe: 'is a pipe',
  device: 'is a device',
  socket: 'is a socket',
  link: 'is a symbolic link',
  other: 'is not a regular file',
};

/** "64 GB", "256 MB", "512 KB": the limit as people say it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round(bytes / (1024 * 1024 * 1024))} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function openFlags(followLinks: boolean): number {
  return constants.O_RDONLY | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW);
}

/** Where the system has no O_NOFOLLOW (Windows), a link is refused by looking first. */
const lookFirst = (options: BoundedReadOptions) => options.followLinks === false && O_NOFOLLOW === 0;

/**
 * A named file refused for what it is. `why` is the reason alone ("is a pipe", "is larger than
 * 1 MB"), for callers that word their own message, such as a policy problem of a source.
 */
export class FileRefused extends AppError {
  readonly why: string;

  constructor(path: string, options: BoundedReadOptions, why: string) {
    super(why.startsWith('is larger') ? 'file_too_large' : 'io_error', `The ${options.what} ${basename(path)} ${why}.`, { field: 'file' });
    this.why = why;
  }
}

const refusal = (path: string, options: BoundedReadOptions, why: string) => new FileRefused(path, options, why);

function openError(path: string, options: BoundedReadOptions, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  // O_NOFOLLOW on a link fails with ELOOP (Linux, macOS) or EMLINK (FreeBSD).
  if (code === 'ELOOP' || code === 'EMLINK') return refusal(path, options, kindText.link);
  if (code === 'ENOENT') return refusal(path, options, 'does not exist');
  if (code === 'EISDIR') return refusal(path, options, kindText.folder);
  if (code === 'EACCES' || code === 'EPERM') return refusal(path, options, 'may not be read');
  if (code === 'ENXIO') return refusal(path, options, kindText.socket);
  return refusal(path, options, 'cannot be read');
}

/** Why a handle may not be read, or null when it is a regular file within the limit. */
function checkHandle(st: Stats, options: BoundedReadOptions): string | null {
  const kind = kindOf(st);
  if (kind !== 'file') return kindText[kind];
  if (st.size > options.maxBytes) return `is larger than ${formatSize(options.maxBytes)}`;
  return null;
}

/** An open regular file within the limit, for a caller that streams it; the caller closes it. */
export interface BoundedHandle {
  handle: FileHandle;
  /** The size the handle reported when it was checked: read no further than this. */
  size: number;
}

/**
 * Opens a named file for streaming (a backup far too large to hold in memory) with the same checks
 * as `readBoundedFile`; anything but a regular file within the limit is refused at once.
 */
export async function openBoundedFile(path: string, options: BoundedReadOptions): Promise<BoundedHandle> {
  let handle: FileHandle;
  try {
    if (lookFirst(options) && (await lstat(path)).isSymbolicLink()) throw Object.assign(new Error('link'), { code: 'ELOOP' });
    handle = await open(path, openFlags(options.followLinks ?? true));
  } catch (e) {
    throw openError(path, options, e);
  }
  try {
    const st = await handle.stat();
    const why = checkHandle(st, options);
    if (why) throw refusal(path, options, why);
    return { handle, size: st.size };
  } catch (e) {
    await handle.close();
    if (e instanceof AppError) throw e;
    throw refusal(path, options, 'cannot be read');
  }
}

/** The whole content of a regular file of at most `maxBytes`; anything else is refused at once. */
export async function readBoundedFile(path: string, options: BoundedReadOptions): Promise<Buffer> {
  const { handle, size } = await openBoundedFile(path, options);
  try {
    const buffer = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return buffer.subarray(0, offset);
  } catch {
    throw refusal(path, options, 'cannot be read');
  } finally {
    await handle.close();
  }
}

/** The same for code that must stay synchronous (policy at start-up). */
export function readBoundedFileSync(path: string, options: BoundedReadOptions): Buffer {
  let fd: number;
  try {
    if (lookFirst(options) && lstatSync(path).isSymbolicLink()) throw Object.assign(new Error('link'), { code: 'ELOOP' });
    fd = openSync(path, openFlags(options.followLinks ?? true));
  } catch (e) {
    throw openError(path, options, e);
  }
  try {
    const st = fstatSync(fd);
    const why = checkHandle(st, options);
    if (why) throw refusal(path, options, why);
    const buffer = Buffer.alloc(st.size);
    let offset = 0;
    while (offset < st.size) {
      const n = readSync(fd, buffer, offset, st.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return buffer.subarray(0, offset);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refusal(path, options, 'cannot be read');
  } finally {
    closeSync(fd);
  }
}
