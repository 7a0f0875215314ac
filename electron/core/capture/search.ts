import type { SignalState } from '../../../shared/capture/signal-states';
import { highlightRanges, queryTerms } from '../../../shared/text/fold';
import type { SqlDatabase } from '../vault/sqlcipher';

export interface SearchFilters {
  from?: string | undefined;
  to?: string | undefined;
  community?: string | undefined;
  province?: string | undefined;
  state?: SignalState | undefined;
  /** Machine tags; values of one predicate are alternatives, different predicates must all match. */
  tags?: string[] | undefined;
}

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

/** Word-prefix search over folded words: every term must occur. */
const matchExpression = (terms: string[]) => terms.map((t) => `"${t}"*`).join(' ');

/** Groups tags by predicate: OR within a predicate, AND across predicates. */
function tagGroups(tags: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const tag of tags) {
    const predicate = tag.slice(0, tag.indexOf('='));
    groups.set(predicate, [...(groups.get(predicate) ?? []), tag]);
  }
  return [...groups.values()];
}

/**
 * Full-text search over notes and summaries, combined with filters. Newest records first (by
 * entry), so the full-text index can answer a common word without ranking every match.
 */
export function search(db: SqlDatabase, query: string, filters: SearchFilters, limit = 50, offset = 0): SearchHit[] {
  const terms = queryTerms(query);
  const groups = tagGroups(filters.tags ?? []);
  const signalFiltered = filters.state !== undefined || groups.length > 0;
  const params: unknown[] = [];
  const meetingWhere: string[] = [];
  const conditions: Array<[string, unknown]> = [
    ['m.date >= ?', filters.from],
    ['m.date <= ?', filters.to],
    ['m.community = ?', filters.community],
    ['m.province = ?', filters.province],
  ];
  for (const [sql, value] of conditions) {
    if (!value) continue;
    meetingWhere.push(sql);
    params.push(value);
  }
  const signalWhere: string[] = [];
  const signalParams: unknown[] = [];
  if (filters.state) {
    signalWhere.push('s.state = ?');
    signalParams.push(filters.state);
  }
  for (const group of groups) {
    signalWhere.push(`EXISTS (SELECT 1 FROM signal_tags t WHERE t.signal_id = s.id AND t.tag IN (${group.map(() => '?').join(', ')}))`);
    signalParams.push(...group);
  }
  const take = limit + offset;
  const expression = matchExpression(terms);

  // With words, the full-text index leads (CROSS JOIN keeps it the outer loop): it yields matches
  // newest first and the filters are checked one match at a time until the page is full, instead
  // of collecting every match of a common word first.
  const meetingSql = [
    `SELECT m.id AS meetingId, NULL AS signalId, m.date, m.community, m.municipality, m.province, NULL AS state, n.body AS text, m.created_at AS entered`,
    terms.length
      ? 'FROM notes_fts f CROSS JOIN meetings m ON m.id = f.rowid LEFT JOIN notes n ON n.meeting_id = m.id WHERE notes_fts MATCH ?'
      : 'FROM meetings m LEFT JOIN notes n ON n.meeting_id = m.id WHERE 1',
    ...meetingWhere.map((w) => `AND ${w}`),
    signalFiltered ? `AND EXISTS (SELECT 1 FROM signals s WHERE s.meeting_id = m.id ${signalWhere.map((w) => `AND ${w}`).join(' ')})` : '',
    terms.length ? 'ORDER BY f.rowid DESC LIMIT ?' : 'ORDER BY m.id DESC LIMIT ?',
  ].join(' ');
  const meetingRows = db.prepare(meetingSql).all(...(terms.length ? [expression] : []), ...params, ...(signalFiltered ? signalParams : []), take) as Array<
    Omit<SearchHit, 'kind' | 'excerpt' | 'highlights'> & { text: string | null; entered: string }
  >;

  const signalSql = [
    `SELECT m.id AS meetingId, s.id AS signalId, m.date, m.community, m.municipality, m.province, s.state, s.summary AS text, s.created_at AS entered`,
    terms.length
      ? 'FROM summaries_fts f CROSS JOIN signals s ON s.id = f.rowid JOIN meetings m ON m.id = s.meeting_id WHERE summaries_fts MATCH ?'
      : 'FROM signals s JOIN meetings m ON m.id = s.meeting_id WHERE 1',
    ...meetingWhere.map((w) => `AND ${w}`),
    ...signalWhere.map((w) => `AND ${w}`),
    terms.length ? 'ORDER BY f.rowid DESC LIMIT ?' : 'ORDER BY s.id DESC LIMIT ?',
  ].join(' ');
  const signalRows = db.prepare(signalSql).all(...(terms.length ? [expression] : []), ...params, ...signalParams, take) as Array<
    Omit<SearchHit, 'kind' | 'excerpt' | 'highlights'> & { text: string; entered: string }
  >;

  const merged = [...meetingRows.map((r) => ({ ...r, kind: 'meeting' as const })), ...signalRows.map((r) => ({ ...r, kind: 'signal' as const }))].sort(
    (a, b) => {
      if (a.entered !== b.entered) return a.entered < b.entered ? 1 : -1;
      if (a.signalId === null || b.signalId === null) return a.signalId === b.signalId ? b.meetingId - a.meetingId : a.signalId === null ? -1 : 1;
      return b.signalId - a.signalId;
    },
  );

  // Each list is in entry order (ids follow entry time), so the first `take` of the merge are
  // exactly the first `take` of all hits: paging neither skips nor repeats a hit.
  return merged.slice(offset, offset + limit).map(({ text, entered, ...hit }) => ({ ...hit, ...excerptOf(text ?? '', terms) }));
}
