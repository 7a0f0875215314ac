import { taxonomyFileMaxBytes } from '../../../shared/taxonomy/taxonomy-package';
import type { BoundedReadOptions } from './read-bounded';

/**
 * How large each kind of file the program reads on someone's say may be, in one place (IT finds
 * the same table in docs/it/limits.md). Every limit lies far above a real file of its kind and far
 * below what would hurt a laptop; a larger file is refused before a byte of it is read. Bundles
 * are bounded by the exchange code that reads them (envelope.ts, inbox.ts).
 */

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

export type FileKind = 'importFile' | 'policyFile' | 'registryExport' | 'taxonomyFile' | 'signature' | 'keyFile' | 'auditHeadRecord' | 'backup';

export const fileLimits: Readonly<Record<FileKind, BoundedReadOptions>> = {
  /** `obi notes import`: JSON Lines of meetings; 5 000 meetings with long notes stay below 100 MB. */
  importFile: { what: 'import file', maxBytes: 256 * MB },
  /** OBI_POLICY, /etc/obi-werkplek/policy.json, `obi policy check`: a team of 200 is about 40 KB. */
  policyFile: { what: 'policy file', maxBytes: 1 * MB },
  /** `obi policy check --reg`: the saved output of `reg query`. */
  registryExport: { what: 'registry export', maxBytes: 1 * MB },
  /** A taxonomy package (update, `obi taxonomy sign`): the built-in one is about 100 KB. */
  taxonomyFile: { what: 'taxonomy file', maxBytes: taxonomyFileMaxBytes },
  /** `FILE.minisig` beside a signed file: a few hundred bytes. */
  signature: { what: 'signature', maxBytes: 16 * KB },
  /** A key given to a command: minisign public or secret key, age identity file. */
  keyFile: { what: 'key file', maxBytes: 64 * KB },
  /** `obi audit verify --against`: an exported audit head record, a few hundred bytes. */
  auditHeadRecord: { what: 'audit head record', maxBytes: 16 * KB },
  /**
   * `obi vault restore`: streamed to disk, never held in memory; the limit only bounds the disk
   * space a restore may take.
   */
  backup: { what: 'backup', maxBytes: 64 * GB },
};

/** The limit of a kind, with the file named as the caller knows it ("identity file"). */
export const limitFor = (kind: FileKind, what: string): BoundedReadOptions => ({ ...fileLimits[kind], what });
