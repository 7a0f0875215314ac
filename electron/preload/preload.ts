import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ObiBridge } from '../../shared/contract/bridge';
import { bridgeGlobalName } from '../../shared/contract/bridge';
import { channelPrefix, channels, eventChannel, eventNames, type EventName } from '../../shared/contract/ipc-contract';

/**
 * The one bridge between page and core: a frozen object with one function per contract channel and
 * one event subscription. `ipcRenderer` itself never reaches the page.
 */
const call = Object.freeze(
  Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channelPrefix + channel, request)])),
) as ObiBridge['call'];

const isEventName = (name: unknown): name is EventName => (eventNames as readonly unknown[]).includes(name);

const bridge: ObiBridge = Object.freeze({
  call,
  onEvent: (listener: Parameters<ObiBridge['onEvent']>[0]) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload as never);
    };
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.removeListener(eventChannel, handler);
    };
  },
});

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
