import type { BundleKind } from '../../../shared/exchange/payload';
import { storeStatements, type OpenVault } from '../vault/vault';

/** A sealed outgoing bundle as the ledger keeps it until (and after) it is delivered. */
export interface PreparedBundle {
  id: string;
  kind: BundleKind;
  addressee: string;
  destination: 'outbox' | 'returns';
  payload: string;
  age: Uint8Array;
  minisig: string;
  /** A team bundle's aggregation preview as JSON: what was generalised and what waits. */
  preview?: string | null;
}

export interface OutgoingSummary {
  id: string;
  kind: BundleKind;
  addressee: string;
  createdAt: string;
  state: 'prepared' | 'delivered';
  deliveredAt: string | null;
}

/** How a team or returned bundle carries a review item. */
export type ItemRole = 'released' | 'carried' | 'returned' | 'approved' | 'delivered';

/**
 * Exchange's ledger of what left and what arrived (tables `outgoing_bundles`, `outgoing_signals`,
 * `outgoing_items`, `incoming_bundles`): typed reads and writes. A signal is named here by its id
 * only; what it is and which state it has, capture's signal store says.
 */
export class LedgerStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  insertPrepared(b: PreparedBundle, createdAt: string): void {
    this.sql(
      `INSERT INTO outgoing_bundles (id, kind, addressee, destination, created_at, payload, age, minisig, preview, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'prepared')`,
    ).run(b.id, b.kind, b.addressee, b.destination, createdAt, b.payload, Buffer.from(b.age), b.minisig, b.preview ?? null);
  }

  /** Bundles prepared and not yet delivered, oldest first. */
  prepared(): PreparedBundle[] {
    const rows = this.sql(
      "SELECT id, kind, addressee, destination, payload, age, minisig, preview FROM outgoing_bundles WHERE state = 'prepared' ORDER BY created_at, id",
    ).all() as Array<Omit<PreparedBundle, 'age'> & { age: Buffer }>;
    return rows.map((r) => ({ ...r, age: new Uint8Array(r.age) }));
  }

  history(limit: number): OutgoingSummary[] {
    return this.sql(
      `SELECT id, kind, addressee, created_at AS createdAt, state, delivered_at AS deliveredAt
       FROM outgoing_bundles ORDER BY created_at DESC, id LIMIT ?`,
    ).all(limit) as OutgoingSummary[];
  }

  payload(id: string): string | undefined {
    return this.sql('SELECT payload FROM outgoing_bundles WHERE id = ?').pluck().get(id) as string | undefined;
  }

  /** False when the bundle was not (or no longer) prepared. */
  markDelivered(id: string, at: string): boolean {
    return this.sql("UPDATE outgoing_bundles SET state = 'delivered', delivered_at = ? WHERE id = ? AND state = 'prepared'").run(at, id).changes > 0;
  }

  /** Drops a prepared bundle and what it carried; a delivered one is never touched. */
  dropPrepared(id: string): void {
    this.sql("DELETE FROM outgoing_signals WHERE bundle_id = ? AND bundle_id IN (SELECT id FROM outgoing_bundles WHERE state = 'prepared')").run(id);
    this.sql("DELETE FROM outgoing_items WHERE bundle_id = ? AND bundle_id IN (SELECT id FROM outgoing_bundles WHERE state = 'prepared')").run(id);
    this.sql("DELETE FROM outgoing_bundles WHERE id = ? AND state = 'prepared'").run(id);
  }

  bindSignal(bundleId: string, signalId: number): void {
    this.sql('INSERT INTO outgoing_signals (bundle_id, signal_id) VALUES (?, ?)').run(bundleId, signalId);
  }

  /** The signals an officer bundle carries. */
  signalsOf(bundleId: string): number[] {
    return this.sql('SELECT signal_id FROM outgoing_signals WHERE bundle_id = ? ORDER BY signal_id').pluck().all(bundleId) as number[];
  }

  /** Signals bound to a bundle that is prepared and has not left. */
  boundSignals(): Set<number> {
    return new Set(
      this.sql("SELECT o.signal_id FROM outgoing_signals o JOIN outgoing_bundles b ON b.id = o.bundle_id WHERE b.state = 'prepared'").pluck().all() as number[],
    );
  }

  isSignalBound(signalId: number): boolean {
    return (
      this.sql("SELECT 1 FROM outgoing_signals o JOIN outgoing_bundles b ON b.id = o.bundle_id WHERE o.signal_id = ? AND b.state = 'prepared'").get(
        signalId,
      ) !== undefined
    );
  }

  bindItem(bundleId: string, itemId: number, role: ItemRole): void {
    this.sql('INSERT INTO outgoing_items (bundle_id, item_id, role) VALUES (?, ?, ?)').run(bundleId, itemId, role);
  }

  /** The review items a team or returned bundle carries in one role. */
  itemsOf(bundleId: string, role: ItemRole): number[] {
    return this.sql('SELECT item_id FROM outgoing_items WHERE bundle_id = ? AND role = ? ORDER BY item_id').pluck().all(bundleId, role) as number[];
  }

  /** Review items bound to a team bundle that is prepared and has not left. */
  itemsInPreparedTeamBundle(): Set<number> {
    return new Set(
      this.sql("SELECT o.item_id FROM outgoing_items o JOIN outgoing_bundles b ON b.id = o.bundle_id WHERE b.state = 'prepared' AND b.kind = 'team'")
        .pluck()
        .all() as number[],
    );
  }

  /** Per review item, what the officer has been told of it (or is about to be): returned, approved, delivered. */
  toldRoles(): Map<number, Set<ItemRole>> {
    const rows = this.sql("SELECT item_id AS itemId, role FROM outgoing_items WHERE role IN ('returned', 'approved', 'delivered')").all() as Array<{
      itemId: number;
      role: ItemRole;
    }>;
    const told = new Map<number, Set<ItemRole>>();
    for (const r of rows) told.set(r.itemId, (told.get(r.itemId) ?? new Set()).add(r.role));
    return told;
  }

  /**
   * Empties the payload of every received officer bundle whose review items have all been cleared
   * by retention (see ReviewStore.clearDelivered), and of an empty one received before `until` (a
   * date): the redacted summaries it carried are then nowhere else either. The row stays, so the
   * bundle is still known.
   */
  clearSpentIncoming(until: string): number {
    return this.sql(
      `UPDATE incoming_bundles SET payload = '' WHERE kind = 'officer' AND payload <> ''
       AND NOT EXISTS (SELECT 1 FROM review_items r WHERE r.bundle_id = incoming_bundles.id AND r.summary <> '')
       AND (EXISTS (SELECT 1 FROM review_items r WHERE r.bundle_id = incoming_bundles.id) OR received_at < ?)`,
    ).run(until).changes;
  }

  hasIncoming(id: string): boolean {
    return this.sql('SELECT 1 FROM incoming_bundles WHERE id = ?').get(id) !== undefined;
  }

  insertIncoming(bundle: { id: string; kind: string; signer: string; signerName: string; payload: string }, receivedAt: string): void {
    this.sql('INSERT INTO incoming_bundles (id, kind, signer, signer_name, received_at, payload) VALUES (?, ?, ?, ?, ?, ?)').run(
      bundle.id,
      bundle.kind,
      bundle.signer,
      bundle.signerName,
      receivedAt,
      bundle.payload,
    );
  }
}
