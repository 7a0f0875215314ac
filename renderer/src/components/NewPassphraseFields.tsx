import { useTranslation } from 'react-i18next';
import type { NewPassphraseCheck } from '../pages/new-passphrase';
import { PassphraseField } from './PassphraseField';

interface Props {
  /** The form name of the first field (the pages name it as their request does). */
  name: string;
  next: string;
  repeat: string;
  onNext: (value: string) => void;
  onRepeat: (value: string) => void;
  check: NewPassphraseCheck;
  /** Errors show only after the first submit, not while the user is still typing. */
  submitted: boolean;
  hint: string;
  autoFocus?: boolean;
}

/** A new passphrase and its repetition, with the strength estimate: the same pair on every page that sets one. */
export function NewPassphraseFields({ name, next, repeat, onNext, onRepeat, check, submitted, hint, autoFocus }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PassphraseField
        name={name}
        label={t('passphrase.new')}
        description={hint}
        value={next}
        onChange={onNext}
        autoComplete="new-password"
        autoFocus={autoFocus}
        error={submitted && check.next ? t(check.next) : null}
        strength={check.strength}
      />
      <PassphraseField
        name="repeat"
        label={t('passphrase.repeat')}
        value={repeat}
        onChange={onRepeat}
        autoComplete="new-password"
        error={submitted && check.repeat ? t(check.repeat) : null}
      />
    </>
  );
}
