import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox } from 'react-aria-components';
import { isEditable } from '../../../../shared/capture/signal-states';
import type { SignalDetailView } from '../../../../shared/contract/ipc-contract';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { PageShell } from '../../components/PageShell';
import { StateBadge } from '../../components/StateBadge';
import { codeKey, errorText } from '../../i18n/i18n';
import { Autosave, type SaveState } from '../../notes/autosave';
import { useNav } from '../../stores/nav-store';
import { useSession } from '../../stores/session-store';
import { usePredicates, useTaxonomy } from '../../stores/taxonomy-store';
import { SignalTags } from './SignalTags';
import { SummaryField } from './SummaryField';
import { UrgencySection } from './UrgencySection';

/**
 * One signal: where in the notes it came from, the shareable summary for the team lead, its tags
 * on every dimension, and whether the source agreed to sharing in bundled form. Changes save as
 * they are made; only draft and returned signals can change.
 */
export function SignalPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const predicates = usePredicates();
  const loadTaxonomy = useTaxonomy((s) => s.load);
  const [signal, setSignal] = useState<SignalDetailView | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [readiness, setReadiness] = useState<{ code: string; message: string } | null>(null);
  const autosave = useRef<Autosave | null>(null);

  const refreshReadiness = useCallback(async () => {
    const r = await api['signals.readiness']({ id });
    if (r.ok) setReadiness(r.value.problem);
  }, [id]);

  useEffect(() => {
    void loadTaxonomy();
    let saver: Autosave | null = null;
    void api['signals.get']({ id }).then((r) => {
      if (!r.ok) {
        if (r.error.code === 'vault_locked') useSession.getState().lockedByCore('system');
        return setError(errorText(r.error));
      }
      setSignal(r.value);
      // The summary saves like the notes do; a revision counter stands in for the notes' revision.
      saver = new Autosave(r.value.summary, 0, {
        save: async (text, rev) => {
          const u = await api['signals.update']({ id, summary: text });
          if (!u.ok) return { ok: false, permanent: u.error.code !== 'internal' };
          setSignal(u.value);
          void refreshReadiness();
          return { ok: true, revision: rev + 1 };
        },
        onState: (s) => setSaveState(s),
      });
      autosave.current = saver;
      void refreshReadiness();
    });
    return () => {
      void saver?.flush().then(() => saver?.dispose());
    };
  }, [id, loadTaxonomy, refreshReadiness]);

  const apply = useCallback(
    async (changes: { tags?: string[]; consent?: boolean }) => {
      const r = await api['signals.update']({ id, ...changes });
      if (!r.ok) return setError(errorText(r.error));
      setError(null);
      setSignal(r.value);
      void refreshReadiness();
    },
    [id, refreshReadiness],
  );
  const setTags = useCallback((tags: string[]) => void apply({ tags }), [apply]);

  const setState = async (to: 'ready' | 'draft') => {
    await autosave.current?.flush();
    const r = await api['signals.setState']({ id, to });
    if (!r.ok) return setError(r.error.code === 'not_ready' && r.error.reason ? t(codeKey('readiness', r.error.reason)) : errorText(r.error));
    setError(null);
    setSignal(r.value);
  };

  if (!signal) {
    return <PageShell title={t('signal.title', { id })}>{error ? <FormError message={error} /> : <p className="muted">{t('app.loading')}</p>}</PageShell>;
  }

  const editable = isEditable(signal.state);
  return (
    <PageShell title={t('signal.title', { id: signal.id })}>
      <p>
        <StateBadge state={signal.state} />{' '}
        <Button className="link-button" onPress={() => go({ name: 'meeting', id: signal.meetingId })}>
          {t('signal.backToMeeting')}
        </Button>
      </p>
      {signal.state === 'returned' && signal.returnReason ? (
        <p className="warning" data-content="return-reason">
          {t('signal.returnedBecause', { reason: signal.returnReason })}
        </p>
      ) : null}
      <section aria-labelledby="source-title">
        <h2 id="source-title">{t('signal.source')}</h2>
        {signal.spans.length === 0 ? (
          <p className="muted">{t('signal.sourceRemoved')}</p>
        ) : (
          signal.spans.map((s) => (
            <blockquote key={`${s.start}-${s.end}`} className="quote" data-content="quote">
              {s.quote}
            </blockquote>
          ))
        )}
      </section>
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t('signal.summaryTitle')}</h2>
        <SummaryField
          key={signal.id}
          signalId={signal.id}
          initial={signal.summary}
          editable={editable}
          saveState={saveState}
          autosave={autosave}
          onDecisionsChanged={refreshReadiness}
        />
      </section>
      <section aria-labelledby="tags-title">
        <h2 id="tags-title">{t('signal.tagsTitle')}</h2>
        <SignalTags predicates={predicates} selected={signal.tags} isDisabled={!editable} onChange={setTags} />
      </section>
      <section aria-labelledby="consent-title">
        <h2 id="consent-title">{t('signal.consentTitle')}</h2>
        <Checkbox className="checkbox" isSelected={signal.consent} isDisabled={!editable} onChange={(consent) => void apply({ consent })}>
          <span className="checkbox-box" aria-hidden="true" />
          {t('signal.consent')}
        </Checkbox>
      </section>
      <FormError message={error} />
      <div className="button-row">
        {signal.state === 'draft' || signal.state === 'returned' ? (
          <Button className="button primary" onPress={() => void setState('ready')}>
            {t('signal.markReady')}
          </Button>
        ) : null}
        {signal.state === 'ready' ? (
          <Button className="button" onPress={() => void setState('draft')}>
            {t('signal.backToDraft')}
          </Button>
        ) : null}
      </div>
      {editable && readiness ? <p className="muted">{t('signal.notReadyYet', { reason: t(codeKey('readiness', readiness.code)) })}</p> : null}
      <UrgencySection signal={signal} onSent={() => void api['signals.get']({ id }).then((r) => r.ok && setSignal(r.value))} />
    </PageShell>
  );
}
