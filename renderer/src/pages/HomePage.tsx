import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Switch } from 'react-aria-components';
import { PageShell } from '../components/PageShell';
import { PolicyTable } from '../components/PolicyTable';
import { useAudit } from '../stores/audit-store';
import { usePolicy } from '../stores/policy-store';
import { useSession } from '../stores/session-store';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { NewRecoveryKeyDialog } from './NewRecoveryKeyDialog';

function AuditList() {
  const { t, i18n } = useTranslation();
  const { entries, load } = useAudit();
  useEffect(() => {
    void load();
  }, [load]);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (entries.length === 0) return <p className="muted">{t('home.auditEmpty')}</p>;
  return (
    <table className="table" data-content="audit">
      <thead>
        <tr>
          <th scope="col">{t('home.auditWhen')}</th>
          <th scope="col">{t('home.auditWhat')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td>{format.format(new Date(e.at))}</td>
            <td>{i18n.exists(`events.${e.event}`) ? t(`events.${e.event}`) : t('events.other', { event: e.event })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PolicySection() {
  const { t } = useTranslation();
  const { view, load } = usePolicy();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">{t('policy.title')}</h2>
      <p className="muted">{t('policy.intro')}</p>
      {view ? <PolicyTable view={view} /> : null}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { policy, status, lock, setOsUnlock } = useSession();
  return (
    <PageShell
      title={t('home.title')}
      actions={
        <Button className="button" onPress={() => void lock()}>
          {t('home.lock')}
        </Button>
      }
    >
      <p className="lead">{t('home.welcome')}</p>
      {policy ? (
        <dl className="facts">
          <dt>{t('home.organisation')}</dt>
          <dd>{policy.organisation}</dd>
          <dt>{t('home.role')}</dt>
          <dd>{t(`roles.${policy.role}`)}</dd>
        </dl>
      ) : null}
      {policy && policy.warnings.length > 0 ? (
        <p className="notice">{t('home.policyWarnings', { list: policy.warnings.join('; ') })}</p>
      ) : null}
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">{t('home.auditTitle')}</h2>
        <AuditList />
      </section>
      <section aria-labelledby="security-title">
        <h2 id="security-title">{t('home.settingsTitle')}</h2>
        <div className="button-row">
          <ChangePassphraseDialog />
          <NewRecoveryKeyDialog />
        </div>
        {status?.osUnlockAllowed ? (
          <Switch className="switch" isSelected={status.osUnlockEnabled} onChange={(on) => void setOsUnlock(on)}>
            <span className="switch-track" aria-hidden="true" />
            {t('home.osUnlock')}
          </Switch>
        ) : null}
      </section>
      <PolicySection />
    </PageShell>
  );
}
