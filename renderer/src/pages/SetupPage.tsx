import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { FormError } from '../components/FormError';
import { PageShell } from '../components/PageShell';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
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
        <NewPassphraseFields
          name="passphrase"
          next={next}
          repeat={repeat}
          onNext={setNext}
          onRepeat={setRepeat}
          check={problems}
          submitted={submitted}
          hint={t('passphrase.hint')}
          autoFocus
        />
        <FormError message={error} />
        <Button type="submit" className="button primary" isDisabled={busy}>
          {busy ? t('common.working') : t('setup.submit')}
        </Button>
      </Form>
    </PageShell>
  );
}
