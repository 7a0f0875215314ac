import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormButtons } from '../components/FormButtons';
import { FormError } from '../components/FormError';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { PassphraseField } from '../components/PassphraseField';
import { useBusyAction } from '../hooks/use-busy-action';
import { useNewPassphrase } from '../hooks/use-new-passphrase';
import { useSession } from '../stores/session-store';

function ChangePassphraseForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const changePassphrase = useSession((s) => s.changePassphrase);
  const [current, setCurrent] = useState('');
  const pass = useNewPassphrase();
  const { busy, error, run } = useBusyAction();
  const [done, setDone] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass.submit() || current.length === 0) return;
    if (!(await run(() => changePassphrase(current, pass.next)))) setDone(true);
  };

  if (done) {
    return (
      <>
        <p role="status">{t('passwd.done')}</p>
        <Button className="button primary" onPress={close} autoFocus>
          {t('common.close')}
        </Button>
      </>
    );
  }
  return (
    <Form onSubmit={(e) => void onSubmit(e)} className="form" validationBehavior="aria">
      <PassphraseField
        name="current"
        label={t('passphrase.current')}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        autoFocus
        error={pass.submitted && current.length === 0 ? t('common.required') : null}
      />
      <NewPassphraseFields name="next" {...pass.fieldProps} hint={t('passphrase.hint')} />
      <FormError message={error} />
      <FormButtons submit={t('passwd.submit')} busy={busy} back={t('common.cancel')} onBack={close} />
    </Form>
  );
}

export function ChangePassphraseDialog() {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button">{t('home.changePassphrase')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('passwd.title')}</Heading>
                <ChangePassphraseForm close={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
