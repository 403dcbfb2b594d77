import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { downtimeFileNamePattern, downtimeFolderName } from './downtime-bridge-contract';

/** Turns one day sheet's HTML into a PDF (electron/pdf-print.ts in the app; a fake in tests). */
export type HtmlToPdf = (html: string) => Promise<Uint8Array>;

/** A day sheet (HTML, or the PDF printed from it) of some date: the kind a refresh replaces. */
const daySheetPattern = /^\d{4}-\d{2}-\d{2}-day-sheet\.(html|pdf)(\.partial)?$/;
const partialSuffix = '.partial';

/** Writes `<name>.partial`, flushes it to the disk (fsync), then renames it over `<name>`: a cut never leaves half a file under the real name. */
async function writeWhole(folder: string, name: string, bytes: Uint8Array): Promise<void> {
  const partial = path.join(folder, `${name}${partialSuffix}`);
  const handle = await open(partial, 'w');
  try {
    await handle.write(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, path.join(folder, name));
}

/**
 * Writes the downtime pack into `<backupFolder>/downtime/`: every file
 * whole (`.partial`, fsync, rename — over the previous pack's file of that
 * name), a PDF beside each day sheet when `htmlToPdf` is given (one that
 * fails is reported, and the HTML files still count), then removes the day
 * sheets of days the new pack no longer covers. Names are re-checked here
 * (core/downtime's only), so nothing lands outside the folder.
 *
 * @example await writeDowntimeFiles('/media/usb/backups', pack.files, htmlToPdf) // { folder: '/media/usb/backups/downtime', names: [...], pdfProblem: null }
 */
export async function writeDowntimeFiles(
  backupFolder: string,
  files: readonly { name: string; text: string }[],
  htmlToPdf: HtmlToPdf | null,
): Promise<{ folder: string; names: string[]; pdfProblem: string | null }> {
  for (const file of files) if (!downtimeFileNamePattern.test(file.name)) throw new Error(`Not a downtime pack file name: ${JSON.stringify(file.name)}.`);
  const folder = path.join(backupFolder, downtimeFolderName);
  await mkdir(folder, { recursive: true });
  const names: string[] = [];
  let pdfProblem: string | null = htmlToPdf ? null : 'This shell cannot print to PDF.';
  const encoder = new TextEncoder();
  for (const file of files) {
    await writeWhole(folder, file.name, encoder.encode(file.text));
    names.push(file.name);
    if (htmlToPdf && pdfProblem === null && file.name.endsWith('-day-sheet.html')) {
      const pdfName = file.name.replace(/\.html$/, '.pdf');
      try {
        await writeWhole(folder, pdfName, await htmlToPdf(file.text));
        names.push(pdfName);
      } catch (error) {
        pdfProblem = error instanceof Error ? error.message : String(error);
      }
    }
  }
  const kept = new Set(names);
  for (const name of await readdir(folder)) {
    if (daySheetPattern.test(name) && !kept.has(name)) await unlink(path.join(folder, name)).catch(() => undefined);
  }
  return { folder, names, pdfProblem };
}
