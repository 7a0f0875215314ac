import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'react-aria-components';
import type { DuplicatePairView, MeetingListItem } from '../../../../shared/contract/ipc-contract';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { errorText } from '../../i18n/i18n';
import { useNav } from '../../stores/nav-store';

/**
 * Meetings that are likely one conversation recorded twice (same date, place and community,
 * near-copy notes), for the officer to merge into one or keep apart. Merging keeps the older
 * meeting with the signals of both, so the conversation counts once in every bundle.
 */
export function DuplicatesPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const go = useNav((s) => s.go);
  const [pairs, setPairs] = useState<DuplicatePairView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api['meetings.duplicates']({}).then((r) => {
        if (r.ok) setPairs(r.value.pairs);
        else setError(errorText(r.error));
      }),
    [],
  );

  useEffect(() => {
    void load();
  }, [load, version]);

  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const describe = (m: MeetingListItem) =>
    t('duplicates.meeting', { id: m.id, kind: t(`meetingKinds.${m.kind}`), signals: t('meetings.signalCount', { count: m.signals }) });

  const act = async (pair: DuplicatePairView, action: 'merge' | 'keepApart') => {
    const r =
      action === 'merge'
        ? await api['meetings.merge']({ keep: pair.first.id, remove: pair.second.id })
        : await api['meetings.keepApart']({ first: pair.first.id, second: pair.second.id });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setDone(
      action === 'merge'
        ? t('duplicates.merged', { kept: pair.first.id, removed: pair.second.id })
        : t('duplicates.keptApart', { first: pair.first.id, second: pair.second.id }),
    );
    onChanged();
  };

  return (
    <section aria-labelledby="duplicates-heading" className="duplicates" data-content="duplicates">
      <Heading level={2} id="duplicates-heading">
        {t('duplicates.title', { count: pairs.length })}
      </Heading>
      <p role="status" className={done ? 'notice' : 'muted'}>
        {done ?? (pairs.length === 0 ? t('duplicates.none') : t('duplicates.intro'))}
      </p>
      <FormError message={error} />
      {pairs.length > 0 ? (
        <ul className="plain-list duplicate-list">
          {pairs.map((pair) => {
            const { first, second } = pair;
            return (
              <li key={`${first.id}-${second.id}`} className="duplicate" aria-label={t('duplicates.pairLabel', { first: first.id, second: second.id })}>
                <p>
                  {t('duplicates.where', {
                    date: day.format(new Date(`${first.date}T12:00:00`)),
                    municipality: first.municipality,
                    percent: Math.round(pair.similarity * 100),
                  })}
                </p>
                <ul className="plain-list">
                  {[first, second].map((m) => (
                    <li key={m.id}>
                      <Button className="link-button" onPress={() => go({ name: 'meeting', id: m.id })}>
                        {describe(m)}
                      </Button>
                    </li>
                  ))}
                </ul>
                <div className="button-row">
                  <Button className="button" onPress={() => void act(pair, 'merge')}>
                    {t('duplicates.merge', { kept: first.id, removed: second.id })}
                  </Button>
                  <Button className="button" onPress={() => void act(pair, 'keepApart')}>
                    {t('duplicates.keepApartAction', { first: first.id, second: second.id })}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
