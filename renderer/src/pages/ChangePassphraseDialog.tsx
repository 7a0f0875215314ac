import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormError } from '../components/FormError';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { PassphraseField } from '../components/PassphraseField';
import { useBusyAction } from '../hooks/use-busy-action';
import { useSession } from '../stores/session-store';
import { newPassphraseErrors } from './new-passphrase';

function ChangePassphraseForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const changePassphrase = useSession((s) => s.changePassphrase);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, run } = useBusyAction();
  const [done, setDone] = useState(false);
  const problems = newPassphraseErrors(next, repeat);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (problems.next || problems.repeat || current.length === 0) return;
    if (!(await run(() => changePassphrase(current, next)))) setDone(true);
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
        error={submitted && current.length === 0 ? t('common.required') : null}
      />
      <NewPassphraseFields
        name="next"
        next={next}
        repeat={repeat}
        onNext={setNext}
        onRepeat={setRepeat}
        check={problems}
        submitted={submitted}
        hint={t('passphrase.hint')}
      />
      <FormError message={error} />
      <div className="button-row">
        <Button type="submit" className="button primary" isDisabled={busy}>
          {busy ? t('common.working') : t('passwd.submit')}
        </Button>
        <Button className="button" onPress={close}>
          {t('common.cancel')}
        </Button>
      </div>
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
