import { useTranslation } from 'react-i18next';
import { PageShell } from '../../components/PageShell';
import { InboxReader } from '../exchange/InboxReader';

/** The central point's inbox: reads the team bundles now instead of at the next minute's tick. */
export function CentralInboxPage() {
  const { t } = useTranslation();
  return (
    <PageShell title={t('inbox.title')}>
      <p className="lead">{t('inbox.centralIntro')}</p>
      <InboxReader label={t('inbox.readTeams')} onRead={() => undefined} />
    </PageShell>
  );
}
