import { ValidationError } from '../core/validation';
import type { BackupFileStore } from './backup-files';
import { downtimePackRequestSchema } from './downtime-bridge-contract';
import type { DowntimePackResult } from './downtime-bridge-contract';
import { writeDowntimeFiles } from './downtime-files';
import type { HtmlToPdf } from './downtime-files';
import { parseBridgeArgument } from './ipc-validation';

/** What the downtime handler needs from main. */
export interface DowntimeBridgeHost {
  files: Pick<BackupFileStore, 'usableChosenFolder'>;
  /** Prints a day sheet to PDF in a hidden window, or null where the shell cannot. */
  htmlToPdf: HtmlToPdf | null;
}

/**
 * `writeDowntimePack(request)`: the pack's files, validated, written into the
 * chosen backup folder's `downtime/` (checked again now, as backups are).
 * No chosen folder: `no-folder`; an unplugged one or a disk problem:
 * `failed` with the system's message.
 *
 * @example await handleWriteDowntimePack(host, [{ files }]) // { outcome: 'written', folder: '/media/usb/downtime', names: [...], pdfProblem: null }
 */
export async function handleWriteDowntimePack(host: DowntimeBridgeHost, args: readonly unknown[]): Promise<DowntimePackResult> {
  if (args.length !== 1) return { outcome: 'refused', problem: new ValidationError('invalid-format', 'arguments', `Expected 1 argument, got ${args.length}.`).toJSON() };
  const parsed = parseBridgeArgument(downtimePackRequestSchema, args[0], 'request');
  if (!parsed.ok) return { outcome: 'refused', problem: parsed.problem };
  try {
    const folder = await host.files.usableChosenFolder();
    if (folder === null) return { outcome: 'no-folder' };
    return { outcome: 'written', ...(await writeDowntimeFiles(folder, parsed.value.files, host.htmlToPdf)) };
  } catch (error) {
    return { outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
