import { create } from 'zustand';
import { registerContentStore } from './content-reset';

/** Which screen the unlocked app shows. Kept out of the URL: the page address never names content. */
export type View =
  | { name: 'home' }
  | { name: 'meetings' }
  | { name: 'meeting'; id: number | null }
  | { name: 'signal'; id: number }
  | { name: 'send' }
  | { name: 'review' }
  | { name: 'workstation' }
  | { name: 'inbox' }
  | { name: 'security' }
  | { name: 'taxonomy' };

interface NavState {
  view: View;
  history: View[];
  go: (view: View) => void;
  back: () => void;
  reset: () => void;
}

export const useNav = create<NavState>()((set, get) => ({
  view: { name: 'home' },
  history: [],
  go: (view) => set({ view, history: [...get().history.slice(-20), get().view] }),
  back: () => {
    const history = [...get().history];
    const previous = history.pop() ?? { name: 'home' };
    set({ view: previous, history });
  },
  reset: () => set({ view: { name: 'home' }, history: [] }),
}));

// Which meeting or signal was open is content too: locking returns to the overview.
registerContentStore(() => useNav.getState().reset());
