import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18n, preferredLanguage, applyLanguage } from './i18n/i18n';
import { useSession } from './stores/session-store';
import './styles.css';

async function boot(): Promise<void> {
  await useSession.getState().init();
  await applyLanguage(preferredLanguage(useSession.getState().policy?.language ?? 'nl'));
  document.title = i18n.t('app.name');
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void boot();
}
