import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { api } from '../api/client';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { errorText } from '../i18n/i18n';

type Keys = { signer: string; recipient: string; fingerprint: string };

/**
 * This workstation's public keys and the enrolment sheet for the team lead or the central point:
 * organisation, role, keys and the fingerprint to read out over the phone. Printed, or saved as a
 * text file.
 */
export function WorkstationPage() {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<Keys | null | undefined>(undefined);
  const [sheet, setSheet] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    api['keys.show']({}).then(async (k) => {
      if (!k.ok) return setError(errorText(k.error));
      setKeys(k.value.keys);
      if (!k.value.keys) return;
      const s = await api['enrolment.sheet']({});
      if (s.ok) setSheet(s.value.text);
    });

  useEffect(() => {
    void load();
  }, []);

  const create = async () => {
    const r = await api['keys.create']({});
    if (!r.ok) return setError(errorText(r.error));
    await load();
  };

  const save = async () => {
    const r = await api['enrolment.save']({});
    if (!r.ok) return setError(errorText(r.error));
    setSaved(r.value.path);
  };

  return (
    <PageShell title={t('workstation.title')}>
      <p className="lead">{t('workstation.intro')}</p>
      <FormError message={error} />
      {keys === null ? (
        <Button className="button primary" onPress={() => void create()}>
          {t('workstation.create')}
        </Button>
      ) : null}
      {keys ? (
        <>
          <dl className="facts">
            <dt>{t('workstation.fingerprint')}</dt>
            <dd>
              <code className="fingerprint" data-testid="fingerprint">
                {keys.fingerprint}
              </code>
            </dd>
            <dt>{t('workstation.signer')}</dt>
            <dd>
              <code>{keys.signer}</code>
            </dd>
            <dt>{t('workstation.recipient')}</dt>
            <dd>
              <code>{keys.recipient}</code>
            </dd>
          </dl>
          <h2>{t('workstation.sheetTitle')}</h2>
          {sheet ? (
            <pre className="sheet" data-testid="enrolment-sheet" tabIndex={0} aria-label={t('workstation.sheetTitle')}>
              {sheet}
            </pre>
          ) : null}
          <div className="button-row">
            <Button className="button" onPress={() => window.print()}>
              {t('workstation.print')}
            </Button>
            <Button className="button" onPress={() => void save()}>
              {t('workstation.save')}
            </Button>
          </div>
          {saved ? (
            <p role="status" className="notice">
              {t('workstation.savedAt', { path: saved })}
            </p>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
