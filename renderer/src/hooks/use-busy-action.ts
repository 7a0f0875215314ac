import { useCallback, useState } from 'react';
import type { ErrorInfo } from '../../../shared/contract/errors';
import { errorText } from '../i18n/i18n';

export interface BusyAction {
  /** True while an action runs, so its button can be disabled or say that it works. */
  busy: boolean;
  /** The sentence for the last failure; kept until the next one or until set. */
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs the action, busy meanwhile; a failure it answers becomes `error` and is returned. */
  run: (action: () => Promise<ErrorInfo | null>) => Promise<ErrorInfo | null>;
}

/** The busy flag and error sentence of a form or button that asks the core to do something. */
export function useBusyAction(): BusyAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<ErrorInfo | null>) => {
    setBusy(true);
    let failure: ErrorInfo | null;
    try {
      failure = await action();
    } finally {
      // A rejected promise must not leave the button disabled for good.
      setBusy(false);
    }
    if (failure) setError(errorText(failure));
    return failure;
  }, []);
  return { busy, error, setError, run };
}
