import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { ReviewItemView } from '../../../../shared/contract/ipc-contract';
import { redactionCategories, type RedactionCategory } from '../../../../shared/redaction/categories';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { PageShell } from '../../components/PageShell';
import { errorText } from '../../i18n/i18n';
import { useTagLabel, useTaxonomy } from '../../stores/taxonomy-store';
import { InboxReader } from '../exchange/InboxReader';
import { SelectField } from '../../components/SelectField';

/** One signal under review: its redacted summary, tags and place; approve, return, or redact further. */
function ReviewCard({ item, onChanged }: { item: ReviewItemView; onChanged: (next: ReviewItemView) => void }) {
  const { t } = useTranslation();
  const tagLabel = useTagLabel();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<RedactionCategory>('person');
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLTextAreaElement>(null);

  const act = async (call: ReturnType<(typeof api)['review.approve']>) => {
    const r = await call;
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    onChanged(r.value);
  };
  const redactSelection = () => {
    const el = summary.current;
    if (!el || el.selectionEnd <= el.selectionStart) return setError(t('review.lead.selectFirst'));
    void act(api['review.redact']({ id: item.id, start: el.selectionStart, end: el.selectionEnd, category }));
  };

  return (
    <li className="review-card" data-content="review-item" data-urgent={item.urgent ? 'true' : undefined}>
      <h3>
        {item.urgent ? <span className="badge badge-urgent">{t('queue.urgentBadge')}</span> : null}
        {t('review.lead.itemTitle', { id: item.id, officer: item.officer })}
      </h3>
      <p className="muted">
        {item.date} · {item.municipality ?? '—'} ({item.province ?? '—'})
      </p>
      <TextField className="field" value={item.summary} isReadOnly>
        <Label className="field-label">{t('review.lead.summary')}</Label>
        <TextArea ref={summary} className="field-input" rows={3} />
      </TextField>
      <p className="muted">{item.tags.map(tagLabel).join(' · ')}</p>
      {item.ownSignal ? <p className="notice">{t('review.lead.ownSignal')}</p> : null}
      <div className="button-row">
        <Button className="button primary" isDisabled={item.ownSignal} onPress={() => void act(api['review.approve']({ id: item.id }))}>
          {t('review.lead.approve')}
        </Button>
        <Button className="button" onPress={() => setReturning((r) => !r)}>
          {t('review.lead.return')}
        </Button>
        <SelectField
          className="field inline-select"
          label={t('review.manualCategory')}
          value={category}
          options={redactionCategories.map((c) => ({ id: c, label: t(`categories.${c}`) }))}
          onChange={setCategory}
        />
        <Button className="button" onPress={redactSelection}>
          {t('review.lead.redactSelection')}
        </Button>
      </div>
      {returning ? (
        <form
          className="keep-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(api['review.return']({ id: item.id, reason: reason.trim() }));
          }}
        >
          <TextField className="field" value={reason} onChange={setReason} autoFocus>
            <Label className="field-label">{t('review.lead.reason')}</Label>
            <Input className="field-input" maxLength={500} />
          </TextField>
          <Button type="submit" className="button primary" isDisabled={reason.trim().length === 0}>
            {t('review.lead.returnConfirm')}
          </Button>
        </form>
      ) : null}
      <FormError message={error} />
    </li>
  );
}

/**
 * The team lead's review: bundles from the team are read from the inbox (verified, decrypted,
 * refused with a reason when they do not check out), and every signal is approved, returned with a
 * reason, or redacted further. Only redacted material is here: the team lead never sees raw notes.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const loadTaxonomy = useTaxonomy((s) => s.load);
  const [items, setItems] = useState<ReviewItemView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api['review.list']({ state: 'pending' }).then((r) => {
        if (r.ok) setItems(r.value.items);
        else setError(errorText(r.error));
      }),
    [],
  );

  useEffect(() => {
    void loadTaxonomy();
    void load();
  }, [load, loadTaxonomy]);

  return (
    <PageShell title={t('review.lead.title')}>
      <p className="lead">{t('review.lead.intro')}</p>
      <InboxReader label={t('review.lead.readInbox')} onRead={() => void load()} />
      <FormError message={error} />
      <h2>{t('review.lead.pending', { count: items.length })}</h2>
      {items.length === 0 ? <p className="muted">{t('review.lead.nothing')}</p> : null}
      <ol className="review-list">
        {items.map((item) => (
          <ReviewCard
            key={item.id}
            item={item}
            onChanged={(next) =>
              setItems((all) => (next.state === 'pending' ? all.map((i) => (i.id === next.id ? next : i)) : all.filter((i) => i.id !== next.id)))
            }
          />
        ))}
      </ol>
    </PageShell>
  );
}
