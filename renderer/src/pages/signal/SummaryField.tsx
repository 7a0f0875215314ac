import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import type { Autosave, SaveState } from '../../notes/autosave';
import { RedactionReview } from './RedactionReview';

interface SummaryProps {
  signalId: number;
  /** The summary as loaded; from then on the field holds it and the autosave saves it. */
  initial: string;
  editable: boolean;
  saveState: SaveState;
  autosave: RefObject<Autosave | null>;
  onDecisionsChanged: () => Promise<void>;
}

/**
 * The summary's text area with its redaction review. The text is this component's state, so a
 * keystroke renders the field and the review again, not the whole signal page.
 */
export function SummaryField({ signalId, initial, editable, saveState, autosave, onDecisionsChanged }: SummaryProps) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <TextField
        className="field"
        value={summary}
        isReadOnly={!editable}
        onChange={(v) => {
          setSummary(v);
          autosave.current?.update(v);
        }}
      >
        <Label className="field-label">{t('signal.summary')}</Label>
        <Text slot="description" className="field-hint">
          {t('signal.summaryHint')}
        </Text>
        <TextArea ref={area} className="field-input" rows={5} onBlur={() => void autosave.current?.flush()} />
      </TextField>
      <p className="save-status" role="status" aria-live="polite">
        {t(`notes.${saveState === 'saved' ? 'saved' : saveState}`)}
      </p>
      <RedactionReview
        signalId={signalId}
        summary={summary}
        editable={editable}
        selection={() => {
          const el = area.current;
          return el && el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null;
        }}
        onDecisionsChanged={() => void onDecisionsChanged()}
      />
    </>
  );
}
