import { storeStatements, type OpenVault } from '../vault/vault';

export type CaptureMemoryKey = 'meetingDefaults' | 'recentTags';

/**
 * Capture's memory between sessions (table `capture_memory`): a JSON value per key. Typed reads
 * and writes; the rules are in capture-memory.ts.
 */
export class CaptureMemoryStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  get(key: CaptureMemoryKey): string | undefined {
    return this.sql('SELECT value FROM capture_memory WHERE key = ?').pluck().get(key) as string | undefined;
  }

  put(key: CaptureMemoryKey, value: string): void {
    this.sql('INSERT INTO capture_memory (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
