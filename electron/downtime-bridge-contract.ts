import { z } from 'zod';
import type { RefusedOutcome } from './bridge-contract';

/**
 * The downtime part of the bridge (`window.timedesk.writeDowntimePack`): its
 * argument schema and result. Re-exported by bridge-contract.ts, which is
 * the one file the renderer imports from electron/.
 */

/** The folder inside the chosen backup folder that holds the pack. */
export const downtimeFolderName = 'downtime';

/** The only names a pack file may have (core/downtime's): a day sheet, the visits CSV, the phone list. */
export const downtimeFileNamePattern = /^(\d{4}-\d{2}-\d{2}-day-sheet\.html|visits\.csv|phone-list\.(html|csv))$/;

/** The most characters one pack file may hold (a week of a big clinic is well under 1 MiB). */
export const maxDowntimeFileCharacters = 8 * 1024 * 1024;

/**
 * The pack's files as core/downtime made them (main re-checks every name:
 * no path, only the pack's own names, each once).
 *
 * @example downtimePackRequestSchema.parse({ files: [{ name: 'visits.csv', text: '…' }] })
 */
export const downtimePackRequestSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().regex(downtimeFileNamePattern, 'a downtime pack file name'),
        text: z.string().max(maxDowntimeFileCharacters),
      }),
    )
    .min(1)
    .max(40)
    .refine((files) => new Set(files.map((file) => file.name)).size === files.length, 'each file once'),
});

/** See {@link downtimePackRequestSchema}. */
export type DowntimePackRequest = z.input<typeof downtimePackRequestSchema>;

/**
 * What `writeDowntimePack` answers: the folder written and the files in it
 * (with a PDF beside each day sheet when the shell could print one), no
 * chosen folder, or a disk failure.
 */
export type DowntimePackResult =
  | { outcome: 'written'; folder: string; names: string[]; pdfProblem: string | null }
  | { outcome: 'no-folder' }
  | { outcome: 'failed'; message: string }
  | RefusedOutcome;
