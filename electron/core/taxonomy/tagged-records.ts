/** One record that carries taxonomy tags, with the taxonomy version it was tagged with. */
export interface TaggedRecord {
  id: string;
  tags: string[];
  taxonomyVersion: number;
}

/**
 * A kind of record in the vault that carries taxonomy tags (signals; meetings through their
 * community). A taxonomy import migrates every record of every store inside its own transaction,
 * so both methods must be synchronous and use the vault's own database connection. The taxonomy
 * knows only this interface: the capabilities above it hand their stores in (see wiring.ts).
 */
export interface TaggedStore {
  /** What the records are, for the audit log: `signal`, `meeting`. */
  readonly kind: string;
  listTagged(): TaggedRecord[];
  /** Replaces the record's tags and the version they now belong to. */
  replaceTags(id: string, tags: string[], taxonomyVersion: number): void;
}
