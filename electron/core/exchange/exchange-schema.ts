/**
 * The ledger of what left and what arrived. Every bundle has an id; an outgoing bundle is first
 * `prepared` (its signals bound to it, its encrypted bytes kept) and then `delivered`, each in
 * one transaction, so a crash at any point leaves every signal either sent exactly once or still
 * pending, and a prepared bundle is delivered again with the same id and bytes. Only redacted
 * material is kept here: the payload is what left or arrived, decoded.
 */
/** The team lead's aggregation preview, kept with the prepared team bundle so it shows again after a restart (counts only). */
export const outgoingPreviewSchema = 'ALTER TABLE outgoing_bundles ADD COLUMN preview TEXT;';

/** What the inbox decided about entries it read: hashes and outcomes only (inbox-memory.ts). */
export const inboxMemorySchema = `
  CREATE TABLE inbox_memory (
    key TEXT PRIMARY KEY,
    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'refused', 'skipped')),
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
  ) STRICT;
  CREATE INDEX inbox_memory_by_last_seen ON inbox_memory (last_seen);
`;

export const exchangeSchema = `
  ALTER TABLE signals ADD COLUMN export_ref TEXT;
  CREATE UNIQUE INDEX signals_by_export_ref ON signals (export_ref);

  CREATE TABLE outgoing_bundles (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('officer', 'team', 'returned')),
    addressee TEXT NOT NULL,
    destination TEXT NOT NULL CHECK (destination IN ('outbox', 'returns')),
    created_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    age BLOB NOT NULL,
    minisig TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('prepared', 'delivered')),
    delivered_at TEXT
  ) STRICT;

  -- Officer: the signals a bundle carries.
  CREATE TABLE outgoing_signals (
    bundle_id TEXT NOT NULL REFERENCES outgoing_bundles (id),
    signal_id INTEGER NOT NULL REFERENCES signals (id),
    PRIMARY KEY (bundle_id, signal_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE incoming_bundles (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    signer TEXT NOT NULL,
    signer_name TEXT NOT NULL,
    received_at TEXT NOT NULL,
    payload TEXT NOT NULL
  ) STRICT;

  -- Team lead: each signal received for review, redacted material only.
  CREATE TABLE review_items (
    id INTEGER PRIMARY KEY,
    bundle_id TEXT NOT NULL REFERENCES incoming_bundles (id),
    signal_ref TEXT NOT NULL,
    officer TEXT NOT NULL,
    signer TEXT NOT NULL,
    summary TEXT NOT NULL,
    tags TEXT NOT NULL,
    date TEXT NOT NULL,
    municipality TEXT,
    province TEXT,
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'returned', 'delivered')),
    reason TEXT,
    decided_at TEXT,
    carried_since TEXT,
    UNIQUE (bundle_id, signal_ref)
  ) STRICT;
  CREATE INDEX review_items_by_state ON review_items (state, id);

  -- Team lead: which review items a team or returned bundle carried, and how.
  CREATE TABLE outgoing_items (
    bundle_id TEXT NOT NULL REFERENCES outgoing_bundles (id),
    item_id INTEGER NOT NULL REFERENCES review_items (id),
    role TEXT NOT NULL CHECK (role IN ('released', 'carried', 'returned', 'approved', 'delivered')),
    PRIMARY KEY (bundle_id, item_id)
  ) STRICT, WITHOUT ROWID;
`;
