import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/contract/errors';
import type { EffectivePolicyView } from '../../../shared/contract/ipc-contract';
import { api } from '../api/client';

interface PolicyState {
  view: EffectivePolicyView | null;
  error: ErrorInfo | null;
  load: () => Promise<void>;
}

/** The effective machine policy with the origin of each value. Not vault content: it stays on lock. */
export const usePolicy = create<PolicyState>()((set) => ({
  view: null,
  error: null,
  load: async () => {
    const result = await api['policy.effective']({});
    set(result.ok ? { view: result.value, error: null } : { error: result.error });
  },
}));
