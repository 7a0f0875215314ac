import { lstat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../app-error';
import { readBoundedFile } from '../platform/read-bounded';
import { maxSignatureBytes, signatureSuffix, type EntryContent, type InboxEntry } from './transport';

/**
 * A bundle file and the signature beside it, each read as a regular file within its limit. In a
 * shared folder links are refused (`followLinks: false`); a file named on the command line may be
 * one. A missing signature is a refusal of its own: an unsigned file is never trusted.
 */
export async function readBundleFiles(path: string, options: { maxBytes: number; followLinks: boolean }): Promise<EntryContent> {
  const bytes = await readBoundedFile(path, { what: 'bundle', maxBytes: options.maxBytes, followLinks: options.followLinks });
  const signaturePath = path + signatureSuffix;
  const present = await lstat(signaturePath).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
  );
  const name = basename(path);
  if (!present) throw new AppError('signature_missing', `The bundle ${name} is not signed: ${name}${signatureSuffix} is missing beside it; it is refused.`);
  const signature = await readBoundedFile(signaturePath, { what: 'signature', maxBytes: maxSignatureBytes, followLinks: options.followLinks });
  return { bytes, signature: signature.toString('utf8') };
}

/** Bundle files named on the command line, read as they are named and left where they are. */
export function namedFiles(paths: readonly string[]) {
  const pathOf = new Map<InboxEntry, string>();
  return {
    list: () =>
      Promise.resolve(
        paths.map((path) => {
          const entry: InboxEntry = { name: basename(path), kind: 'file', size: null, listing: path };
          pathOf.set(entry, path);
          return entry;
        }),
      ),
    read: (entry: InboxEntry, maxBytes: number) => readBundleFiles(pathOf.get(entry) ?? entry.listing, { maxBytes, followLinks: true }),
    settle: () => Promise.resolve(),
  };
}
