/**
 * Every event the vault's audit log records, by name: the log holds names and codes, never
 * content. Writing an event not listed here does not compile, and each one has a translation for
 * the UI's activity list (renderer/src/i18n, `events`).
 */
export const auditEvents = [
  'vault.created',
  'vault.unlocked',
  'vault.locked',
  'vault.passphrase_changed',
  'vault.recovered',
  'vault.recovery_key_confirmed',
  'vault.recovery_key_replaced',
  'vault.passphrase_refused',
  'vault.kdf_strengthened',
  'vault.kdf_strengthen_failed',
  'vault.rekeyed',
  'vault.os_unlock_enabled',
  'vault.os_unlock_disabled',
  'vault.backup_created',
  'vault.restored',
  'session.unlock_task_failed',
  'keys.created',
  'taxonomy.imported',
  'taxonomy.tag_migrated',
  'notes.imported',
  'retention.notes_removed',
  'signal.created',
  'signal.tagged',
  'signal.consent_changed',
  'signal.state_changed',
  'redaction.decided',
  'redaction.undecided',
  'export.blocked',
  'bundle.prepared',
  'bundle.delivered',
  'bundle.discarded',
  'bundle.received',
  'bundle.refused',
  'review.approved',
  'review.returned',
  'review.redacted_further',
] as const;
export type AuditEvent = (typeof auditEvents)[number];
