/**
 * Error codes that may cross the bridge. A code is all the renderer needs to show a translated
 * message; `field` names the request field at fault. Messages are plain English for logs and the
 * CLI and never carry personal data.
 */
export const errorCodes = [
  'invalid_request',
  'unknown_channel',
  'wrong_passphrase',
  'passphrase_weak',
  'throttled',
  'vault_locked',
  'vault_busy',
  'vault_missing',
  'vault_exists',
  'vault_corrupt',
  'vault_foreign',
  'recovery_key_malformed',
  'recovery_key_wrong',
  'os_unlock_unavailable',
  'policy_invalid',
  'backup_invalid',
  'target_not_empty',
  'io_error',
  'not_found',
  'conflict',
  'notes_removed',
  'not_editable',
  'not_ready',
  'invalid_transition',
  'bundle_replayed',
  'four_eyes',
  'file_too_large',
  'key_invalid',
  'signature_missing',
  'signature_invalid',
  'taxonomy_invalid',
  'taxonomy_not_newer',
  'taxonomy_key_missing',
  'keys_exist',
  'keys_missing',
  'bundle_invalid',
  'bundle_untrusted',
  'bundle_not_for_us',
  'not_a_file',
  'certificate_refused',
  'client_certificate_refused',
  'server_unreachable',
  'not_allowed',
  'server_error',
  'internal',
  'pdf_unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Dotted path of the request field at fault, when one is. */
  field?: string;
  /** For `throttled`: how long to wait before the next attempt. */
  retryAfterMs?: number;
  /** For `recovery_key_malformed`: 1-based numbers of the groups whose check digit fails. */
  groups?: number[];
  /** For `not_ready`: a code of what is missing, for the UI to translate. */
  reason?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
