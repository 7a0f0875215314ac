import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { PassphraseField } from '../components/PassphraseField';
import { useBusyAction } from '../hooks/use-busy-action';
import { errorText } from '../i18n/i18n';
import { useSession } from '../stores/session-store';

/** A countdown in whole seconds that ticks down to zero once started. */
function useCountdown(initialMs: number): [number, (ms: number) => void] {
  const [seconds, setSeconds] = useState(Math.ceil(initialMs / 1000));
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  return [seconds, (ms: number) => setSeconds(Math.ceil(ms / 1000))];
}

export function UnlockPage({ onForgot }: { onForgot: () => void }) {
  const { t } = useTranslation();
  const { status, lockReason, unlock, unlockWithOs } = useSession(
    useShallow(({ status, lockReason, unlock, unlockWithOs }) => ({ status, lockReason, unlock, unlockWithOs })),
  );
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useBusyAction();
  const [secondsLeft, startCountdown] = useCountdown(status?.retryAfterMs ?? 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (secondsLeft > 0 || passphrase.length === 0) return;
    const failure = await run(() => unlock(passphrase));
    if (failure) {
      // The countdown says it already.
      if (failure.code === 'throttled') setError(null);
      startCountdown(failure.retryAfterMs ?? 0);
      setPassphrase('');
    }
  };

  const onOs = async () => {
    const failure = await unlockWithOs();
    if (failure) setError(errorText(failure));
  };

  const reasonText = lockReason === 'idle' ? t('unlock.lockedIdle') : lockReason ? t('unlock.lockedManual') : null;

  return (
    <PageShell title={t('unlock.title')}>
      {reasonText ? <p className="notice">{reasonText}</p> : null}
      <p className="lead">{t('unlock.intro')}</p>
      <Form onSubmit={(e) => void onSubmit(e)} className="form" validationBehavior="aria">
        <PassphraseField
          name="passphrase"
          label={t('passphrase.label')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
        />
        <FormError message={error} />
        {secondsLeft > 0 ? (
          <p className="notice" aria-live="polite">
            {t('unlock.wait', { seconds: secondsLeft })}
          </p>
        ) : null}
        {status && status.failedAttempts > 0 ? <p className="muted">{t('unlock.failedAttempts', { count: status.failedAttempts })}</p> : null}
        <div className="button-row">
          <Button type="submit" className="button primary" isDisabled={busy || secondsLeft > 0}>
            {busy ? t('common.working') : t('unlock.submit')}
          </Button>
          {status?.osUnlockAvailable ? (
            <Button className="button" onPress={() => void onOs()}>
              {t('unlock.withOs')}
            </Button>
          ) : null}
        </div>
      </Form>
      <p>
        <Button className="link-button" onPress={onForgot}>
          {t('unlock.forgot')}
        </Button>
      </p>
    </PageShell>
  );
}
