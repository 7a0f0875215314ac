import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FileTrigger } from 'react-aria-components';
import type { ImportOutcomeView } from '../../../../shared/contract/ipc-contract';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { errorText } from '../../i18n/i18n';

/**
 * Imports a JSON Lines file of meetings, as `obi notes import` does: all or nothing, and a meeting
 * already in the vault is recognised and left as it is. Says per file what it did; a refusal names
 * the line and fields (never their text).
 */
export function ImportNotes({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<{ file: string; counts: ImportOutcomeView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    setError(null);
    const r = await api['notes.import']({ text: await file.text() });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code === 'invalid_request' ? t('import.refused', { file: file.name, reason: r.error.message }) : errorText(r.error));
      return;
    }
    setOutcome({ file: file.name, counts: r.value });
    onImported();
  };

  return (
    <div className="import-notes">
      <FileTrigger
        acceptedFileTypes={['.jsonl', '.json', '.txt', 'application/json', 'text/plain']}
        onSelect={(files) => files?.[0] && void importFile(files[0])}
      >
        <Button className="button" isDisabled={busy}>
          {t('import.choose')}
        </Button>
      </FileTrigger>
      <FormError message={error} />
      <p role="status" className={outcome ? 'notice' : undefined} data-content="import-result">
        {outcome
          ? t('import.done', { file: outcome.file, new: outcome.counts.new, alreadyPresent: outcome.counts.alreadyPresent, signals: outcome.counts.signals })
          : busy
            ? t('import.busy')
            : null}
      </p>
    </div>
  );
}
