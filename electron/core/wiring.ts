import type { CaptureDeps } from './capture/capture-ports';
import { captureDepsOf } from './capture/default-capture-deps';
import { captureTaggedStores } from './capture/tagged-capture-stores';
import { centralTaggedStore } from './central/central-intake';
import { LedgerStore } from './exchange/ledger-store';
import type { TaggedStore } from './taxonomy/tagged-records';
import type { OpenVault } from './vault/vault';

/**
 * Where the capabilities of one open vault meet. A lower capability asks for what it needs through
 * an interface (capture's ports, the taxonomy's tagged stores); the higher ones answer it here, so
 * no capability imports one above it. The app, the CLI and the benchmarks all wire the vault here.
 */

/** Capture's ports: the vault's taxonomy, the municipality map, and the ledger's hold on signals bound for sending. */
export function captureDeps(vault: OpenVault): CaptureDeps {
  const ledger = new LedgerStore(vault);
  return captureDepsOf(vault, { isBound: (signalId) => ledger.isSignalBound(signalId) });
}

/** Every store whose records carry taxonomy tags, which a taxonomy change migrates. */
export function taggedStores(vault: OpenVault): TaggedStore[] {
  return [...captureTaggedStores(vault), centralTaggedStore(vault)];
}
