import { storeStatements, type OpenVault } from '../vault/vault';

/**
 * Capture's pairs of meetings the officer said are two conversations, not one (table
 * `meetings_kept_apart`), so the likely-duplicates list does not ask again. A pair goes with
 * either meeting.
 */
export class KeptApartStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  /** Every pair as [lower id, higher id]. */
  pairs(): Array<[number, number]> {
    return (this.sql('SELECT first_id AS first, second_id AS second FROM meetings_kept_apart').all() as Array<{ first: number; second: number }>).map((p) => [
      p.first,
      p.second,
    ]);
  }

  add(a: number, b: number, at: string): void {
    const [first, second] = a < b ? [a, b] : [b, a];
    this.sql('INSERT OR IGNORE INTO meetings_kept_apart (first_id, second_id, decided_at) VALUES (?, ?, ?)').run(first, second, at);
  }
}
