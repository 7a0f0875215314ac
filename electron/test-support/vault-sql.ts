import { storeStatements, type OpenVault } from '../core/vault/vault';

/**
 * SQL straight on an open vault's database, for tests that inspect or tamper with it on purpose,
 * as someone holding the key could. The app's own modules reach tables only through stores.
 */
export const vaultSql = (vault: OpenVault) => storeStatements(vault);
