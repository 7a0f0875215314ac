import { AppError } from '../app-error';
import * as registry from './migrations';
import type { SqlDatabase } from './sql-database';

export interface Migration {
  version: number;
  up: (db: SqlDatabase) => void;
}

/** Every step of migrations/, in the order of its version. */
export const migrations: readonly Migration[] = Object.values(registry)
  .map(({ version, up }) => ({ version, up }))
  .sort((a, b) => a.version - b.version);

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

/**
 * Brings the database to the latest version. Each step runs in one transaction together with the
 * bump of `user_version`, so a crash leaves the schema at either the old or the new version.
 */
export function migrate(db: SqlDatabase, steps: readonly Migration[] = migrations): void {
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
