import type { PathKind } from '../platform/read-bounded';

/**
 * How bundles travel between workstations: a folder (a network share, or removable media for
 * air-gapped sites) or a WebDAV drop box over HTTPS with mutual TLS. The exchange talks to this
 * interface only. Everything here is asynchronous, so a slow or hung share or server never holds
 * up the main process's event loop (the idle lock runs there).
 */
export interface Transport {
  /**
   * Puts one file of a bundle at the destination without ever overwriting. A file already there
   * with the same bytes counts as delivered (a retry after a crash or a timeout); one with other
   * bytes is a `conflict`. Returns where the file went (a path or a URL), for the user.
   */
  deliver(file: OutgoingFile, to: Destination): Promise<string>;
  /** Bundle entries (`*.age`) waiting in the inbox, oldest first; the listing reads no content. */
  list(): Promise<InboxEntry[]>;
  /**
   * The entry's bytes and the signature beside it. Reading stops at `maxBytes` (and at a small
   * limit for the signature), whatever the entry claims or the server sends.
   */
  read(entry: InboxEntry, maxBytes: number): Promise<EntryContent>;
  /** An imported entry and its signature leave the inbox: moved to `processed/`, or deleted, per policy. */
  settle(entry: InboxEntry): Promise<void>;
  /** Lets go of connections; the transport is not used afterwards. */
  close(): Promise<void>;
}

export type Destination = 'outbox' | 'returns';

export interface OutgoingFile {
  name: string;
  bytes: Uint8Array | string;
}

export interface InboxEntry {
  /** The bundle's file name (`<name>.age`), never a path. */
  name: string;
  /** What the entry is, as the listing shows it: only a `file` is ever opened. */
  kind: PathKind;
  /** Size in bytes as the listing shows it, when it shows one. */
  size: number | null;
  /**
   * The listing's description of the entry and its signature (kind, size, times, identity): when it
   * is unchanged, so is the entry, and an entry refused before is not read again.
   */
  listing: string;
}

export interface EntryContent {
  bytes: Buffer;
  /** The text of `<name>.minisig`. */
  signature: string;
}

/** A signature file is a few hundred bytes; anything larger is not one of ours. */
export const maxSignatureBytes = 16 * 1024;

export const signatureSuffix = '.minisig';

/** Names a bundle file may have: ours are `<uuid>.age`; anything else in an inbox is not looked at. */
export const bundleName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.age$/;

/** Names a transport may write: a bundle and its signature. */
export const deliverableName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.age(\.minisig)?$/;

/** What is done with an imported entry: kept aside in `processed/` (default), or deleted. */
export type AfterImport = 'move' | 'delete';

export const processedFolder = 'processed';
