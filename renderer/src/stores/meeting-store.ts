import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/contract/errors';
import type { MeetingView, SignalView } from '../../../shared/contract/ipc-contract';
import type { MeetingFieldsInput } from '../../../shared/capture/meeting-schema';
import { api } from '../api/client';
import { registerContentStore } from './content-reset';
import { useSession } from './session-store';

interface MeetingState {
  meeting: MeetingView | null;
  notes: { body: string; revision: number } | null;
  signals: SignalView[];
  error: ErrorInfo | null;
  open: (id: number) => Promise<void>;
  create: (fields: MeetingFieldsInput) => Promise<ErrorInfo | null>;
  update: (fields: MeetingFieldsInput) => Promise<ErrorInfo | null>;
  refreshSignals: () => Promise<void>;
  reset: () => void;
}

const lockedOr = (error: ErrorInfo): ErrorInfo => {
  if (error.code === 'vault_locked') useSession.getState().lockedByCore('system');
  return error;
};

/** The meeting open in the editor: its fields, its notes as last loaded, and its signals. */
export const useMeeting = create<MeetingState>()((set, get) => ({
  meeting: null,
  notes: null,
  signals: [],
  error: null,
  open: async (id) => {
    // Never show an editor on notes loaded earlier: they may be older than what was saved since.
    set({ meeting: null, notes: null, signals: [], error: null });
    const result = await api['meetings.get']({ id });
    if (!result.ok) return set({ error: lockedOr(result.error), meeting: null, notes: null, signals: [] });
    set({ meeting: result.value.meeting, notes: result.value.notes, signals: result.value.signals, error: null });
  },
  create: async (fields) => {
    const result = await api['meetings.create']({ fields });
    if (!result.ok) return lockedOr(result.error);
    set({ meeting: result.value, notes: { body: '', revision: 1 }, signals: [], error: null });
    return null;
  },
  update: async (fields) => {
    const meeting = get().meeting;
    if (!meeting) return null;
    const result = await api['meetings.update']({ id: meeting.id, fields });
    if (!result.ok) return lockedOr(result.error);
    set({ meeting: result.value });
    return null;
  },
  refreshSignals: async () => {
    const meeting = get().meeting;
    if (!meeting) return;
    const result = await api['meetings.get']({ id: meeting.id });
    if (result.ok) set({ signals: result.value.signals });
  },
  reset: () => set({ meeting: null, notes: null, signals: [], error: null }),
}));

registerContentStore(() => useMeeting.getState().reset());
