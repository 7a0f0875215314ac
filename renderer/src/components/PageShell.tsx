import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useNav, type View } from '../stores/nav-store';
import { useSession } from '../stores/session-store';
import { LanguageSwitch } from './LanguageSwitch';

const sections: Array<{ view: View; label: string; matches: (v: View) => boolean }> = [
  { view: { name: 'home' }, label: 'nav.home', matches: (v) => v.name === 'home' },
  { view: { name: 'meetings' }, label: 'nav.meetings', matches: (v) => v.name === 'meetings' || (v.name === 'meeting' && v.id !== null) || v.name === 'signal' },
  { view: { name: 'meeting', id: null }, label: 'nav.newMeeting', matches: (v) => v.name === 'meeting' && v.id === null },
];

/** Navigation between the unlocked screens, and the lock button. */
function MainNav() {
  const { t } = useTranslation();
  const { view, go } = useNav();
  const lock = useSession((s) => s.lock);
  return (
    <>
      <nav aria-label={t('nav.label')} className="main-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.label}>
              <Button className="nav-link" aria-current={s.matches(view) ? 'page' : undefined} onPress={() => go(s.view)}>
                {t(s.label)}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      <Button className="button" onPress={() => void lock()}>
        {t('home.lock')}
      </Button>
    </>
  );
}

/** Header, one main landmark with the page's h1, and navigation when the vault is open. */
export function PageShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const unlocked = useSession((s) => s.status?.state === 'unlocked' && !s.status.recoveryKeyPending && !s.freshRecoveryKey);
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-actions">
          {unlocked ? <MainNav /> : null}
          <LanguageSwitch />
        </div>
      </header>
      <main className="shell-main" aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
