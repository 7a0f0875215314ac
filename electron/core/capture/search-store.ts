import type { SignalState } from '../../../shared/capture/signal-states';
import { storeStatements, type OpenVault } from '../vault/vault';

export interface SearchFilters {
  from?: string | undefined;
  to?: string | undefined;
  community?: string | undefined;
  province?: string | undefined;
  state?: SignalState | undefined;
  /** Machine tags; values of one predicate are alternatives, different predicates must all match. */
  tags?: string[] | undefined;
}

/** One match before its excerpt is cut: the whole text, and when it was entered. */
export interface SearchRow {
  meetingId: number;
  signalId: number | null;
  date: string;
  community: string;
  municipality: string;
  province: string;
  state: SignalState | null;
  text: string | null;
  entered: string;
}

/** The full-text indexes: notes of meetings and summaries of signals. */
export const fullTextIndexes = ['notes_fts', 'summaries_fts'] as const;
export type FullTextIndex = (typeof fullTextIndexes)[number];

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
 * Capture's full-text indexes (`notes_fts`, `summaries_fts`) and the queries over meetings and
 * signals that use them. Newest records first (by entry), so the index can answer a common word
 * without ranking every match; search.ts merges the two lists and cuts the excerpts.
 */
export class SearchStore {
  private readonly sql: ReturnType<typeof storeStatements>;

  constructor(vault: OpenVault) {
    this.sql = storeStatements(vault);
  }

  /** The first `take` meetings (notes) and the first `take` signals (summaries) that match, newest first. */
  matches(terms: string[], filters: SearchFilters, take: number): { meetings: SearchRow[]; signals: SearchRow[] } {
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
    const meetings = this.sql(meetingSql).all(...(terms.length ? [expression] : []), ...params, ...(signalFiltered ? signalParams : []), take) as SearchRow[];

    const signalSql = [
      `SELECT m.id AS meetingId, s.id AS signalId, m.date, m.community, m.municipality, m.province, s.state, s.summary AS text, s.created_at AS entered`,
      terms.length
        ? 'FROM summaries_fts f CROSS JOIN signals s ON s.id = f.rowid JOIN meetings m ON m.id = s.meeting_id WHERE summaries_fts MATCH ?'
        : 'FROM signals s JOIN meetings m ON m.id = s.meeting_id WHERE 1',
      ...meetingWhere.map((w) => `AND ${w}`),
      ...signalWhere.map((w) => `AND ${w}`),
      terms.length ? 'ORDER BY f.rowid DESC LIMIT ?' : 'ORDER BY s.id DESC LIMIT ?',
    ].join(' ');
    const signals = this.sql(signalSql).all(...(terms.length ? [expression] : []), ...params, ...signalParams, take) as SearchRow[];
    return { meetings, signals };
  }

  /**
   * Rewrites an index as one segment. Deleting from a contentless index only marks rows deleted;
   * their words stay in the old segments until a merge drops them, and this merges everything.
   */
  mergeAll(index: FullTextIndex): void {
    this.sql(`INSERT INTO ${index} (${index}) VALUES ('optimize')`).run();
  }

  /** One merge step of at most `pages` index pages. True when the index had nothing left to merge. */
  mergeStep(index: FullTextIndex, pages: number): boolean {
    const before = this.sql('SELECT total_changes()').pluck().get() as number;
    this.sql(`INSERT INTO ${index} (${index}, rank) VALUES ('merge', ?)`).run(pages);
    // SQLite's documented signal: fewer than two changed rows means this index had nothing left to merge.
    return (this.sql('SELECT total_changes()').pluck().get() as number) - before < 2;
  }
}
