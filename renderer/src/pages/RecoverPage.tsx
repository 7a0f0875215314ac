import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { FormButtons } from '../components/FormButtons';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { useBusyAction } from '../hooks/use-busy-action';
import { useNewPassphrase } from '../hooks/use-new-passphrase';
import { errorText } from '../i18n/i18n';
import { useSession } from '../stores/session-store';

export function RecoverPage({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const recover = useSession((s) => s.recover);
  const [recoveryKey, setRecoveryKey] = useState('');
  const pass = useNewPassphrase();
  const { busy, error, setError, run } = useBusyAction();
  const [keyError, setKeyError] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass.submit()) return;
    const failure = await run(() => recover(recoveryKey, pass.next));
    if (!failure) return;
    // A wrong key is said at the key field, not under the form.
    const atKey = failure.field === 'recoveryKey' || failure.code.startsWith('recovery_key');
    setKeyError(atKey ? errorText(failure) : null);
    if (atKey) setError(null);
  };

  return (
    <PageShell title={t('recover.title')}>
      <p className="lead">{t('recover.intro')}</p>
      <Form onSubmit={(e) => void onSubmit(e)} className="form" validationBehavior="aria">
        <TextField
          className="field"
          name="recoveryKey"
          value={recoveryKey}
          onChange={setRecoveryKey}
          isInvalid={Boolean(keyError)}
          autoFocus
          validationBehavior="aria"
        >
          <Label className="field-label">{t('recover.keyLabel')}</Label>
          <Input className="field-input key-input" autoComplete="off" spellCheck={false} />
          <Text slot="description" className="field-hint">
            {t('recover.keyHint')}
          </Text>
          <FieldError className="field-error">{keyError}</FieldError>
        </TextField>
        <NewPassphraseFields name="newPassphrase" {...pass.fieldProps} hint={t('passphrase.hint')} />
        <FormError message={error} />
        <FormButtons submit={t('recover.submit')} busy={busy} back={t('recover.back')} onBack={onBack} />
      </Form>
    </PageShell>
  );
}
