import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { api } from './api/client';
import { HomePage } from './pages/HomePage';
import { CentralInboxPage } from './pages/central/CentralInboxPage';
import { FenomeenbeeldPage } from './pages/central/FenomeenbeeldPage';
import { TaxonomyPage } from './pages/central/TaxonomyPage';
import { MeetingPage } from './pages/meeting/MeetingPage';
import { MeetingsPage } from './pages/meetings/MeetingsPage';
import { SendPage } from './pages/exchange/SendPage';
import { ReviewPage } from './pages/review/ReviewPage';
import { SignalPage } from './pages/signal/SignalPage';
import { WorkstationPage } from './pages/WorkstationPage';
import { SecurityEventsPage } from './pages/SecurityEventsPage';
import { PolicyInvalidPage } from './pages/PolicyInvalidPage';
import { RecoverPage } from './pages/RecoverPage';
import { RecoveryKeyPage } from './pages/RecoveryKeyPage';
import { SetupPage } from './pages/SetupPage';
import { UnlockPage } from './pages/UnlockPage';
import { useNav, type View } from './stores/nav-store';
import { useSession } from './stores/session-store';

const activityIntervalMs = 5_000;

/** Tells the core the user is active (keys, pointer), at most every 5 s, so idle lock waits. */
function useActivityHeartbeat(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const ping = () => {
      const now = Date.now();
      if (now - last < activityIntervalMs) return;
      last = now;
      void api['session.activity']({});
    };
    window.addEventListener('keydown', ping, true);
    window.addEventListener('pointerdown', ping, true);
    return () => {
      window.removeEventListener('keydown', ping, true);
      window.removeEventListener('pointerdown', ping, true);
    };
  }, [active]);
}

export function App() {
  const { t } = useTranslation();
  const { loaded, loadError, readOnly, status, freshRecoveryKey, recoveryMode, setRecoveryMode } = useSession(
    useShallow(({ loaded, loadError, readOnly, status, freshRecoveryKey, recoveryMode, setRecoveryMode }) => ({
      loaded,
      loadError,
      readOnly,
      status,
      freshRecoveryKey,
      recoveryMode,
      setRecoveryMode,
    })),
  );
  useActivityHeartbeat(status?.state === 'unlocked');

  if (!loaded) return <p className="loading">{t('app.loading')}</p>;
  if (readOnly) return <PolicyInvalidPage />;
  if (loadError || !status) {
    return (
      <main className="shell-main">
        <h1>{t('app.name')}</h1>
        <p role="alert" className="form-error">
          {t('app.unavailable')}
        </p>
      </main>
    );
  }
  switch (status.state) {
    case 'uninitialised':
      return <SetupPage />;
    case 'locked':
      return recoveryMode ? <RecoverPage onBack={() => setRecoveryMode(false)} /> : <UnlockPage onForgot={() => setRecoveryMode(true)} />;
    case 'unlocked':
      return freshRecoveryKey || status.recoveryKeyPending ? <RecoveryKeyPage /> : <UnlockedApp />;
  }
}

function UnlockedApp() {
  const view = useNav((s) => s.view);
  const central = useSession((s) => s.policy?.role === 'central');
  // The central point has its own pages; officer and team-lead screens are not reachable from it.
  if (central) return <CentralApp view={view} />;
  switch (view.name) {
    case 'inbox':
    case 'home':
    case 'taxonomy':
      return <HomePage />;
    case 'meetings':
      return <MeetingsPage />;
    case 'meeting':
      return <MeetingPage id={view.id} />;
    case 'signal':
      return <SignalPage id={view.id} />;
    case 'send':
      return <SendPage />;
    case 'review':
      return <ReviewPage />;
    case 'workstation':
      return <WorkstationPage />;
    case 'security':
      return <SecurityEventsPage />;
  }
}

function CentralApp({ view }: { view: View }) {
  switch (view.name) {
    case 'inbox':
      return <CentralInboxPage />;
    case 'taxonomy':
      return <TaxonomyPage />;
    case 'workstation':
      return <WorkstationPage />;
    case 'security':
      return <SecurityEventsPage />;
    default:
      return <FenomeenbeeldPage />;
  }
}
