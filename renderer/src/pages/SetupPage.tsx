import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { useBusyAction } from '../hooks/use-busy-action';
import { useNewPassphrase } from '../hooks/use-new-passphrase';
import { useSession } from '../stores/session-store';

export function SetupPage() {
  const { t } = useTranslation();
  const setup = useSession((s) => s.setup);
  const pass = useNewPassphrase();
  const { busy, error, run } = useBusyAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass.submit()) return;
    await run(() => setup(pass.next));
  };

  return (
    <PageShell title={t('setup.title')}>
      <p className="lead">{t('setup.intro')}</p>
      <Form onSubmit={(e) => void onSubmit(e)} className="form" validationBehavior="aria">
        <NewPassphraseFields name="passphrase" {...pass.fieldProps} hint={t('passphrase.hint')} autoFocus />
        <FormError message={error} />
        <Button type="submit" className="button primary" isDisabled={busy}>
          {busy ? t('common.working') : t('setup.submit')}
        </Button>
      </Form>
    </PageShell>
  );
}
