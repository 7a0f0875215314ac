import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { PassphraseField } from '../components/PassphraseField';
import { useBusyAction } from '../hooks/use-busy-action';
import { useSession } from '../stores/session-store';
import { newPassphraseErrors } from './new-passphrase';

export function SetupPage() {
  const { t } = useTranslation();
  const setup = useSession((s) => s.setup);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, run } = useBusyAction();
  const problems = newPassphraseErrors(next, repeat);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (problems.next || problems.repeat) return;
    await run(() => setup(next));
  };

  return (
    <PageShell title={t('setup.title')}>
      <p className="lead">{t('setup.intro')}</p>
      <Form onSubmit={(e) => void onSubmit(e)} className="form" validationBehavior="aria">
        <PassphraseField
          name="passphrase"
          label={t('passphrase.new')}
          description={t('passphrase.hint')}
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          autoFocus
          error={submitted && problems.next ? t(problems.next) : null}
          strength={problems.strength}
        />
        <PassphraseField
          name="repeat"
          label={t('passphrase.repeat')}
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          error={submitted && problems.repeat ? t(problems.repeat) : null}
        />
        <FormError message={error} />
        <Button type="submit" className="button primary" isDisabled={busy}>
          {busy ? t('common.working') : t('setup.submit')}
        </Button>
      </Form>
    </PageShell>
  );
}
