import { useState, type ComponentProps } from 'react';
import type { NewPassphraseFields } from '../components/NewPassphraseFields';
import { newPassphraseErrors } from '../pages/new-passphrase';

export interface NewPassphrase {
  next: string;
  /** True after the first submit: errors show from then on, not while the user is still typing. */
  submitted: boolean;
  /** Marks the form submitted; true when the pair may be sent to the core. */
  submit: () => boolean;
  /** What NewPassphraseFields shows and changes. */
  fieldProps: Pick<ComponentProps<typeof NewPassphraseFields>, 'next' | 'repeat' | 'onNext' | 'onRepeat' | 'check' | 'submitted'>;
}

/** A new passphrase typed twice and checked by the core's rule: the state of every form that sets one. */
export function useNewPassphrase(): NewPassphrase {
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const check = newPassphraseErrors(next, repeat);
  return {
    next,
    submitted,
    submit: () => {
      setSubmitted(true);
      return !check.next && !check.repeat;
    },
    fieldProps: { next, repeat, onNext: setNext, onRepeat: setRepeat, check, submitted },
  };
}
