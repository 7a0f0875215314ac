import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../app-error';
import { captureSchema, fullTextUpkeepSchema, redactionDecisionsSchema } from '../capture/capture-schema';
import { exchangeSchema, inboxMemorySchema, outgoingPreviewSchema } from '../exchange/exchange-schema';

/**
 * Schema history. Each step runs in one transaction together with the bump of `user_version`, so a
 * crash leaves the schema at either the old or the new version. Later capabilities append steps.
 */
export const migrations: ReadonlyArray<{ version: number; up: (db: Database) => void }> = [
  {
    version: 1,
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          event TEXT NOT NULL,
          data TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TABLE audit_head (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          seq INTEGER NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
      `),
  },
  { version: 2, up: (db) => db.exec(captureSchema) },
  { version: 3, up: (db) => db.exec(redactionDecisionsSchema) },
  { version: 4, up: (db) => db.exec(exchangeSchema) },
  { version: 5, up: (db) => db.exec(fullTextUpkeepSchema) },
  { version: 6, up: (db) => db.exec(outgoingPreviewSchema) },
  { version: 7, up: (db) => db.exec(inboxMemorySchema) },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export function migrate(db: Database, steps = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > (steps.at(-1)?.version ?? 0)) {
    throw new AppError('vault_foreign', 'This vault was made by a newer version of OBI Werkplek; update the app.');
  }
  for (const step of steps) {
    if (step.version <= current) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}
