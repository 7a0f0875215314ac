import { createHmac, randomBytes } from 'node:crypto';
import { storeStatements, type OpenVault } from '../vault/vault';

/**
 * The officer's conversation pseudonyms (table `conversation_key`). Every signal of one meeting
 * travels with the same pseudonym, so that the team lead's aggregation counts conversations, not
 * signals; the pseudonym is an HMAC-SHA-256 of the meeting's id under a secret of 32 random bytes
 * that is made on first use and never leaves the vault. It is stable across bundles (a signal sent
 * later from the same meeting counts towards the same conversation) and tells nobody else which
 * meeting it is, or whether two officers' pseudonyms are alike.
 */
export class ConversationKeyStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  private secret(): Buffer {
    const stored = this.sql('SELECT secret FROM conversation_key WHERE id = 1').pluck().get() as Buffer | undefined;
    if (stored) return stored;
    this.sql('INSERT OR IGNORE INTO conversation_key (id, secret) VALUES (1, ?)').run(randomBytes(32));
    return this.sql('SELECT secret FROM conversation_key WHERE id = 1').pluck().get() as Buffer;
  }

  /** The pseudonym of a meeting: 32 hexadecimal digits (128 bits). */
  pseudonymOf(meetingId: number): string {
    return createHmac('sha256', this.secret()).update(`meeting:${meetingId}`).digest('hex').slice(0, 32);
  }
}
