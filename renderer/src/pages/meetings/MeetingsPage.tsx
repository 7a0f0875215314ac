import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Collection,
  Disclosure,
  DisclosurePanel,
  GridList,
  GridListItem,
  GridListLoadMoreItem,
  Heading,
  Input,
  Label,
  ListLayout,
  SearchField,
  TextField,
  Virtualizer,
} from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { provinces } from '../../../../shared/geo';
import { signalStates, type SignalState } from '../../../../shared/capture/signal-states';
import type { SearchFiltersInput } from '../../../../shared/contract/ipc-contract';
import { FormError } from '../../components/FormError';
import { PageShell } from '../../components/PageShell';
import { SingleValuePicker } from '../../components/SingleValuePicker';
import { StateBadge } from '../../components/StateBadge';
import { TagPicker } from '../../components/TagPicker';
import { errorText } from '../../i18n/i18n';
import { useNav } from '../../stores/nav-store';
import { useResults, type ResultRow } from '../../stores/results-store';
import { useCommunityValues, usePredicates, useTaxonomy } from '../../stores/taxonomy-store';
import { DuplicatesPanel } from './DuplicatesPanel';
import { Highlighted } from './Highlighted';
import { ImportNotes } from './ImportNotes';
import { SelectField } from '../../components/SelectField';

/**
 * Every meeting and signal, newest first; a query searches notes and summaries (diacritics do not
 * matter), and filters narrow by period, community, province, state and any taxonomy value. The
 * list is virtualised and loads more as it scrolls, so 100 000 meetings stay smooth.
 */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const predicates = usePredicates();
  const communities = useCommunityValues();
  const loadTaxonomy = useTaxonomy((s) => s.load);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filters, setFilters] = useState<SearchFiltersInput>({});
  const { rows, total, done, loading, error, start, more } = useResults(
    useShallow(({ rows, total, done, loading, error, start, more }) => ({ rows, total, done, loading, error, start, more })),
  );
  // Bumped by an import or a merge, so the list and the likely duplicates are read again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  useEffect(() => {
    void loadTaxonomy();
  }, [loadTaxonomy]);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 200);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    void start(debounced, filters);
  }, [debounced, filters, start, version]);

  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const dateOf = (d: string) => day.format(new Date(`${d}T12:00:00`));
  const setFilter = (patch: Partial<SearchFiltersInput>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <PageShell title={t('meetings.title')}>
      <ImportNotes onImported={changed} />
      <DuplicatesPanel version={version} onChanged={changed} />
      <search className="search-bar">
        <SearchField className="field" value={query} onChange={setQuery} aria-label={t('meetings.search')}>
          <Label className="field-label">{t('meetings.search')}</Label>
          <Input className="field-input" placeholder={t('meetings.searchHint')} />
        </SearchField>
        <Disclosure className="filters">
          <Heading level={2} className="filters-heading">
            <Button slot="trigger" className="button">
              {t('meetings.filters')}
            </Button>
          </Heading>
          <DisclosurePanel className="filters-panel">
            <div className="form-grid">
              <TextField className="field" value={filters.from ?? ''} onChange={(v) => setFilter({ from: v || undefined })}>
                <Label className="field-label">{t('meetings.from')}</Label>
                <Input className="field-input" type="date" />
              </TextField>
              <TextField className="field" value={filters.to ?? ''} onChange={(v) => setFilter({ to: v || undefined })}>
                <Label className="field-label">{t('meetings.to')}</Label>
                <Input className="field-input" type="date" />
              </TextField>
              <SingleValuePicker
                label={t('meeting.community')}
                values={communities}
                value={filters.community ?? ''}
                onChange={(v) => setFilter({ community: v })}
              />
              <SelectField
                label={t('meetings.province')}
                value={filters.province ?? 'all'}
                options={[{ id: 'all', label: t('meetings.any') }, ...provinces.map((p) => ({ id: p, label: p }))]}
                onChange={(p) => setFilter({ province: p === 'all' ? undefined : p })}
              />
              <SelectField<SignalState | 'all'>
                label={t('meetings.state')}
                value={filters.state ?? 'all'}
                options={[{ id: 'all', label: t('meetings.any') }, ...signalStates.map((s) => ({ id: s, label: t(`states.${s}`) }))]}
                onChange={(s) => setFilter({ state: s === 'all' ? undefined : s })}
              />
            </div>
            <div className="tag-grid">
              {predicates.map((p) => (
                <TagPicker key={p.key} predicate={p} selected={filters.tags ?? []} onChange={(tags) => setFilter({ tags })} />
              ))}
            </div>
            <Button className="button" onPress={() => setFilters({})}>
              {t('meetings.clearFilters')}
            </Button>
          </DisclosurePanel>
        </Disclosure>
      </search>
      <FormError message={error ? errorText(error) : null} />
      <p className="muted" role="status" aria-live="polite">
        {total !== null ? t('meetings.total', { count: total }) : loading ? t('app.loading') : t('meetings.results', { count: rows.length })}
      </p>
      <Virtualizer layout={ListLayout} layoutOptions={{ estimatedRowHeight: 72, gap: 4 }}>
        <GridList
          aria-label={t('meetings.listLabel')}
          className="result-list"
          onAction={(key) => {
            const row = rows.find((r) => r.key === key);
            if (!row) return;
            if (row.kind === 'meeting') go({ name: 'meeting', id: row.item.id });
            else if (row.hit.signalId !== null) go({ name: 'signal', id: row.hit.signalId });
            else go({ name: 'meeting', id: row.hit.meetingId });
          }}
          renderEmptyState={() => <p className="muted">{loading ? t('app.loading') : t('meetings.empty')}</p>}
          data-content="results"
        >
          <Collection items={rows}>
            {(row: ResultRow) =>
              row.kind === 'meeting' ? (
                <GridListItem id={row.key} textValue={`${dateOf(row.item.date)} ${row.item.municipality}`} className="result">
                  <span className="result-date">{dateOf(row.item.date)}</span>
                  <span className="result-main">
                    {t(`meetingKinds.${row.item.kind}`)} · {row.item.municipality} ({row.item.province})
                  </span>
                  <span className="result-meta">{t('meetings.signalCount', { count: row.item.signals })}</span>
                </GridListItem>
              ) : (
                <GridListItem id={row.key} textValue={row.hit.excerpt} className="result">
                  <span className="result-date">{dateOf(row.hit.date)}</span>
                  <span className="result-main">
                    {row.hit.state ? <StateBadge state={row.hit.state} /> : <span className="badge">{t('meetings.notesHit')}</span>} {row.hit.municipality} (
                    {row.hit.province})
                  </span>
                  <Highlighted text={row.hit.excerpt} ranges={row.hit.highlights} />
                </GridListItem>
              )
            }
          </Collection>
          {done ? null : <GridListLoadMoreItem onLoadMore={() => void more()} isLoading={loading} />}
        </GridList>
      </Virtualizer>
    </PageShell>
  );
}
