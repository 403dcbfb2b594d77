import path from 'node:path';
import { ValidationError } from '../core/validation';
import { allowSyncServerRequestSchema, bridgeChannels, noArgumentsSchema, openExternalRequestSchema, saveFileRequestSchema } from './bridge-contract';
import type { AllowSyncServerResult, AppInfo, BridgeChannel, OpenExternalResult, PrintResult, RefusedOutcome, SaveFileResult } from './bridge-contract';
import { assertTrustedSender, parseBridgeArgument } from './ipc-validation';
import type { SenderFrameFacts } from './ipc-validation';
import { handleBackupFiles, handleChooseBackupFolder } from './backup-bridge-handlers';
import type { BackupBridgeHost } from './backup-bridge-handlers';
import { handleWriteDowntimePack } from './downtime-bridge-handlers';
import type { DowntimeBridgeHost } from './downtime-bridge-handlers';
import { openExternallyAfterConfirmation } from './navigation-guard';
import { allowSyncServerOrigin } from './sync-server-permission';
import type { SyncServerPermissionHost } from './sync-server-permission';

/**
 * The bodies of the bridge's IPC handlers, with every Electron call injected
 * (dialogs, printing, shell, file writes) so they run in plain Node tests.
 * Main only adapts `ipcMain.handle(channel, (event, ...args) => …)` onto
 * {@link createBridgeDispatcher}.
 */

/** The side effects the handlers need, provided by main from Electron's APIs. */
export interface BridgeHost {
  appInfo: AppInfo;
  /** `dialog.showSaveDialog(window, …)`. */
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  /** Writes UTF-8 text; only ever called with a path the user picked in the dialog. */
  writeTextFile(filePath: string, content: string): Promise<void>;
  /** `webContents.print({}, callback)` as a promise of the callback's arguments. */
  print(): Promise<{ success: boolean; failureReason: string }>;
  /** Asks the user whether to open a URL in the system browser. */
  confirmOpenExternal(url: string): Promise<boolean>;
  /** `shell.openExternal`. */
  openExternal(url: string): Promise<void>;
  /** The CSP's sync origin: read it, ask the person, persist and apply a new one. */
  syncServer: SyncServerPermissionHost;
  /** Backup files, the folder dialog and the quit backup (backup-bridge-handlers.ts). */
  backups: BackupBridgeHost;
  /** The downtime pack's folder and PDF printing (downtime-bridge-handlers.ts). */
  downtime: DowntimeBridgeHost;
}

type Handler = (args: readonly unknown[]) => Promise<unknown>;

function refused(field: string, message: string): RefusedOutcome {
  return { outcome: 'refused', problem: new ValidationError('invalid-format', field, message).toJSON() };
}

/** Exactly `count` arguments, or the refusal naming the surplus/missing ones. */
function argumentCountProblem(args: readonly unknown[], count: number): RefusedOutcome | undefined {
  if (args.length === count) return undefined;
  return refused('arguments', `Expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}.`);
}

/**
 * One handler per channel. Each validates its arguments with the contract's
 * schema and answers a `refused` outcome (never a thrown error) for bad input,
 * so the renderer can show which field was wrong.
 *
 * @example await createBridgeHandlers(host)['timedesk:open-external'](['javascript:alert(1)']) // { outcome: 'refused', problem: { field: 'url', … } }
 */
export function createBridgeHandlers(host: BridgeHost): Record<BridgeChannel, Handler> {
  return {
    [bridgeChannels.getAppInfo]: async (args) => {
      const parsed = parseBridgeArgument(noArgumentsSchema, args, 'arguments');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem } satisfies RefusedOutcome;
      return { ...host.appInfo } satisfies AppInfo;
    },

    [bridgeChannels.saveFile]: async (args): Promise<SaveFileResult> => {
      const countProblem = argumentCountProblem(args, 1);
      if (countProblem) return countProblem;
      const parsed = parseBridgeArgument(saveFileRequestSchema, args[0], 'request');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem };
      const { suggestedName, content, filters } = parsed.value;
      const choice = await host.showSaveDialog({ defaultPath: suggestedName, filters });
      if (choice.canceled || !choice.filePath) return { outcome: 'cancelled' };
      await host.writeTextFile(choice.filePath, content);
      return { outcome: 'saved', fileName: path.basename(choice.filePath) };
    },

    [bridgeChannels.printDaySheet]: async (args): Promise<PrintResult | RefusedOutcome> => {
      const parsed = parseBridgeArgument(noArgumentsSchema, args, 'arguments');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem };
      const { success, failureReason } = await host.print();
      if (success) return { outcome: 'printed' };
      return failureReason === 'cancelled' ? { outcome: 'cancelled' } : { outcome: 'failed', reason: failureReason };
    },

    [bridgeChannels.openExternal]: async (args): Promise<OpenExternalResult> => {
      const countProblem = argumentCountProblem(args, 1);
      if (countProblem) return countProblem;
      const parsed = parseBridgeArgument(openExternalRequestSchema, args[0], 'url');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem };
      const outcome = await openExternallyAfterConfirmation(parsed.value, {
        confirm: (url) => host.confirmOpenExternal(url),
        openExternal: (url) => host.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK: only inside openExternallyAfterConfirmation (https-only, user-confirmed)
      });
      if (outcome === 'refused') return refused('url', 'Only https links can be opened in the browser.');
      return { outcome };
    },

    [bridgeChannels.allowSyncServer]: async (args): Promise<AllowSyncServerResult> => {
      const countProblem = argumentCountProblem(args, 1);
      if (countProblem) return countProblem;
      const parsed = parseBridgeArgument(allowSyncServerRequestSchema, args[0], 'origin');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem };
      const result = await allowSyncServerOrigin(parsed.value, host.syncServer);
      if (result.outcome === 'invalid-origin') {
        return refused('origin', `The sync server must be an https origin (or http on this computer) with nothing after it: ${result.reason}.`);
      }
      return result;
    },

    [bridgeChannels.backupFiles]: (args) => handleBackupFiles(host.backups, args),
    [bridgeChannels.chooseBackupFolder]: (args) => handleChooseBackupFolder(host.backups, args),
    [bridgeChannels.awaitQuit]: async (args) => {
      const parsed = parseBridgeArgument(noArgumentsSchema, args, 'arguments');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem } satisfies RefusedOutcome;
      return host.backups.quit.awaitQuit();
    },
    [bridgeChannels.quitReady]: async (args) => {
      const parsed = parseBridgeArgument(noArgumentsSchema, args, 'arguments');
      if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem } satisfies RefusedOutcome;
      host.backups.quit.ready(() => host.backups.quitNow());
      return { outcome: 'done' };
    },
    [bridgeChannels.writeDowntimePack]: (args) => handleWriteDowntimePack(host.downtime, args),
  };
}

/**
 * The full pipeline for one call: channel known, sender trusted (throws
 * otherwise, rejecting the renderer's promise), then the handler.
 *
 * @example const dispatch = createBridgeDispatcher(host); await dispatch('timedesk:get-app-info', { url: 'app://timedesk/index.html', isMainFrame: true }, [])
 */
export function createBridgeDispatcher(host: BridgeHost): (channel: string, sender: SenderFrameFacts | null, args: readonly unknown[]) => Promise<unknown> {
  const handlers = createBridgeHandlers(host);
  return async (channel, sender, args) => {
    assertTrustedSender(channel, sender);
    const handler = Object.hasOwn(handlers, channel) ? handlers[channel as BridgeChannel] : undefined;
    if (!handler) throw new Error(`Unknown channel ${channel}.`);
    return handler(args);
  };
}
