import { channelPrefix } from '../../shared/contract/ipc-contract';
import { appOrigin } from '../core/app-shell/app-origin';

export interface SenderInfo {
  /** URL of the frame that sent the message, if Electron still knows it. */
  frameUrl: string | undefined;
  /** Whether that frame is the top frame of its window. */
  isMainFrame: boolean;
}

/** Only our own page, in the main frame, on our own channels may talk to the core. */
export function isTrustedSender(sender: SenderInfo, channel: string): boolean {
  if (!channel.startsWith(channelPrefix) || !sender.isMainFrame || !sender.frameUrl) return false;
  try {
    const url = new URL(sender.frameUrl);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}
