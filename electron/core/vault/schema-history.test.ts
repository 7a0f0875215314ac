import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaDump } from '../../test-support/schema-dump';
import { migrate, migrations } from './migrate';
import * as registry from './migrations';

/**
 * Released migrations are frozen: a vault made by any earlier version of the app went through
 * exactly these steps. The fixture is the schema versions 1–6 produced when they were released, so
 * a later edit of a released step (or of anything it reads) shows up here.
 */
describe('schema history', () => {
  it('builds exactly the released schema of versions 1 to 6', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version <= 6),
    );
    expect(schemaDump(db)).toBe(readFileSync(join(import.meta.dirname, 'fixtures', 'schema-v6.sql'), 'utf8'));
    db.close();
  });

  it('numbers its steps 1, 2, 3, … without gaps, each file by its own version', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const [name, step] of Object.entries(registry)) expect(Number(name.slice(1)), name).toBe(step.version);
  });
});
