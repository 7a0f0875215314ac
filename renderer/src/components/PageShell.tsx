import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useHeadingFocus } from '../hooks/use-heading-focus';
import type { TranslationKey } from '../i18n/i18n';
import { useNav, type View } from '../stores/nav-store';
import { useQueue } from '../stores/queue-store';
import { useSession } from '../stores/session-store';
import { LanguageSwitch } from './LanguageSwitch';
import type { Role } from '../../../shared/policy/role';

type Section = { view: View; label: TranslationKey; matches: (v: View) => boolean };
const home: Section = { view: { name: 'home' }, label: 'nav.home', matches: (v) => v.name === 'home' };
const meetings: Section = {
  view: { name: 'meetings' },
  label: 'nav.meetings',
  matches: (v) => v.name === 'meetings' || (v.name === 'meeting' && v.id !== null) || v.name === 'signal',
};
const newMeeting: Section = { view: { name: 'meeting', id: null }, label: 'nav.newMeeting', matches: (v) => v.name === 'meeting' && v.id === null };
const review: Section = { view: { name: 'review' }, label: 'nav.review', matches: (v) => v.name === 'review' };
const send: Section = { view: { name: 'send' }, label: 'nav.send', matches: (v) => v.name === 'send' };
const workstation: Section = { view: { name: 'workstation' }, label: 'nav.workstation', matches: (v) => v.name === 'workstation' };
const security: Section = { view: { name: 'security' }, label: 'nav.security', matches: (v) => v.name === 'security' };

const fenomeenbeeld: Section = { view: { name: 'home' }, label: 'nav.fenomeenbeeld', matches: (v) => v.name === 'home' };
const inbox: Section = { view: { name: 'inbox' }, label: 'nav.inbox', matches: (v) => v.name === 'inbox' };
const taxonomy: Section = { view: { name: 'taxonomy' }, label: 'nav.taxonomy', matches: (v) => v.name === 'taxonomy' };

/** The officer works from meetings; the team lead from the review of the team's signals; the central point from the report. */
function sectionsFor(role: Role | undefined): Section[] {
  if (role === 'central') return [fenomeenbeeld, inbox, taxonomy, workstation, security];
  return role === 'teamlead' ? [home, review, send, meetings, workstation, security] : [home, meetings, newMeeting, send, workstation, security];
}

/** Navigation between the unlocked screens, and the lock button. */
function MainNav() {
  const { t } = useTranslation();
  const view = useNav((s) => s.view);
  const go = useNav((s) => s.go);
  const lock = useSession((s) => s.lock);
  const role = useSession((s) => s.policy?.role);
  const sections = sectionsFor(role);
  const open = useQueue((s) => s.queue?.items.length ?? 0);
  const loadQueue = useQueue((s) => s.load);
  // Every change of screen may have changed what is open (a signal sent, a follow-up ticked off).
  useEffect(() => {
    void loadQueue();
  }, [view, loadQueue]);
  return (
    <>
      <nav aria-label={t('nav.label')} className="main-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.label}>
              <Button className="nav-link" aria-current={s.matches(view) ? 'page' : undefined} onPress={() => go(s.view)}>
                {t(s.label)}
                {s === home && open > 0 ? (
                  <>
                    <span className="badge nav-count" data-testid="queue-count" aria-hidden="true">
                      {open}
                    </span>
                    <span className="visually-hidden">{t('nav.openItems', { count: open })}</span>
                  </>
                ) : null}
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
  const heading = useHeadingFocus();
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
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
