import { bridgeGlobalName, type ObiBridge } from '../../../shared/contract/bridge';
import type { ErrorInfo, Result } from '../../../shared/contract/errors';
import type { Channel, EventName, EventPayloads, RequestOf, ResponseOf } from '../../../shared/contract/ipc-contract';

/**
 * The renderer's only way to the core: typed from the contract, carried by whichever bridge the
 * page was given (Electron's preload or the browser harness). Bad answers become `internal` errors
 * instead of exceptions, so a screen always has something to show.
 */
export type Client = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

const unavailable: ErrorInfo = { code: 'internal', message: 'The app core is not available.' };

function bridge(): ObiBridge | undefined {
  return (window as unknown as Record<string, ObiBridge | undefined>)[bridgeGlobalName];
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export const api: Client = new Proxy({} as Client, {
  get: (_target, channel: string) => async (request: unknown) => {
    const fn = bridge()?.call[channel as Channel];
    if (!fn) return { ok: false, error: unavailable };
    try {
      const answer = await fn(request);
      return isResult(answer) ? answer : { ok: false, error: unavailable };
    } catch {
      return { ok: false, error: unavailable };
    }
  },
});

export function onCoreEvent(listener: <E extends EventName>(name: E, payload: EventPayloads[E]) => void): () => void {
  return bridge()?.onEvent(listener) ?? (() => undefined);
}
