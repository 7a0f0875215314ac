import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { PageShell } from '../../components/PageShell';
import { StateBadge } from '../../components/StateBadge';
import { errorText } from '../../i18n/i18n';
import { useMeeting } from '../../stores/meeting-store';
import { useNav } from '../../stores/nav-store';
import { MeetingForm } from './MeetingForm';
import { NotesEditor } from './NotesEditor';
import { FollowUps } from './FollowUps';

/** One meeting: its facts, its notes (saved as you type) and the signals drawn from them. */
export function MeetingPage({ id }: { id: number | null }) {
  const { t, i18n } = useTranslation();
  const { meeting, notes, signals, error, open, create, update, reset } = useMeeting(
    useShallow(({ meeting, notes, signals, error, open, create, update, reset }) => ({ meeting, notes, signals, error, open, create, update, reset })),
  );
  const go = useNav((s) => s.go);
  const [signalError, setSignalError] = useState<string | null>(null);

  useEffect(() => {
    if (id === null) reset();
    else void open(id);
  }, [id, open, reset]);

  const title = meeting
    ? t('meeting.title', {
        date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(`${meeting.date}T12:00:00`)),
        place: meeting.municipality,
      })
    : t('meeting.newTitle');

  const newSignal = async (selection: { start: number; end: number; text: string }) => {
    if (!meeting) return;
    const result = await api['signals.create']({
      meetingId: meeting.id,
      spans: [{ start: selection.start, end: selection.end }],
      summary: selection.text.trim().slice(0, 5000),
      tags: [],
      consent: false,
    });
    if (!result.ok) return setSignalError(errorText(result.error));
    go({ name: 'signal', id: result.value.id });
  };

  if (id !== null && error) {
    return (
      <PageShell title={t('meeting.newTitle')}>
        <FormError message={errorText(error)} />
      </PageShell>
    );
  }
  if (id !== null && (!meeting || meeting.id !== id || !notes)) {
    return (
      <PageShell title={t('app.loading')}>
        <p className="muted">{t('app.loading')}</p>
      </PageShell>
    );
  }

  return (
    <PageShell title={title}>
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t('meeting.facts')}</h2>
        <MeetingForm
          key={meeting?.id ?? 'new'}
          meeting={meeting}
          onSubmit={async (fields) => {
            if (meeting) return update(fields);
            const failure = await create(fields);
            if (!failure) {
              const created = useMeeting.getState().meeting;
              if (created) go({ name: 'meeting', id: created.id });
            }
            return failure;
          }}
        />
      </section>
      {meeting && notes ? (
        <>
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t('notes.title')}</h2>
            <NotesEditor
              key={meeting.id}
              meetingId={meeting.id}
              initialBody={notes.body}
              initialRevision={notes.revision}
              removed={meeting.notesRemovedAt !== null}
              onNewSignal={(s) => void newSignal(s)}
            />
            <FormError message={signalError} />
          </section>
          <section aria-labelledby="signals-title">
            <h2 id="signals-title">{t('meeting.signals')}</h2>
            {signals.length === 0 ? (
              <p className="muted">{t('meeting.noSignals')}</p>
            ) : (
              <ul className="signal-list">
                {signals.map((s) => (
                  <li key={s.id}>
                    <StateBadge state={s.state} />
                    <span className="signal-summary">{s.summary || t('signal.noSummary')}</span>
                    <Button className="link-button" onPress={() => go({ name: 'signal', id: s.id })}>
                      {t('meeting.openSignal', { id: s.id })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <FollowUps meetingId={meeting.id} />
        </>
      ) : null}
    </PageShell>
  );
}
