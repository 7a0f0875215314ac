import { ipcMain, type BrowserWindow } from 'electron';
import { channelPrefix, channels, eventChannel } from '../../shared/contract/ipc-contract';
import type { EventLog } from '../core/logging/event-log';
import { dispatch, type Handlers } from '../core/rpc/dispatch';
import type { VaultSession } from '../core/session/vault-session';
import { isTrustedSender } from './ipc-sender';

/** One `ipcMain.handle` per contract channel; each call is checked for its sender first. */
export function registerIpc(handlers: Handlers, log: EventLog): void {
  for (const channel of channels) {
    const wire = channelPrefix + channel;
    ipcMain.handle(wire, (event, request: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame }, wire);
      if (!trusted) {
        log.event('rpc.refused', { reason: 'untrusted_sender' });
        return { ok: false, error: { code: 'unknown_channel', message: 'Refused.' } };
      }
      return dispatch(handlers, channel, request, { log });
    });
  }
}

export function forwardEvents(session: VaultSession, window: BrowserWindow): void {
  session.onEvent((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(eventChannel, name, payload);
  });
}
