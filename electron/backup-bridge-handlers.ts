import type { BackupFilesResult, ChooseBackupFolderResult } from './backup-bridge-contract';
import { backupFilesRequestSchema } from './backup-bridge-contract';
import { BackupFileError } from './backup-files';
import type { BackupFileStore } from './backup-files';
import type { RefusedOutcome } from './bridge-contract';
import { parseBridgeArgument } from './ipc-validation';
import type { QuitBackupCoordinator } from './quit-backup';
import { ValidationError } from '../core/validation';

/** What the backup handlers need from main. */
export interface BackupBridgeHost {
  files: BackupFileStore;
  /** `dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory'] })`. */
  showFolderDialog(): Promise<{ canceled: boolean; filePaths: string[] }>;
  quit: QuitBackupCoordinator;
  /** `app.quit()` once the quit backup is done. */
  quitNow(): void;
}

function failure(error: unknown): BackupFilesResult {
  if (error instanceof BackupFileError && error.kind === 'refused') {
    return { outcome: 'refused', problem: new ValidationError('invalid-format', `request.${error.field}`, error.message).toJSON() } satisfies RefusedOutcome;
  }
  return { outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * `backupFiles(request)`: one validated file operation. Bad input is a
 * `refused` outcome naming the field; a disk problem is `failed` with the
 * system's message (the renderer drops that target and keeps the others).
 *
 * @example await handleBackupFiles(host, [{ op: 'list', target: 'app-data' }]) // { outcome: 'listed', names: […] }
 */
export async function handleBackupFiles(host: BackupBridgeHost, args: readonly unknown[]): Promise<BackupFilesResult> {
  if (args.length !== 1) return { outcome: 'refused', problem: new ValidationError('invalid-format', 'arguments', `Expected 1 argument, got ${args.length}.`).toJSON() };
  const parsed = parseBridgeArgument(backupFilesRequestSchema, args[0], 'request');
  if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem };
  const request = parsed.value;
  const { files } = host;
  try {
    switch (request.op) {
      case 'folders':
        return { outcome: 'folders', ...(await files.folders()) };
      case 'forget-folder':
        await files.forget();
        return { outcome: 'done' };
      case 'create':
        return { outcome: 'created', handle: await files.create(request.target, request.name) };
      case 'write':
        await files.write(request.handle, request.bytes);
        return { outcome: 'done' };
      case 'close':
        await files.close(request.handle);
        return { outcome: 'done' };
      case 'read':
        return { outcome: 'read', bytes: await files.read(request.handle, request.offset, request.length) };
      case 'commit':
        await files.commit(request.handle);
        return { outcome: 'done' };
      case 'discard':
        await files.discard(request.handle);
        return { outcome: 'done' };
      case 'list':
        return { outcome: 'listed', names: await files.list(request.target) };
      case 'remove':
        await files.remove(request.target, request.name);
        return { outcome: 'done' };
    }
  } catch (error) {
    return failure(error);
  }
}

/**
 * `chooseBackupFolder()`: the native folder dialog (a page cannot answer it),
 * then main's own checks of the folder picked (electron/backup-files.ts
 * `validateBackupFolder`) before it is remembered.
 *
 * @example await handleChooseBackupFolder(host) // { outcome: 'chosen', folder: '/media/usb/backups' }
 */
export async function handleChooseBackupFolder(host: BackupBridgeHost, args: readonly unknown[]): Promise<ChooseBackupFolderResult | RefusedOutcome> {
  if (args.length !== 0) return { outcome: 'refused', problem: new ValidationError('invalid-format', 'arguments', 'Expected no arguments.').toJSON() };
  const choice = await host.showFolderDialog();
  const [picked] = choice.filePaths;
  if (choice.canceled || picked === undefined) return { outcome: 'cancelled' };
  const result = await host.files.choose(picked);
  return result.ok ? { outcome: 'chosen', folder: result.folder } : { outcome: 'unusable', problem: result.problem };
}
