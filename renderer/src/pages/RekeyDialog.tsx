import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Form, Heading, Label, Modal, ModalOverlay, ProgressBar } from 'react-aria-components';
import { FormButtons } from '../components/FormButtons';
import { FormError } from '../components/FormError';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { PassphraseField } from '../components/PassphraseField';
import { useBusyAction } from '../hooks/use-busy-action';
import { useNewPassphrase } from '../hooks/use-new-passphrase';
import { useSession } from '../stores/session-store';

/**
 * Key rotation: a new data key re-encrypts the vault, and new slots replace every old one. The new
 * recovery key then shows and is confirmed as at setup (the app switches to that page by itself).
 */
function RekeyForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const rekey = useSession((s) => s.rekey);
  const [current, setCurrent] = useState('');
  const pass = useNewPassphrase();
  const { busy, error, run } = useBusyAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass.submit() || current.length === 0) return;
    await run(() => rekey(current, pass.next));
  };

  if (busy) {
    return (
      <ProgressBar className="progress" isIndeterminate aria-label={t('rekey.working')}>
        <Label>{t('rekey.working')}</Label>
        <div className="progress-bar" aria-hidden="true">
          <div className="progress-fill" />
        </div>
      </ProgressBar>
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
      <NewPassphraseFields name="next" {...pass.fieldProps} hint={t('rekey.newHint')} />
      <FormError message={error} />
      <FormButtons submit={t('rekey.submit')} back={t('common.cancel')} onBack={close} />
    </Form>
  );
}

export function RekeyDialog() {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button">{t('home.rekey')}</Button>
      <ModalOverlay className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('rekey.title')}</Heading>
                <p>{t('rekey.intro')}</p>
                <RekeyForm close={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
