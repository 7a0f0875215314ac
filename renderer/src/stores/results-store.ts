import { create } from 'zustand';
import type { ErrorInfo } from '../../../shared/contract/errors';
import type { MeetingListItem, SearchFiltersInput, SearchHitView } from '../../../shared/contract/ipc-contract';
import { api } from '../api/client';
import { registerContentStore } from './content-reset';
import { useSession } from './session-store';

export type ResultRow = { key: string; kind: 'meeting'; item: MeetingListItem } | { key: string; kind: 'hit'; hit: SearchHitView };

const pageSize = 100;

const noFilters = (f: SearchFiltersInput) => !f.from && !f.to && !f.community && !f.province && !f.state && (f.tags?.length ?? 0) === 0;

interface ResultsState {
  query: string;
  filters: SearchFiltersInput;
  rows: ResultRow[];
  total: number | null;
  done: boolean;
  loading: boolean;
  error: ErrorInfo | null;
  /** Starts a new list for this query and these filters. */
  start: (query: string, filters: SearchFiltersInput) => Promise<void>;
  /** Loads the next page of the current list. */
  more: () => Promise<void>;
  reset: () => void;
}

let generation = 0;

/**
 * The list on the meetings screen: all meetings newest first (keyset paging) when there is no
 * query and no filter, otherwise search hits (offset paging). Each new query starts a new
 * generation so a slow older answer never overwrites a newer one.
 */
export const useResults = create<ResultsState>()((set, get) => {
  const load = async (gen: number, current: ResultRow[]) => {
    const { query, filters } = get();
    set({ loading: true });
    let next: ResultRow[];
    let total: number | null = null;
    if (query.trim() === '' && noFilters(filters)) {
      const last = current.at(-1);
      const after = last?.kind === 'meeting' ? { date: last.item.date, id: last.item.id } : undefined;
      const r = await api['meetings.list']({ limit: pageSize, ...(after ? { after } : {}) });
      if (gen !== generation) return;
      if (!r.ok) return fail(r.error);
      next = r.value.items.map((item) => ({ key: `m${item.id}`, kind: 'meeting' as const, item }));
      total = r.value.total;
    } else {
      const r = await api['search.query']({ query, filters, limit: pageSize, offset: current.length });
      if (gen !== generation) return;
      if (!r.ok) return fail(r.error);
      next = r.value.hits.map((hit) => ({ key: `${hit.kind}${hit.signalId ?? hit.meetingId}`, kind: 'hit' as const, hit }));
    }
    const seen = new Set(current.map((r) => r.key));
    set({ rows: [...current, ...next.filter((n) => !seen.has(n.key))], total, done: next.length < pageSize, loading: false, error: null });
  };
  const fail = (error: ErrorInfo) => {
    if (error.code === 'vault_locked') useSession.getState().lockedByCore('system');
    set({ loading: false, error });
  };
  return {
    query: '',
    filters: {},
    rows: [],
    total: null,
    done: false,
    loading: false,
    error: null,
    start: async (query, filters) => {
      const gen = ++generation;
      set({ query, filters, rows: [], done: false });
      await load(gen, []);
    },
    more: async () => {
      const { loading, done, rows } = get();
      if (loading || done) return;
      await load(generation, rows);
    },
    reset: () => {
      generation++;
      set({ query: '', filters: {}, rows: [], total: null, done: false, loading: false, error: null });
    },
  };
});

registerContentStore(() => useResults.getState().reset());
