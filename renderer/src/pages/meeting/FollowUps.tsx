import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, TextField } from 'react-aria-components';
import type { FollowUpView } from '../../../../shared/contract/ipc-contract';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { errorText } from '../../i18n/i18n';

/**
 * A meeting's follow-ups: a day and a short note of what to do then, without names (the core
 * refuses a note in which the redaction detectors find something). They stay on this laptop.
 */
export function FollowUps({ meetingId }: { meetingId: number }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<FollowUpView[]>([]);
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api['followUps.list']({ meetingId }).then((r) => {
        if (r.ok) setItems(r.value.followUps);
      }),
    [meetingId],
  );

  useEffect(() => {
    void api['followUps.list']({ meetingId }).then((r) => r.ok && setItems(r.value.followUps));
  }, [meetingId]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api['followUps.add']({ meetingId, dueOn, note });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setNote('');
    setDueOn('');
    await load();
  };

  const done = async (id: number) => {
    const r = await api['followUps.done']({ id });
    if (!r.ok) return setError(errorText(r.error));
    await load();
  };

  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title')}</h2>
      <p className="muted">{t('followUps.intro')}</p>
      {items.length === 0 ? (
        <p className="muted">{t('followUps.none')}</p>
      ) : (
        <ul className="signal-list" data-content="follow-ups">
          {items.map((f) => (
            <li key={f.id}>
              <span className="signal-summary">
                {day.format(new Date(`${f.dueOn}T12:00:00`))}: {f.note}
                {f.doneAt ? ` (${t('followUps.doneMark')})` : ''}
              </span>
              {f.doneAt ? null : (
                <Button className="link-button" onPress={() => void done(f.id)}>
                  {t('followUps.tickOff')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={(e) => void add(e)}>
        <TextField className="field" value={dueOn} onChange={setDueOn} isRequired>
          <Label className="field-label">{t('followUps.dueOn')}</Label>
          <Input className="field-input" type="date" />
        </TextField>
        <TextField className="field" value={note} onChange={setNote} isRequired maxLength={200}>
          <Label className="field-label">{t('followUps.note')}</Label>
          <Input className="field-input" />
        </TextField>
        <FormError message={error} />
        <Button className="button" type="submit">
          {t('followUps.add')}
        </Button>
      </form>
    </section>
  );
}
