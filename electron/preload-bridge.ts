import { bridgeChannels } from './bridge-channels';
import type { BridgeChannel } from './bridge-channels';
import type { TimedeskBridge } from './bridge-contract';

/**
 * Builds the object the preload exposes as `window.timedesk`. Separate from
 * preload.ts so it runs in Node tests with a fake `invoke`.
 */

/** `ipcRenderer.invoke`, narrowed to what the bridge uses. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

const allowedChannels: ReadonlySet<string> = new Set(Object.values(bridgeChannels));

/**
 * Wraps `invoke` so only the contract's `timedesk:` channels can ever be sent;
 * any other channel throws before reaching IPC.
 *
 * @example guardedInvoke(ipcRenderer.invoke)('ELECTRON_BROWSER_REQUIRE', 'fs') // throws
 */
export function guardedInvoke(invoke: Invoke): (channel: BridgeChannel, ...args: unknown[]) => Promise<unknown> {
  return (channel, ...args) => {
    if (!channel.startsWith('timedesk:') || !allowedChannels.has(channel)) {
      return Promise.reject(new Error(`Channel ${String(channel)} is not part of the Timedesk bridge.`));
    }
    return invoke(channel, ...args);
  };
}

/**
 * The bridge: exactly the named methods of {@link TimedeskBridge}, each passing
 * its arguments through unchanged (main validates them). Plain functions on a
 * frozen object, so the page cannot swap them or reach `ipcRenderer`.
 *
 * @example contextBridge.exposeInMainWorld('timedesk', createTimedeskBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
 */
export function createTimedeskBridge(invoke: Invoke): TimedeskBridge {
  const send = guardedInvoke(invoke);
  return Object.freeze({
    getAppInfo: () => send(bridgeChannels.getAppInfo) as ReturnType<TimedeskBridge['getAppInfo']>,
    saveFile: (request: unknown) => send(bridgeChannels.saveFile, request) as ReturnType<TimedeskBridge['saveFile']>,
    printDaySheet: () => send(bridgeChannels.printDaySheet) as ReturnType<TimedeskBridge['printDaySheet']>,
    openExternal: (url: unknown) => send(bridgeChannels.openExternal, url) as ReturnType<TimedeskBridge['openExternal']>,
    allowSyncServer: (origin: unknown) => send(bridgeChannels.allowSyncServer, origin) as ReturnType<TimedeskBridge['allowSyncServer']>,
    backupFiles: (request: unknown) => send(bridgeChannels.backupFiles, request) as ReturnType<TimedeskBridge['backupFiles']>,
    chooseBackupFolder: () => send(bridgeChannels.chooseBackupFolder) as ReturnType<TimedeskBridge['chooseBackupFolder']>,
    awaitQuit: () => send(bridgeChannels.awaitQuit) as ReturnType<TimedeskBridge['awaitQuit']>,
    quitReady: () => send(bridgeChannels.quitReady) as ReturnType<TimedeskBridge['quitReady']>,
    writeDowntimePack: (request: unknown) => send(bridgeChannels.writeDowntimePack, request) as ReturnType<TimedeskBridge['writeDowntimePack']>,
  });
}
