import { safeStorage } from 'electron';
import type { OsKeyWrap } from '../core/vault/key-slots';

/**
 * The operating system's key protection (DPAPI on Windows, the keyring on Linux). On Linux without
 * a real keyring Electron falls back to a hard-coded password ('basic_text'): that is no protection,
 * so it counts as unavailable.
 */
export const electronOsKeyWrap: OsKeyWrap = {
  isAvailable: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (secret) => safeStorage.encryptString(secret),
  decrypt: (blob) => safeStorage.decryptString(blob),
};
