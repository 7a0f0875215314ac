import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AuditEvent } from '../../../shared/vault/audit-events';
import { passphraseProblemText } from '../../../shared/vault/passphrase-strength';
import { formatRecoveryKey, parseRecoveryKey, recoveryKeyBytes } from '../../../shared/vault/recovery-key-format';
import { AppError } from '../app-error';
import { fsyncDirectory } from '../platform/atomic-write';
import { appendAudit, auditEntryWithHash, auditHeadHash, recentAudit, verifyAudit, type AuditData } from './audit-log';
import {
  dataKeyBytes,
  defaultArgon2,
  hasSlot,
  keyCheckOf,
  makeOsSlot,
  makePassphraseSlot,
  makeRecoverySlot,
  openWithOs,
  openWithPassphrase,
  openWithRecoveryKey,
  passphraseKdfOf,
  weakerThan,
  withoutSlot,
  withSlot,
  type Argon2Params,
  type KeySlots,
  type OsKeyWrap,
} from './key-slots';
import type { SqlDatabase, SqlStatement } from './sql-database';
import { checkIntegrity, openEncryptedDatabase, rekeyDatabase } from './sqlcipher';
import { dbPath, nextSlotsPath, readKeySlots, readNextKeySlots, removeNextKeySlots, vaultPresence, writeKeySlots } from './vault-files';

/** The steps of a key rotation, for progress: new keys, the database re-encrypted, the key file replaced. */
export type RekeyStep = 'keys' | 'database' | 'slots';

export interface VaultOptions {
  /** Argon2id cost for new passphrase slots; tests pass a cheaper one. */
  argon2?: Argon2Params;
  /**
   * The policy's key for taxonomy updates (taxonomyKey): a taxonomy imported into the vault is in
   * force only while its stored signature verifies under it (see active-taxonomy.ts).
   */
  taxonomyKey?: string | undefined;
}

const wrongPassphrase = () => new AppError('wrong_passphrase', 'The passphrase does not open this vault.');
const wrongRecoveryKey = () => new AppError('recovery_key_wrong', 'This recovery key does not belong to this vault.', { field: 'recoveryKey' });

function malformedRecoveryKey(parsed: Extract<ReturnType<typeof parseRecoveryKey>, { ok: false }>): AppError {
  return parsed.reason === 'length'
    ? new AppError('recovery_key_malformed', `A recovery key has 48 digits; ${parsed.digits} were given.`, { field: 'recoveryKey' })
    : new AppError('recovery_key_malformed', `Group ${parsed.groups.join(', ')} of the recovery key contains a typing error.`, {
        field: 'recoveryKey',
        groups: parsed.groups,
      });
}

/** Every path that sets a passphrase passes here: the UI and the CLI check first, this is the rule that counts. */
function assertNewPassphrase(passphrase: string): void {
  const problem = passphraseProblemText(passphrase);
  if (problem) throw new AppError('passphrase_weak', `The new passphrase ${problem}.`);
}

let databaseOf: (vault: OpenVault) => SqlDatabase;

/**
 * An unlocked vault: the open database and the data key, both dropped by `close()`. The database
 * handle is private: each capability reaches its own tables through its store modules, which alone
 * may ask for the handle (`storeDatabase`).
 */
export class OpenVault {
  private closed = false;
  readonly #db: SqlDatabase;

  static {
    databaseOf = (vault) => vault.#db;
  }

  private constructor(
    readonly dir: string,
    db: SqlDatabase,
    private dataKey: Buffer,
    private slots: KeySlots,
    private readonly options: VaultOptions,
  ) {
    this.#db = db;
  }

  static open(dir: string, dataKey: Buffer, slots: KeySlots, options: VaultOptions): OpenVault {
    try {
      return new OpenVault(dir, openEncryptedDatabase(dbPath(dir), dataKey, { create: false }), dataKey, slots, options);
    } catch (e) {
      dataKey.fill(0);
      throw e;
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get vaultId(): string {
    return this.slots.vaultId;
  }

  /** The key the policy trusts for taxonomy updates, as given when the vault was opened. */
  get taxonomyKey(): string | undefined {
    return this.options.taxonomyKey;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.#db.close();
    } finally {
      this.dataKey.fill(0);
    }
  }

  /**
   * Runs `work` in one transaction: everything it writes, through any store, lands together or not
   * at all. Inside another transaction it is a savepoint of that one.
   */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  audit(event: AuditEvent, data: AuditData = {}): void {
    appendAudit(this.#db, event, data);
  }

  recentAudit(limit: number) {
    return recentAudit(this.#db, limit);
  }

  verifyAudit() {
    return verifyAudit(this.#db);
  }

  /** The audit log's head: the hash of its last entry, which travels in officer bundles. */
  auditHead(): string {
    return auditHeadHash(this.#db);
  }

  /** The entry of this audit log whose hash is `hash` (a head received elsewhere), or null. */
  auditEntryWithHash(hash: string): number | null {
    return auditEntryWithHash(this.#db, hash);
  }

  /** Problems found by reading every page; empty when the database is sound. */
  checkIntegrity(): string[] {
    return checkIntegrity(this.#db);
  }

  /** The schema version the database is at. */
  get schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  /** How many rows each table holds, by table name: counts only, for diagnostics. */
  rowCounts(): Record<string, number> {
    const tables = this.#db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((name) => [
        name,
        this.#db
          .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
          .pluck()
          .get() as number,
      ]),
    );
  }

  /** Writes a consistent copy of the database (still encrypted with the data key) to `path`. */
  copyDatabaseTo(path: string): void {
    this.#db.prepare('VACUUM INTO ?').run(path);
  }

  /** Moves what the write-ahead log holds into the database file, as far as no reader is in the way. */
  checkpoint(): void {
    this.#db.pragma('wal_checkpoint(PASSIVE)');
  }

  /**
   * After removing content: moves the whole write-ahead log into the database and empties it, so
   * no earlier copy of a removed page stays behind in the log (secure_delete has already zeroed the
   * freed space in the pages themselves).
   */
  flushRemovals(): void {
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  getMeta(key: string): string | undefined {
    return (this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.#db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  get recoveryKeyPending(): boolean {
    return this.getMeta('recoveryKeyPending') === 'true';
  }

  confirmRecoveryKey(): void {
    if (!this.recoveryKeyPending) return;
    this.transaction(() => {
      this.setMeta('recoveryKeyPending', 'false');
      this.audit('vault.recovery_key_confirmed');
    });
  }

  /**
   * Confirms a pending recovery key by the key itself: typed in full by someone who holds it (the
   * one `obi vault init` printed, or the one the app showed before it closed). Nothing is
   * replaced; a key that does not open the recovery slot is refused.
   */
  confirmRecoveryKeyTyped(recoveryText: string): void {
    const parsed = parseRecoveryKey(recoveryText);
    if (!parsed.ok) throw malformedRecoveryKey(parsed);
    const key = openWithRecoveryKey(this.slots, parsed.bytes);
    parsed.bytes.fill(0);
    if (!key) throw wrongRecoveryKey();
    key.fill(0);
    this.confirmRecoveryKey();
  }

  hasOsSlot(): boolean {
    return hasSlot(this.slots, 'os');
  }

  /** Rewraps the data key under the new passphrase; the database itself is not rewritten. */
  async changePassphrase(current: string, next: string): Promise<void> {
    assertNewPassphrase(next);
    const key = await openWithPassphrase(this.slots, current);
    if (!key) throw wrongPassphrase();
    key.fill(0);
    await this.setPassphrase(next);
    this.audit('vault.passphrase_changed');
  }

  /** Replaces the recovery slot with a new recovery key, shown once; the old one stops working. */
  async newRecoveryKey(passphrase: string): Promise<string> {
    const key = await openWithPassphrase(this.slots, passphrase);
    if (!key) throw wrongPassphrase();
    key.fill(0);
    const recovery = randomBytes(recoveryKeyBytes);
    this.saveSlots(withSlot(this.slots, makeRecoverySlot(recovery, this.dataKey, this.slots.vaultId)));
    this.transaction(() => {
      this.setMeta('recoveryKeyPending', 'true');
      this.audit('vault.recovery_key_replaced');
    });
    return formatRecoveryKey(recovery);
  }

  async setPassphrase(next: string): Promise<void> {
    assertNewPassphrase(next);
    await this.wrapForPassphrase(next);
  }

  private async wrapForPassphrase(passphrase: string): Promise<void> {
    const slot = await makePassphraseSlot(passphrase, this.dataKey, this.slots.vaultId, this.kdfTarget);
    this.saveSlots(withSlot(this.slots, slot));
  }

  private get kdfTarget(): Argon2Params {
    return this.options.argon2 ?? defaultArgon2;
  }

  /**
   * A passphrase slot made with weaker parameters than today's (an older version) is rewrapped with
   * today's while the passphrase is at hand: right after it opened the vault. Should the key file
   * not be writable, the old slot keeps working and the audit log says so.
   */
  async strengthenPassphraseSlot(passphrase: string): Promise<void> {
    const current = passphraseKdfOf(this.slots);
    const target = this.kdfTarget;
    if (!current || !weakerThan(current, target)) return;
    try {
      // The passphrase that opened the vault, rewrapped as it is: the strength rule is for new ones.
      await this.wrapForPassphrase(passphrase);
    } catch {
      this.audit('vault.kdf_strengthen_failed');
      return;
    }
    this.audit('vault.kdf_strengthened', { memoryKiB: target.memoryKiB, iterations: target.iterations, parallelism: target.parallelism });
  }

  /**
   * Key rotation: a new data key re-encrypts every page of the database, and new key slots (the
   * new passphrase, a new recovery key, shown once) replace all old ones, the OS slot included. A
   * copy of the old key file (a backup, a shadow copy) with the old passphrase or recovery key
   * then unwraps a key that opens nothing. Crash-safe in two steps: the new key file is written
   * beside the old one first and replaces it once the database is re-encrypted; an unlock after an
   * interruption finds out which of the two opens the database (see `openVia`).
   */
  async rekey(current: string, next: string, onStep: (step: RekeyStep) => void = () => undefined): Promise<string> {
    assertNewPassphrase(next);
    const check = await openWithPassphrase(this.slots, current);
    if (!check) throw wrongPassphrase();
    check.fill(0);
    onStep('keys');
    const newKey = randomBytes(dataKeyBytes);
    const recovery = randomBytes(recoveryKeyBytes);
    try {
      const { vaultId } = this.slots;
      const slots: KeySlots = {
        ...this.slots,
        keyCheck: keyCheckOf(newKey),
        slots: [await makePassphraseSlot(next, newKey, vaultId, this.kdfTarget), makeRecoverySlot(recovery, newKey, vaultId)],
      };
      writeKeySlots(this.dir, slots, nextSlotsPath(this.dir));
      onStep('database');
      try {
        rekeyDatabase(this.#db, newKey);
      } catch (e) {
        removeNextKeySlots(this.dir);
        throw e instanceof AppError ? e : new AppError('io_error', 'The vault could not be re-encrypted; nothing was changed.');
      }
      onStep('slots');
      this.saveSlots(slots);
      removeNextKeySlots(this.dir);
      this.dataKey.fill(0);
      this.dataKey = Buffer.from(newKey);
      this.transaction(() => {
        this.setMeta('recoveryKeyPending', 'true');
        this.audit('vault.rekeyed');
      });
      return formatRecoveryKey(recovery);
    } finally {
      newKey.fill(0);
      recovery.fill(0);
    }
  }

  enableOsUnlock(os: OsKeyWrap): void {
    this.saveSlots(withSlot(this.slots, makeOsSlot(this.dataKey, os)));
    this.audit('vault.os_unlock_enabled');
  }

  disableOsUnlock(): void {
    if (!this.hasOsSlot()) return;
    this.saveSlots(withoutSlot(this.slots, 'os'));
    this.audit('vault.os_unlock_disabled');
  }

  private saveSlots(slots: KeySlots): void {
    writeKeySlots(this.dir, slots);
    this.slots = slots;
  }
}

/**
 * The SQL of an open vault, for store modules (`<capability>/*-store.ts`) alone: lint refuses this
 * import everywhere else, so every other module reads and writes through a store. Each text is
 * prepared once per store, as stores run the same few statements many times.
 */
export function storeStatements(vault: OpenVault): (sql: string) => SqlStatement {
  if (vault.isClosed) throw new AppError('vault_locked', 'The vault is locked.');
  const db = databaseOf(vault);
  const prepared = new Map<string, SqlStatement>();
  return (text) => {
    let statement = prepared.get(text);
    if (!statement) prepared.set(text, (statement = db.prepare<unknown[]>(text)));
    return statement;
  };
}

/**
 * Creates a vault in `dir` (absent or empty). Everything is prepared in a staging folder beside it
 * and renamed into place at the end, so a crash never leaves half a vault behind.
 */
export async function createVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<{ vault: OpenVault; recoveryKey: string }> {
  if (vaultPresence(dir) === 'present') throw new AppError('vault_exists', 'A vault already exists in this folder.');
  assertNewPassphrase(passphrase);
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.setup-`));
  const dataKey = randomBytes(dataKeyBytes);
  const recovery = randomBytes(recoveryKeyBytes);
  try {
    const vaultId = randomUUID();
    const slots: KeySlots = {
      format: 'obi-werkplek-keyslots',
      version: 1,
      vaultId,
      cipher: { name: 'sqlcipher', legacy: 4 },
      keyCheck: keyCheckOf(dataKey),
      slots: [await makePassphraseSlot(passphrase, dataKey, vaultId, options.argon2 ?? defaultArgon2), makeRecoverySlot(recovery, dataKey, vaultId)],
    };
    const db = openEncryptedDatabase(dbPath(staging), dataKey, { create: true });
    try {
      db.transaction(() => {
        db.prepare("INSERT INTO meta (key, value) VALUES ('vaultId', ?), ('recoveryKeyPending', 'true')").run(vaultId);
        appendAudit(db, 'vault.created');
      })();
    } finally {
      db.close();
    }
    writeKeySlots(staging, slots);
    chmodSync(dbPath(staging), 0o600);
    chmodSync(staging, 0o700);
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
    fsyncDirectory(parent);
    const vault = OpenVault.open(target, Buffer.from(dataKey), slots, options);
    return { vault, recoveryKey: formatRecoveryKey(recovery) };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    dataKey.fill(0);
    recovery.fill(0);
  }
}

function requirePresent(dir: string): KeySlots {
  if (vaultPresence(dir) === 'absent') throw new AppError('vault_missing', 'There is no vault in this folder yet.');
  return readKeySlots(dir);
}

/**
 * Opens the vault with the key that `derive` unwraps from the key file. Should a rotation have been
 * interrupted (the new key file still waits beside the old one), the secret is tried on both: the
 * one whose key opens the database is the key file from now on, and the other goes. A secret that
 * unwraps no key is refused before the database file is touched.
 */
async function openVia(
  dir: string,
  options: VaultOptions,
  derive: (slots: KeySlots) => Promise<Buffer | null> | Buffer | null,
  refusal: () => AppError,
): Promise<OpenVault> {
  const current = requirePresent(dir);
  const pending = readNextKeySlots(dir);
  let failure: Error | null = null;
  for (const slots of pending ? [current, pending] : [current]) {
    const key = await derive(slots);
    if (!key) continue;
    let vault: OpenVault;
    try {
      vault = OpenVault.open(dir, key, slots, options);
    } catch (e) {
      failure = e instanceof Error ? e : new AppError('vault_corrupt', 'The vault database could not be opened.');
      continue;
    }
    if (slots === pending) writeKeySlots(dir, pending);
    if (pending) removeNextKeySlots(dir);
    return vault;
  }
  throw failure ?? refusal();
}

/** Unlocks with the passphrase. A wrong one is refused before the database file is touched. */
export async function unlockWithPassphrase(dir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  const vault = await openVia(dir, options, (slots) => openWithPassphrase(slots, passphrase), wrongPassphrase);
  await vault.strengthenPassphraseSlot(passphrase);
  return vault;
}

/**
 * Unlocks with the recovery key and sets a new passphrase at once: whoever needs the recovery key
 * has lost the passphrase.
 */
export async function recoverWithRecoveryKey(dir: string, recoveryText: string, newPassphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  requirePresent(dir);
  assertNewPassphrase(newPassphrase);
  const parsed = parseRecoveryKey(recoveryText);
  if (!parsed.ok) throw malformedRecoveryKey(parsed);
  let vault: OpenVault;
  try {
    vault = await openVia(dir, options, (slots) => openWithRecoveryKey(slots, parsed.bytes), wrongRecoveryKey);
  } finally {
    parsed.bytes.fill(0);
  }
  try {
    await vault.setPassphrase(newPassphrase);
    vault.audit('vault.recovered');
  } catch (e) {
    vault.close();
    throw e;
  }
  return vault;
}

/** Unlocks with the OS-wrapped slot; when the OS can no longer unwrap it, the passphrase remains. */
export function unlockWithOs(dir: string, os: OsKeyWrap, options: VaultOptions = {}): Promise<OpenVault> {
  return openVia(
    dir,
    options,
    (slots) => openWithOs(slots, os),
    () => new AppError('os_unlock_unavailable', 'Unlocking with the operating system did not work here; use your passphrase.'),
  );
}

/** Whether the key file carries an OS slot (read without unlocking). */
export function vaultHasOsSlot(dir: string): boolean {
  return vaultPresence(dir) === 'present' && hasSlot(readKeySlots(dir), 'os');
}
