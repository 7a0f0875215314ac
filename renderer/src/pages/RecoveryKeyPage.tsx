import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Label, TextField, FieldError } from 'react-aria-components';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { PassphraseField } from '../components/PassphraseField';
import { RecoveryKeyDisplay } from '../components/RecoveryKeyDisplay';
import { useBusyAction } from '../hooks/use-busy-action';
import { errorText } from '../i18n/i18n';
import { useSession } from '../stores/session-store';

/** Two different group numbers (1–8) for the user to type back. */
function pickGroups(): [number, number] {
  const a = 1 + Math.floor(Math.random() * 8);
  const b = 1 + ((a + Math.floor(Math.random() * 7)) % 8);
  return a < b ? [a, b] : [b, a];
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

function ConfirmFreshKey({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const confirm = useSession((s) => s.confirmRecoveryKey);
  const [[a, b]] = useState(pickGroups);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [submitted, setSubmitted] = useState(false);
  const { error, run } = useBusyAction();
  const groups = recoveryKey.split('-');
  const wrong = (n: number) => digitsOf(typed[n] ?? '') !== groups[n - 1];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (wrong(a) || wrong(b)) return;
    await run(confirm);
  };

  return (
    <PageShell title={t('recovery.title')}>
      <p className="lead">{t('recovery.intro')}</p>
      <p className="warning">{t('recovery.warning')}</p>
      <RecoveryKeyDisplay recoveryKey={recoveryKey} />
      <h2>{t('recovery.confirmTitle')}</h2>
      <p>{t('recovery.confirmIntro', { a, b })}</p>
      <Form onSubmit={(e) => void onSubmit(e)} className="form" validationBehavior="aria">
        {[a, b].map((n, i) => (
          <TextField
            key={n}
            className="field"
            name={`group-${n}`}
            value={typed[n] ?? ''}
            onChange={(v) => setTyped((prev) => ({ ...prev, [n]: v }))}
            isInvalid={submitted && wrong(n)}
            inputMode="numeric"
            autoFocus={i === 0}
            validationBehavior="aria"
          >
            <Label className="field-label">{t('recovery.group', { n })}</Label>
            <Input className="field-input group-input" autoComplete="off" maxLength={12} />
            <FieldError className="field-error">{t('recovery.groupWrong', { n })}</FieldError>
          </TextField>
        ))}
        <FormError message={error} />
        <Button type="submit" className="button primary">
          {t('recovery.confirm')}
        </Button>
      </Form>
    </PageShell>
  );
}

/**
 * A recovery key was shown but never confirmed here: by `obi vault init`, or before the app closed.
 * Whoever has it types it in full to confirm it; only who has lost it makes a new one, and is told
 * that the old one then stops working. Nothing is replaced without being asked.
 */
function PendingKey() {
  const { t } = useTranslation();
  const newRecoveryKey = useSession((s) => s.newRecoveryKey);
  const confirmTyped = useSession((s) => s.confirmRecoveryKeyTyped);
  const [typedKey, setTypedKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useBusyAction();

  const onConfirm = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await confirmTyped(typedKey);
    if (failure) setKeyError(errorText(failure));
  };

  const onMakeNew = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => newRecoveryKey(passphrase));
  };

  return (
    <PageShell title={t('recovery.pendingTitle')}>
      <p className="lead">{t('recovery.pendingIntro')}</p>
      <Form onSubmit={(e) => void onConfirm(e)} className="form" validationBehavior="aria">
        <TextField
          className="field"
          name="recoveryKey"
          value={typedKey}
          onChange={setTypedKey}
          isInvalid={Boolean(keyError)}
          autoFocus
          validationBehavior="aria"
        >
          <Label className="field-label">{t('recover.keyLabel')}</Label>
          <Input className="field-input key-input" autoComplete="off" spellCheck={false} />
          <FieldError className="field-error">{keyError}</FieldError>
        </TextField>
        <Button type="submit" className="button primary" isDisabled={typedKey.trim().length === 0}>
          {t('recovery.confirmTyped')}
        </Button>
      </Form>
      <h2>{t('recovery.lostTitle')}</h2>
      <p>{t('recovery.lostIntro')}</p>
      <Form onSubmit={(e) => void onMakeNew(e)} className="form" validationBehavior="aria">
        <PassphraseField name="passphrase" label={t('passphrase.label')} value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
        <FormError message={error} />
        <Button type="submit" className="button" isDisabled={busy || passphrase.length === 0}>
          {busy ? t('common.working') : t('recovery.makeNew')}
        </Button>
      </Form>
    </PageShell>
  );
}

export function RecoveryKeyPage() {
  const fresh = useSession((s) => s.freshRecoveryKey);
  return fresh ? <ConfirmFreshKey recoveryKey={fresh} /> : <PendingKey />;
}
