import type { AwaitQuitResult, BackupFilesRequest, BackupFilesResult, ChooseBackupFolderResult } from './backup-bridge-contract';
import type { DowntimePackRequest, DowntimePackResult } from './downtime-bridge-contract';
import { z } from 'zod';
import type { ValidationProblem } from '../core/validation';
import { maxOriginLength } from './content-security-policy';

/**
 * The one contract between the renderer and the desktop shell: channel names,
 * the zod schemas main validates every argument with, and the `TimedeskBridge`
 * type the renderer imports with `import type`. Preload and main both read it,
 * so the two sides cannot drift.
 *
 * Nothing here imports Electron: the renderer and Node unit tests load it too.
 */

export { bridgeChannels, bridgeMethodNames } from './bridge-channels';
export type { BridgeChannel } from './bridge-channels';

/**
 * Largest `content` saveFile accepts, in UTF-16 code units (JavaScript string
 * length): 64 Mi characters, at most ~192 MiB of UTF-8 on disk. A year of
 * audit entries of a busy clinic (100 appointments a day, ~5 entries each,
 * ~150 characters a row: ~27 M characters) fits twice over; longer histories
 * are exported per date range. The cap keeps a runaway renderer from making
 * main clone and buffer gigabytes.
 *
 * @example saveFileRequestSchema.safeParse({ suggestedName: 'a.csv', content: 'x'.repeat(maxSaveFileCharacters + 1) }).success // false
 */
export const maxSaveFileCharacters = 64 * 1024 * 1024;

/** Longest URL openExternal accepts; browsers cap practical URLs near this too. */
export const maxExternalUrlLength = 2048;

// Windows and POSIX reserved characters plus control characters: a suggested
// name is a bare file name, never a path the dialog would start in.
// eslint-disable-next-line no-control-regex
const unsafeFileNameCharacters = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * A file-type filter for the native save dialog, e.g. CSV files.
 *
 * @example fileFilterSchema.parse({ name: 'CSV', extensions: ['csv'] })
 */
export const fileFilterSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'An extension is 1 to 16 letters or digits, without the dot.'))
    .min(1)
    .max(10),
});

/**
 * Arguments of `saveFile`: a bare suggested file name, the text to write and
 * optional dialog filters. Unknown keys are refused, not ignored.
 *
 * @example saveFileRequestSchema.parse({ suggestedName: 'audit-2026-11.csv', content: 'id,at\n', filters: [{ name: 'CSV', extensions: ['csv'] }] })
 */
export const saveFileRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((name) => !unsafeFileNameCharacters.test(name) && name !== '.' && name !== '..', {
      message: 'Suggested name must be a file name, not a path.',
    }),
  content: z.string().max(maxSaveFileCharacters),
  filters: z.array(fileFilterSchema).max(10).default([]),
});

/** The validated arguments of `saveFile`. */
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/**
 * Argument of `openExternal`: a URL string. Whether it may be opened (https
 * only, after the user confirms) is decided in main by the navigation guard.
 *
 * @example openExternalRequestSchema.parse('https://example.org/help')
 */
export const openExternalRequestSchema = z.string().min(1).max(maxExternalUrlLength);

/**
 * Argument of `allowSyncServer`: the sync server's bare origin
 * (`https://sync.clinic.example`, `http://127.0.0.1:8787`). Whether it is an
 * origin CSP may name is decided in main (sync-server-permission.ts); this
 * only bounds the size before anything parses it.
 *
 * @example allowSyncServerRequestSchema.parse('https://sync.clinic.example')
 */
export const allowSyncServerRequestSchema = z.string().min(1).max(maxOriginLength);

/** Methods that take no argument accept exactly none (a stray argument is refused). */
export const noArgumentsSchema = z.tuple([]);

/** What `getAppInfo` resolves to. */
export interface AppInfo {
  name: string;
  version: string;
  platform: 'darwin' | 'win32' | 'linux' | string;
}

/**
 * Main refused the arguments: `problem` names the field and carries a stable
 * code (see core/validation) for the renderer's sentence table.
 */
export interface RefusedOutcome {
  outcome: 'refused';
  problem: ValidationProblem;
}

/** What `saveFile` resolves to. `fileName` is the base name the user chose. */
export type SaveFileResult = { outcome: 'saved'; fileName: string } | { outcome: 'cancelled' } | RefusedOutcome;

/** What `printDaySheet` resolves to; `reason` is Chromium's failure text. */
export type PrintResult = { outcome: 'printed' } | { outcome: 'cancelled' } | { outcome: 'failed'; reason: string };

/** What `openExternal` resolves to: opened, the user said no, or the URL is never opened. */
export type OpenExternalResult = { outcome: 'opened' } | { outcome: 'declined' } | RefusedOutcome;

/**
 * What `allowSyncServer` resolves to: allowed (then, when `reloadRequired`,
 * the page must reload before it can reach the server: a document keeps the
 * policy it was loaded with), the person at the desk said no, or refused.
 */
export type AllowSyncServerResult = { outcome: 'allowed'; origin: string; reloadRequired: boolean } | { outcome: 'declined' } | RefusedOutcome;

/**
 * `window.timedesk` in the desktop app. Absent in a plain browser (`npm run
 * web`): the renderer checks `window.timedesk` and falls back to browser APIs
 * (a download link for saveFile, `window.print()`, `window.open`).
 *
 * @example
 * const result = await window.timedesk?.saveFile({ suggestedName: 'audit.csv', content: csv, filters: [{ name: 'CSV', extensions: ['csv'] }] });
 */
export interface TimedeskBridge {
  getAppInfo(): Promise<AppInfo>;
  saveFile(request: { suggestedName: string; content: string; filters?: { name: string; extensions: string[] }[] }): Promise<SaveFileResult>;
  printDaySheet(): Promise<PrintResult>;
  openExternal(url: string): Promise<OpenExternalResult>;
  /** Lets the page connect to this sync server origin (Settings → Sync), after the person confirms. */
  allowSyncServer(origin: string): Promise<AllowSyncServerResult>;
  /** Backup files in the app's data folder and the chosen folder (electron/backup-files.ts). */
  backupFiles(request: BackupFilesRequest): Promise<BackupFilesResult>;
  /** The native folder dialog; main validates and remembers the folder. */
  chooseBackupFolder(): Promise<ChooseBackupFolderResult>;
  /** Resolves when the person quits; the app then waits (up to 2 minutes) for `quitReady()`. */
  awaitQuit(): Promise<AwaitQuitResult>;
  /** The quit backup is done (or failed): the app may close. */
  quitReady(): Promise<{ outcome: 'done' }>;
  /** Writes the downtime pack into the chosen backup folder's `downtime/` (electron/downtime-files.ts), a PDF beside each day sheet. */
  writeDowntimePack(request: DowntimePackRequest): Promise<DowntimePackResult>;
}

export { backupFilesRequestSchema, maxBackupIoBytes } from './backup-bridge-contract';
export { downtimePackRequestSchema, downtimeFileNamePattern, downtimeFolderName, maxDowntimeFileCharacters } from './downtime-bridge-contract';
export type { DowntimePackRequest, DowntimePackResult } from './downtime-bridge-contract';
export type { AwaitQuitResult, BackupFileFailure, BackupFilesRequest, BackupFilesResult, ChooseBackupFolderResult } from './backup-bridge-contract';
