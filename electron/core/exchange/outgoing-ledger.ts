import type { ErrorCode } from '../../../shared/contract/errors';
import type { BundleKind } from '../../../shared/exchange/payload';
import { AppError } from '../app-error';
import { appendAudit } from '../vault/audit-log';
import type { SqlDatabase } from '../vault/sqlcipher';
import type { Transport } from '../transport/transport';

/**
 * Outgoing bundles in the ledger. `prepared` holds the sealed bytes and binds what the bundle
 * carries; `delivered` is set, with the consequences for signals and review items, in the same
 * transaction once the files are in place. A prepared bundle that was not delivered (a crash, an
 * unreachable share) is delivered again with the same id and bytes.
 */
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

export function insertPrepared(db: SqlDatabase, b: PreparedBundle, now: Date): void {
  db.prepare(
    `INSERT INTO outgoing_bundles (id, kind, addressee, destination, created_at, payload, age, minisig, preview, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'prepared')`,
  ).run(b.id, b.kind, b.addressee, b.destination, now.toISOString(), b.payload, Buffer.from(b.age), b.minisig, b.preview ?? null);
  appendAudit(db, 'bundle.prepared', { bundle: b.id, kind: b.kind });
}

export function preparedBundles(db: SqlDatabase): PreparedBundle[] {
  const rows = db
    .prepare("SELECT id, kind, addressee, destination, payload, age, minisig, preview FROM outgoing_bundles WHERE state = 'prepared' ORDER BY created_at, id")
    .all() as Array<Omit<PreparedBundle, 'age'> & { age: Buffer }>;
  return rows.map((r) => ({ ...r, age: new Uint8Array(r.age) }));
}

export function outgoingHistory(db: SqlDatabase, limit = 200): OutgoingSummary[] {
  return db
    .prepare(
      `SELECT id, kind, addressee, created_at AS createdAt, state, delivered_at AS deliveredAt
       FROM outgoing_bundles ORDER BY created_at DESC, id LIMIT ?`,
    )
    .all(limit) as OutgoingSummary[];
}

/** The decoded payload of an outgoing bundle: exactly the JSON that was sealed. */
export function outgoingPayload(db: SqlDatabase, id: string): string {
  const row = db.prepare('SELECT payload FROM outgoing_bundles WHERE id = ?').get(id) as { payload: string } | undefined;
  if (!row) throw new AppError('not_found', 'That bundle is not in the ledger.');
  return row.payload;
}

/** Files a bundle is written as: the signature first, so the `.age` never appears without it. */
export const bundleFiles = (b: Pick<PreparedBundle, 'id' | 'age' | 'minisig'>) => [
  { name: `${b.id}.age.minisig`, bytes: b.minisig },
  { name: `${b.id}.age`, bytes: b.age },
];

/** What a delivered bundle settles: officer signals become sent, released review items delivered. */
function settle(db: SqlDatabase, b: PreparedBundle, at: string): void {
  if (b.kind === 'officer') {
    db.prepare(
      `UPDATE signals SET state = 'sent', state_changed_at = ?, updated_at = ?
       WHERE state = 'ready' AND id IN (SELECT signal_id FROM outgoing_signals WHERE bundle_id = ?)`,
    ).run(at, at, b.id);
  } else if (b.kind === 'team') {
    db.prepare(
      `UPDATE review_items SET state = 'delivered', carried_since = NULL
       WHERE state = 'approved' AND id IN (SELECT item_id FROM outgoing_items WHERE bundle_id = ? AND role = 'released')`,
    ).run(b.id);
    db.prepare(
      `UPDATE review_items SET carried_since = COALESCE(carried_since, ?)
       WHERE state = 'approved' AND id IN (SELECT item_id FROM outgoing_items WHERE bundle_id = ? AND role = 'carried')`,
    ).run(at, b.id);
  }
}

/** A bundle that stays prepared: why, as a code for the UI and a sentence (no content) for the CLI. */
export interface DeliveryFailure {
  bundle: string;
  code: ErrorCode;
  message: string;
}

/** Test hooks: the crash tests stop the process at each of these points. */
export interface DeliveryHooks {
  afterFile?: (name: string) => void;
}

/**
 * Writes every prepared bundle through the transport and records each delivery. Returns where the
 * files went. A failure leaves the bundle prepared for the next attempt and is reported, not
 * thrown, so one unreachable destination does not hold back the others. The transport counts a
 * file already at the destination as delivered, so an attempt cut off halfway is finished, never doubled.
 */
export async function deliverPrepared(
  db: SqlDatabase,
  transport: Transport,
  now: () => Date,
  hooks: DeliveryHooks = {},
): Promise<{ paths: string[]; failures: DeliveryFailure[] }> {
  const paths: string[] = [];
  const failures: DeliveryFailure[] = [];
  for (const b of preparedBundles(db)) {
    try {
      for (const file of bundleFiles(b)) {
        paths.push(await transport.deliver(file, b.destination));
        hooks.afterFile?.(file.name);
      }
    } catch (e) {
      failures.push(
        e instanceof AppError ? { bundle: b.id, code: e.code, message: e.message } : { bundle: b.id, code: 'io_error', message: 'Delivery failed.' },
      );
      continue;
    }
    const at = now().toISOString();
    db.transaction(() => {
      db.prepare("UPDATE outgoing_bundles SET state = 'delivered', delivered_at = ? WHERE id = ? AND state = 'prepared'").run(at, b.id);
      settle(db, b, at);
      appendAudit(db, 'bundle.delivered', { bundle: b.id, kind: b.kind });
    })();
  }
  return { paths, failures };
}

/**
 * Drops every prepared bundle that has not left (the officer or team lead wants to change something
 * after seeing the preview). Bundles already delivered are never touched.
 */
export function discardPrepared(db: SqlDatabase): number {
  return db.transaction(() => {
    const ids = db.prepare("SELECT id, kind FROM outgoing_bundles WHERE state = 'prepared'").all() as Array<{ id: string; kind: string }>;
    for (const { id, kind } of ids) {
      db.prepare('DELETE FROM outgoing_signals WHERE bundle_id = ?').run(id);
      db.prepare('DELETE FROM outgoing_items WHERE bundle_id = ?').run(id);
      db.prepare('DELETE FROM outgoing_bundles WHERE id = ?').run(id);
      appendAudit(db, 'bundle.discarded', { bundle: id, kind });
    }
    return ids.length;
  })();
}
