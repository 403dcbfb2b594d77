import { z } from 'zod';
import type { RefusedOutcome } from './bridge-contract';

/**
 * The backup part of the bridge (`window.timedesk.backupFiles`, …): its
 * argument schemas and results. Re-exported by bridge-contract.ts, which is
 * the one file the renderer imports from electron/.
 */

/** The most bytes one write or read moves across IPC (chunks are ~1 MiB; this bounds a runaway page). */
export const maxBackupIoBytes = 16 * 1024 * 1024;

const target = z.enum(['app-data', 'chosen-folder']);
const handle = z.string().regex(/^[0-9a-f]{32}$/, 'a handle returned by create');
const fileName = z.string().min(1).max(255);

/**
 * One file operation (main re-checks every name: only backup file names, in
 * the two backup folders).
 *
 * @example backupFilesRequestSchema.parse({ op: 'list', target: 'app-data' })
 */
export const backupFilesRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('folders') }),
  z.strictObject({ op: z.literal('forget-folder') }),
  z.strictObject({ op: z.literal('create'), target, name: fileName }),
  z.strictObject({ op: z.literal('write'), handle, bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.length <= maxBackupIoBytes, `at most ${maxBackupIoBytes} bytes`) }),
  z.strictObject({ op: z.literal('close'), handle }),
  z.strictObject({ op: z.literal('read'), handle, offset: z.number().int().min(0), length: z.number().int().min(1).max(maxBackupIoBytes) }),
  z.strictObject({ op: z.literal('commit'), handle }),
  z.strictObject({ op: z.literal('discard'), handle }),
  z.strictObject({ op: z.literal('list'), target }),
  z.strictObject({ op: z.literal('remove'), target, name: fileName }),
]);

/** See {@link backupFilesRequestSchema}. */
export type BackupFilesRequest = z.input<typeof backupFilesRequestSchema>;

/** A file operation that could not be done (full disk, folder gone): the earlier backups are untouched. */
export interface BackupFileFailure {
  outcome: 'failed';
  message: string;
}

/** What each operation answers. */
export type BackupFilesResult =
  | { outcome: 'folders'; appData: string; chosen: { folder: string; available: boolean } | null }
  | { outcome: 'created'; handle: string }
  | { outcome: 'read'; bytes: Uint8Array }
  | { outcome: 'listed'; names: string[] }
  | { outcome: 'done' }
  | BackupFileFailure
  | RefusedOutcome;

/** The native folder dialog's answer, after main validated the pick. */
export type ChooseBackupFolderResult = { outcome: 'chosen'; folder: string } | { outcome: 'cancelled' } | { outcome: 'unusable'; problem: string };

/** `awaitQuit()` resolves when the person quits the app: the renderer then backs up and calls `quitReady()`. */
export type AwaitQuitResult = { outcome: 'quitting' };
