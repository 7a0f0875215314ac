import { create } from 'zustand';
import type { AuditEntryView } from '../../../shared/contract/ipc-contract';
import { api } from '../api/client';
import { registerContentStore } from './content-reset';
import { useSession } from './session-store';

interface AuditState {
  entries: AuditEntryView[];
  load: () => Promise<void>;
  reset: () => void;
}

/** Recent security events of the vault, for the home screen. Vault content: cleared on lock. */
export const useAudit = create<AuditState>()((set) => ({
  entries: [],
  load: async () => {
    const result = await api['audit.recent']({ limit: 20 });
    if (result.ok) set({ entries: result.value.entries });
    else if (result.error.code === 'vault_locked') useSession.getState().lockedByCore('system');
  },
  reset: () => set({ entries: [] }),
}));

registerContentStore(() => useAudit.getState().reset());
