/**
 * Channel names of the bridge, apart from the zod schemas so the sandboxed
 * preload bundle does not carry zod. Re-exported by bridge-contract.ts.
 */

/**
 * The IPC channel of each bridge method. Every channel starts with `timedesk:`;
 * the preload refuses anything else and main registers nothing else.
 *
 * @example bridgeChannels.saveFile // 'timedesk:save-file'
 */
export const bridgeChannels = {
  getAppInfo: 'timedesk:get-app-info',
  saveFile: 'timedesk:save-file',
  printDaySheet: 'timedesk:print-day-sheet',
  openExternal: 'timedesk:open-external',
  allowSyncServer: 'timedesk:allow-sync-server',
  backupFiles: 'timedesk:backup-files',
  chooseBackupFolder: 'timedesk:choose-backup-folder',
  awaitQuit: 'timedesk:await-quit',
  quitReady: 'timedesk:quit-ready',
  writeDowntimePack: 'timedesk:write-downtime-pack',
} as const;

/** One of the channels in {@link bridgeChannels}. */
export type BridgeChannel = (typeof bridgeChannels)[keyof typeof bridgeChannels];

/**
 * The bridge's method names, in declaration order (the e2e test compares `window.timedesk` against it).
 *
 * @example bridgeMethodNames // ['getAppInfo', 'saveFile', 'printDaySheet', 'openExternal', 'allowSyncServer', 'backupFiles', …]
 */
export const bridgeMethodNames = Object.keys(bridgeChannels) as (keyof typeof bridgeChannels)[];
