import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Header, one main landmark with the page's h1, and a footer with the version. */
export function PageShell({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-actions">
          {actions}
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
