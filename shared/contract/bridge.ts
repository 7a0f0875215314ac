import type { Channel, EventName, EventPayloads } from './ipc-contract';

/**
 * What the preload (Electron) or the harness script (browser mode) puts on `window.obi`: one
 * function per channel and one event subscription. Values are untyped on purpose: the renderer's
 * client adds the types, and main validates whatever arrives.
 */
export interface ObiBridge {
  readonly call: Readonly<Record<Channel, (request: unknown) => Promise<unknown>>>;
  readonly onEvent: (listener: <E extends EventName>(name: E, payload: EventPayloads[E]) => void) => () => void;
}

export const bridgeGlobalName = 'obi';
