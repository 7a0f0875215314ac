import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../core/vault/migrate';

/**
 * The schema a database holds, as text that a fixture can pin: every object of `sqlite_schema`
 * with the SQL SQLite keeps for it, the settings of each full-text index, and `user_version`.
 */
export function schemaDump(db: Database.Database): string {
  const objects = db.prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema ORDER BY type, name').all() as Array<{
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }>;
  const parts = objects.map((o) => `-- ${o.type} ${o.name} on ${o.tbl}\n${o.sql ?? '(made by SQLite)'};\n`);
  for (const o of objects.filter((x) => x.type === 'table' && /USING fts5/i.test(x.sql ?? ''))) {
    const config = db.prepare(`SELECT k, v FROM "${o.name}_config" ORDER BY k`).all() as Array<{ k: string; v: unknown }>;
    parts.push(`-- settings of ${o.name}\n${config.map((c) => `${c.k} = ${String(c.v)}`).join('\n')}\n`);
  }
  parts.push(`-- user_version ${String(db.pragma('user_version', { simple: true }))}\n`);
  return parts.join('\n');
}

/** The tables a database holds after every migration, by name. */
export function tablesOfLatestSchema(): string[] {
  const db = new Database(':memory:');
  try {
    migrate(db);
    return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}
