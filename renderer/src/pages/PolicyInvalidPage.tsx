import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PageShell } from '../components/PageShell';
import { PolicyProblems, PolicyTable } from '../components/PolicyTable';
import { usePolicy } from '../stores/policy-store';

/**
 * The read-only state: the machine policy set by IT is invalid. The page names each wrong key; the
 * core keeps the vault closed and exports nothing until IT corrects the policy.
 */
export function PolicyInvalidPage() {
  const { t } = useTranslation();
  const { view, error, load } = usePolicy(useShallow(({ view, error, load }) => ({ view, error, load })));
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <PageShell title={t('policy.invalidTitle')}>
      <p className="lead">{t('policy.invalidIntro')}</p>
      {error ? (
        <p role="alert" className="form-error">
          {t('app.unavailable')}
        </p>
      ) : null}
      {view ? (
        <>
          <h2>{t('policy.problemsTitle')}</h2>
          <PolicyProblems view={view} />
          <p>{t('policy.invalidAction')}</p>
          <h2>{t('policy.validTitle')}</h2>
          <PolicyTable view={view} />
        </>
      ) : null}
    </PageShell>
  );
}
