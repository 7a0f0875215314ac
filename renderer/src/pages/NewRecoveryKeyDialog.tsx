import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormError } from '../components/FormError';
import { PassphraseField } from '../components/PassphraseField';
import { useBusyAction } from '../hooks/use-busy-action';
import { useSession } from '../stores/session-store';

/** Replaces the recovery key; the new one is then shown and confirmed like the first. */
export function NewRecoveryKeyDialog() {
  const { t } = useTranslation();
  const newRecoveryKey = useSession((s) => s.newRecoveryKey);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useBusyAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => newRecoveryKey(passphrase));
  };

  return (
    <DialogTrigger onOpenChange={() => (setPassphrase(''), setError(null))}>
      <Button className="button">{t('home.newRecoveryKey')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('recovery.newTitle')}</Heading>
                <p>{t('recovery.newIntro')}</p>
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
                  <div className="button-row">
                    <Button type="submit" className="button primary" isDisabled={busy || passphrase.length === 0}>
                      {busy ? t('common.working') : t('recovery.makeNew')}
                    </Button>
                    <Button className="button" onPress={close}>
                      {t('common.cancel')}
                    </Button>
                  </div>
                </Form>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
