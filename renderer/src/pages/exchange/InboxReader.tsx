import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { codeKey, errorText } from '../../i18n/i18n';

type Results = Extract<Awaited<ReturnType<(typeof api)['inbox.import']>>, { ok: true }>['value']['results'];

/**
 * Reads the inbox now instead of waiting for the next minute's tick: the team lead's bundles from
 * the team, or the officer's returned bundles. Each file's outcome is listed, a refusal with why.
 */
export function InboxReader({ label, onRead }: { label: string; onRead: () => void }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = async () => {
    const r = await api['inbox.import']({});
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setResults(r.value.results);
    onRead();
  };
  return (
    <>
      <div className="button-row">
        <Button className="button" onPress={() => void read()}>
          {label}
        </Button>
      </div>
      <FormError message={error} />
      {results ? (
        <div role="status" className="notice" data-content="inbox-results">
          <ul className="plain-list">
            {results.length === 0 ? <li>{t('inbox.empty')}</li> : null}
            {results.map((r) => (
              <li key={r.file}>
                {t(`inbox.${r.outcome}`, {
                  file: r.file,
                  signals: r.signals ?? 0,
                  reason: r.outcome === 'refused' && r.reason ? t(codeKey('errors', r.reason)) : r.reason ? t(codeKey('inbox.skip', r.reason)) : '',
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
