import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Switch } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { signalStates } from '../../../shared/capture/signal-states';
import { api } from '../api/client';
import { CountTable } from '../components/CountTable';
import { PageShell } from '../components/PageShell';
import { useNav } from '../stores/nav-store';
import { usePolicy } from '../stores/policy-store';
import { useSession } from '../stores/session-store';
import { useTaxonomy, useTagLabel } from '../stores/taxonomy-store';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { PolicyTable } from '../components/PolicyTable';
import { NewRecoveryKeyDialog } from './NewRecoveryKeyDialog';
import { RekeyDialog } from './RekeyDialog';
import { LeadFigures, WorkQueue } from './WorkQueue';

type OverviewData = Extract<Awaited<ReturnType<(typeof api)['overview.get']>>, { ok: true }>['value'];

const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Signals by state, and this month's by actor and modus operandi. */
function Overview() {
  const { t } = useTranslation();
  const tagLabel = useTagLabel();
  const loadTaxonomy = useTaxonomy((s) => s.load);
  const [data, setData] = useState<OverviewData | null>(null);
  useEffect(() => {
    void loadTaxonomy();
    void api['overview.get']({ month: thisMonth() }).then((r) => r.ok && setData(r.value));
  }, [loadTaxonomy]);
  const countTable = { headers: [t('overview.value'), t('overview.count')] as [string, string], empty: t('overview.none') };
  return (
    <>
      {data ? (
        <section aria-labelledby="overview-title">
          <h2 id="overview-title">{t('overview.title')}</h2>
          <div className="overview-grid" data-content="overview">
            <CountTable
              {...countTable}
              caption={t('overview.byState')}
              rows={signalStates.map((s) => ({ key: s, label: t(`states.${s}`), count: data.byState[s] ?? 0 }))}
            />
            <CountTable
              {...countTable}
              caption={t('overview.byActor')}
              rows={data.byActor.map((r) => ({ key: r.tag, label: tagLabel(r.tag), count: r.count }))}
            />
            <CountTable
              {...countTable}
              caption={t('overview.byModus')}
              rows={data.byModusOperandi.map((r) => ({ key: r.tag, label: tagLabel(r.tag), count: r.count }))}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}

function PolicySection() {
  const { t } = useTranslation();
  const { view, load } = usePolicy(useShallow(({ view, load }) => ({ view, load })));
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
  const { policy, status, setOsUnlock } = useSession(useShallow(({ policy, status, setOsUnlock }) => ({ policy, status, setOsUnlock })));
  const go = useNav((s) => s.go);
  return (
    <PageShell title={t('home.title')}>
      <WorkQueue />
      {policy?.role === 'teamlead' ? <LeadFigures /> : null}
      <div className="button-row">
        <Button className="button primary" onPress={() => go({ name: 'meeting', id: null })}>
          {t('nav.newMeeting')}
        </Button>
        <Button className="button" onPress={() => go({ name: 'meetings' })}>
          {t('home.findMeetings')}
        </Button>
      </div>
      {policy ? (
        <dl className="facts">
          <dt>{t('home.organisation')}</dt>
          <dd>{policy.organisation}</dd>
          <dt>{t('home.role')}</dt>
          <dd>{t(`roles.${policy.role}`)}</dd>
        </dl>
      ) : null}
      {policy && policy.warnings.length > 0 ? <p className="notice">{t('home.policyWarnings', { list: policy.warnings.join('; ') })}</p> : null}
      <Overview />
      <section aria-labelledby="security-title">
        <h2 id="security-title">{t('home.settingsTitle')}</h2>
        <div className="button-row">
          <ChangePassphraseDialog />
          <NewRecoveryKeyDialog />
          <RekeyDialog />
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
