import { create } from 'zustand';
import { captureMemorySchema, recentTagsSchema, withRecent, type CaptureMemory } from '../../../shared/capture/capture-memory';
import { api } from '../api/client';
import { registerContentStore } from './content-reset';

/** Where an earlier version kept the same in the page's storage, outside the vault. */
const earlierKeys = { meetingDefaults: 'obi-meeting-defaults', recentTags: 'obi-recent-tags' } as const;

function readEarlier(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** What the page's storage still holds from an earlier version, as far as it is valid; null when nothing. */
export function earlierMemory(): CaptureMemory | null {
  const defaults = readEarlier(earlierKeys.meetingDefaults);
  const tags = readEarlier(earlierKeys.recentTags);
  if (defaults === null && tags === null) return null;
  const place = captureMemorySchema.pick({ community: true, municipality: true }).safeParse(defaults);
  const recent = recentTagsSchema.safeParse(tags);
  return {
    community: place.success ? place.data.community : null,
    municipality: place.success ? place.data.municipality : null,
    recentTags: recent.success ? recent.data : {},
  };
}

async function readFromVault(set: (state: Partial<CaptureMemoryState>) => void): Promise<void> {
  const earlier = earlierMemory();
  if (earlier) {
    const moved = await api['capture.adoptMemory'](earlier);
    // Once the vault holds it (or refused it as invalid), nothing of it stays outside.
    if (moved.ok || moved.error.code === 'invalid_request') {
      localStorage.removeItem(earlierKeys.meetingDefaults);
      localStorage.removeItem(earlierKeys.recentTags);
    }
  }
  const result = await api['capture.memory']({});
  if (result.ok) set({ memory: result.value });
}

interface CaptureMemoryState {
  memory: CaptureMemory | null;
  /** Reads the memory from the vault, first moving in (once) what the page's storage still held. */
  load: () => Promise<void>;
  rememberMeeting: (meeting: { community: string; municipality: string }) => Promise<void>;
  rememberTag: (predicate: string, tag: string) => Promise<void>;
  reset: () => void;
}

let loading: Promise<void> | null = null;

/**
 * The last community and municipality and the recently chosen tags: kept in the vault (they are
 * derived from it) and held here only while it is unlocked.
 */
export const useCaptureMemory = create<CaptureMemoryState>()((set, get) => ({
  memory: null,
  load: () => {
    if (get().memory) return Promise.resolve();
    // Every picker on a page asks at once: one read (and one move) serves them all.
    loading ??= readFromVault(set).finally(() => (loading = null));
    return loading;
  },
  rememberMeeting: async (meeting) => {
    const result = await api['capture.remember']({ meeting });
    if (result.ok) set({ memory: result.value });
  },
  rememberTag: async (predicate, tag) => {
    const memory = get().memory;
    // Shown at once; the vault's answer follows.
    if (memory) set({ memory: { ...memory, recentTags: { ...memory.recentTags, [predicate]: withRecent(memory.recentTags[predicate] ?? [], tag) } } });
    const result = await api['capture.remember']({ tag: { predicate, tag } });
    if (result.ok) set({ memory: result.value });
  },
  reset: () => set({ memory: null }),
}));

registerContentStore(() => useCaptureMemory.getState().reset());
