import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { migrate } from './migrate';
import { probeSqlCipher } from './sqlcipher';

describe('SQLCipher module probe', () => {
  it('reports the SQLite3 Multiple Ciphers version when the module loads', () => {
    expect(probeSqlCipher().version).toMatch(/^SQLite3 Multiple Ciphers \d/);
  });

  it('refuses with a clear message when the module cannot be loaded', () => {
    const broken = function () {
      throw new Error('Module did not self-register: /path/to/better_sqlite3.node');
    } as unknown as typeof Database;
    try {
      probeSqlCipher(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toBe('The encrypted database module (better-sqlite3-multiple-ciphers) could not be loaded. Reinstall OBI Werkplek.');
    }
  });
});

describe('migrations', () => {
  it('runs each step in one transaction with its version bump: a failing step leaves the old version', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, up: (d: Database.Database) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE b (x)');
          throw new Error('step failed halfway');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow('step failed halfway');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(['a']);
    migrate(db, steps.slice(0, 1));
    db.close();
  });

  it('refuses a vault from a newer version of the app', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/newer version of OBI Werkplek/);
    db.close();
  });
});
