import { ipcMain, type BrowserWindow } from 'electron';
import { channelPrefix, channels, eventChannel } from '../../shared/contract/ipc-contract';
import { dispatch, type Handlers } from '../core/rpc/dispatch';
import type { VaultSession } from '../core/session/vault-session';
import { isTrustedSender } from './ipc-sender';

/** One `ipcMain.handle` per contract channel; each call is checked for its sender first. */
export function registerIpc(handlers: Handlers): void {
  for (const channel of channels) {
    const wire = channelPrefix + channel;
    ipcMain.handle(wire, (event, request: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame }, wire);
      if (!trusted) return { ok: false, error: { code: 'unknown_channel', message: 'Refused.' } };
      return dispatch(handlers, channel, request, {
        onInternalError: (ch, e) => console.error(`internal error on ${ch}: ${e instanceof Error ? e.name : typeof e}`),
      });
    });
  }
}

export function forwardEvents(session: VaultSession, window: BrowserWindow): void {
  session.onEvent((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel, name, payload);
  });
}
