import type Database from 'better-sqlite3-multiple-ciphers';

/** The raw SQLCipher database and its prepared statements: the business of the vault and its stores alone. */
export type SqlDatabase = Database.Database;
export type SqlStatement = Database.Statement<unknown[]>;
