import { create } from 'zustand';
import type { WorkQueueView } from '../../../shared/contract/ipc-contract';
import { api } from '../api/client';
import { registerContentStore } from './content-reset';
import { useSession } from './session-store';

interface QueueState {
  queue: WorkQueueView | null;
  load: () => Promise<void>;
  reset: () => void;
}

/** The role's work queue: the start page lists it, the navigation shows how many items are open. Cleared on lock. */
export const useQueue = create<QueueState>()((set) => ({
  queue: null,
  load: async () => {
    const result = await api['queue.get']({});
    if (result.ok) set({ queue: result.value });
    else if (result.error.code === 'vault_locked') useSession.getState().lockedByCore('system');
  },
  reset: () => set({ queue: null }),
}));

registerContentStore(() => useQueue.getState().reset());
