import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Label, TextArea, TextField, Text } from 'react-aria-components';
import { api } from '../../api/client';
import { Autosave, type SaveState } from '../../notes/autosave';
import { useSession } from '../../stores/session-store';

interface Props {
  meetingId: number;
  initialBody: string;
  initialRevision: number;
  /** The notes of this meeting were removed under the retention period. */
  removed: boolean;
  onNewSignal: (selection: { start: number; end: number; text: string }) => void;
}

/**
 * The raw notes of a meeting, saved continuously (see Autosave): the officer never presses save.
 * Undo is the text area's own (Ctrl+Z), which stays intact because the text is never replaced
 * from outside while editing. A selection becomes a new signal with one button.
 */
export function NotesEditor({ meetingId, initialBody, initialRevision, removed, onNewSignal }: Props) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState(initialBody);
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const autosave = useRef<Autosave | null>(null);

  useEffect(() => {
    const saver = new Autosave(initialBody, initialRevision, {
      save: async (text, baseRevision) => {
        const result = await api['notes.save']({ meetingId, body: text, baseRevision });
        if (result.ok) return { ok: true, revision: result.value.revision };
        if (result.error.code === 'vault_locked') useSession.getState().lockedByCore('system');
        return { ok: false, permanent: ['conflict', 'notes_removed', 'not_found', 'invalid_request'].includes(result.error.code) };
      },
      onState: (s, at) => {
        setState(s);
        if (at !== null) setSavedAt(at);
      },
    });
    autosave.current = saver;
    const flushOnHide = () => void saver.flush();
    window.addEventListener('pagehide', flushOnHide);
    return () => {
      window.removeEventListener('pagehide', flushOnHide);
      void saver.flush().then(() => saver.dispose());
    };
  }, [meetingId, initialBody, initialRevision]);

  const trackSelection = () => {
    const el = area.current;
    if (!el) return;
    setSelection(el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null);
  };

  const time = savedAt ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(savedAt) : null;
  const status = {
    saved: time ? t('notes.savedAt', { time }) : t('notes.saved'),
    pending: t('notes.pending'),
    saving: t('notes.saving'),
    failed: t('notes.failed'),
  }[state];

  if (removed) return <p className="notice">{t('notes.removed')}</p>;

  return (
    <div className="notes">
      <TextField
        className="field"
        value={body}
        onChange={(v) => {
          setBody(v);
          autosave.current?.update(v);
        }}
      >
        <Label className="field-label">{t('notes.label')}</Label>
        <Text slot="description" className="field-hint">
          {t('notes.hint')}
        </Text>
        <TextArea
          ref={area}
          className="field-input notes-area"
          rows={14}
          spellCheck={false}
          onSelect={trackSelection}
          onKeyUp={trackSelection}
          onMouseUp={trackSelection}
          onBlur={() => void autosave.current?.flush()}
        />
      </TextField>
      <div className="notes-bar">
        <p className={state === 'failed' ? 'save-status failed' : 'save-status'} role="status" aria-live="polite">
          {status}
        </p>
        <Button
          className="button"
          isDisabled={!selection}
          onPress={() => {
            if (!selection) return;
            void autosave.current?.flush().then(() => onNewSignal({ ...selection, text: body.slice(selection.start, selection.end) }));
          }}
        >
          {t('notes.newSignal')}
        </Button>
      </div>
    </div>
  );
}
