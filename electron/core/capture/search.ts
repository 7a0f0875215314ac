import type { SignalState } from '../../../shared/capture/signal-states';
import { highlightRanges, queryTerms } from '../../../shared/text/fold';
import type { OpenVault } from '../vault/vault';
import { SearchStore, type SearchFilters } from './search-store';

export type { SearchFilters } from './search-store';

export interface SearchHit {
  kind: 'meeting' | 'signal';
  meetingId: number;
  signalId: number | null;
  date: string;
  community: string;
  municipality: string;
  province: string;
  state: SignalState | null;
  excerpt: string;
  /** Ranges within `excerpt` that match the query. */
  highlights: Array<[number, number]>;
}

const excerptLength = 220;

/** A window of the text around the first match, with the match ranges shifted into it. */
export function excerptOf(text: string, terms: string[]): { excerpt: string; highlights: Array<[number, number]> } {
  const all = highlightRanges(text, terms);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - 60);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space > first - 100 ? space + 1 : start;
  }
  const end = Math.min(text.length, start + excerptLength);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const excerpt = `${prefix}${text.slice(start, end)}${suffix}`;
  const highlights = all.filter(([a, b]) => a >= start && b <= end).map(([a, b]): [number, number] => [a - start + prefix.length, b - start + prefix.length]);
  return { excerpt, highlights };
}

/**
 * Full-text search over notes and summaries, combined with filters. Newest records first (by
 * entry), so the full-text index can answer a common word without ranking every match.
 */
export function search(vault: OpenVault, query: string, filters: SearchFilters, limit = 50, offset = 0): SearchHit[] {
  const terms = queryTerms(query);
  const { meetings, signals } = new SearchStore(vault).matches(terms, filters, limit + offset);
  const merged = [...meetings.map((r) => ({ ...r, kind: 'meeting' as const })), ...signals.map((r) => ({ ...r, kind: 'signal' as const }))].sort((a, b) => {
    if (a.entered !== b.entered) return a.entered < b.entered ? 1 : -1;
    if (a.signalId === null || b.signalId === null) return a.signalId === b.signalId ? b.meetingId - a.meetingId : a.signalId === null ? -1 : 1;
    return b.signalId - a.signalId;
  });

  // Each list is in entry order (ids follow entry time), so the first `take` of the merge are
  // exactly the first `take` of all hits: paging neither skips nor repeats a hit.
  return merged.slice(offset, offset + limit).map(({ text, entered, ...hit }) => ({ ...hit, ...excerptOf(text ?? '', terms) }));
}
