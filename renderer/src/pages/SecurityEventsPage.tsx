import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { codeKey } from '../i18n/i18n';
import { PageShell } from '../components/PageShell';
import { useAudit } from '../stores/audit-store';

/** The vault's recent security events (names only, never content), on a page of their own. */
export function SecurityEventsPage() {
  const { t, i18n } = useTranslation();
  const { entries, load } = useAudit(useShallow(({ entries, load }) => ({ entries, load })));
  useEffect(() => {
    void load();
  }, [load]);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <PageShell title={t('home.auditTitle')}>
      {entries.length === 0 ? (
        <p className="muted">{t('home.auditEmpty')}</p>
      ) : (
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
                <td>{i18n.exists(`events.${e.event}`) ? t(codeKey('events', e.event)) : t('events.other', { event: e.event })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PageShell>
  );
}
