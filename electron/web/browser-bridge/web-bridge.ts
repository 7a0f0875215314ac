import { bridgeGlobalName, type ObiBridge } from '../../../shared/contract/bridge';
import { channels, eventNames, type EventName } from '../../../shared/contract/ipc-contract';

/**
 * Runs in the browser page in browser mode and provides the same `window.obi` that Electron's
 * preload provides, over the harness's loopback HTTP API. The token arrives in the URL fragment
 * (never sent to the server as part of a URL), moves to session storage for reloads and leaves the
 * address bar at once.
 */
const tokenKey = 'obi-web-token';
const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromHash) {
  sessionStorage.setItem(tokenKey, fromHash);
  history.replaceState(null, '', location.pathname + location.search);
}
const token = sessionStorage.getItem(tokenKey) ?? '';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const unreachable = { ok: false, error: { code: 'internal', message: 'The local harness cannot be reached.' } };

const call = Object.freeze(
  Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (request: unknown) => {
        try {
          const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, { method: 'POST', headers, body: JSON.stringify(request ?? {}) });
          return (await res.json()) as unknown;
        } catch {
          return unreachable;
        }
      },
    ]),
  ),
) as ObiBridge['call'];

type Listener = Parameters<ObiBridge['onEvent']>[0];
const listeners = new Set<Listener>();
const isEventName = (name: unknown): name is EventName => (eventNames as readonly unknown[]).includes(name);

async function listen(): Promise<void> {
  for (;;) {
    try {
      const res = await fetch('/events', { headers });
      if (!res.body) return;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (!frame.startsWith('data: ')) continue;
          const { name, payload } = JSON.parse(frame.slice(6)) as { name: unknown; payload: never };
          if (isEventName(name)) for (const l of listeners) l(name, payload);
        }
      }
    } catch {
      // The harness went away or restarted: try again shortly.
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

let listening = false;
const bridge: ObiBridge = Object.freeze({
  call,
  onEvent: (listener: Listener) => {
    listeners.add(listener);
    if (!listening) {
      listening = true;
      void listen();
    }
    return () => {
      listeners.delete(listener);
    };
  },
});

Object.defineProperty(window, bridgeGlobalName, { value: bridge, writable: false, configurable: false });
