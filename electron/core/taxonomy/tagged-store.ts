import { meetingTaggedStore, signalTaggedStore } from '../capture/tagged-capture-stores';
import type { OpenVault } from '../vault/vault';

/** One record that carries taxonomy tags, with the taxonomy version it was tagged with. */
export interface TaggedRecord {
  id: string;
  tags: string[];
  taxonomyVersion: number;
}

/**
 * A kind of record in the vault that carries taxonomy tags (signals; meetings through their
 * community). A taxonomy import migrates every record of every store inside its own transaction,
 * so both methods must be synchronous and use the vault's own database connection.
 */
export interface TaggedStore {
  /** What the records are, for the audit log: `signal`, `meeting`. */
  readonly kind: string;
  listTagged(): TaggedRecord[];
  /** Replaces the record's tags and the version they now belong to. */
  replaceTags(id: string, tags: string[], taxonomyVersion: number): void;
}

/** The stores whose records a taxonomy change migrates; each capability with tagged records adds its own. */
export const taggedStoreFactories: ReadonlyArray<(vault: OpenVault) => TaggedStore> = [signalTaggedStore, meetingTaggedStore];

export const taggedStoresOf = (vault: OpenVault): TaggedStore[] => taggedStoreFactories.map((make) => make(vault));
