import { desktopBridge } from '../desktop/desktop-bridge';
import type { SaveOutcome } from '../desktop/desktop-bridge';

/** A file to hand to the user: its suggested name, its text in parts, its type. */
export interface ExportFile {
  name: string;
  /** The text in chunks (Blob parts); joined only where the desktop bridge needs one string. */
  parts: readonly string[];
  mimeType: string;
  /** Save-dialog filter, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
  filter: { name: string; extensions: string[] };
}

/**
 * Offers a file to the user: the desktop shell's save dialog when
 * `window.timedesk` exists (its `saveFile` takes one string), otherwise a
 * browser download of a Blob built from the parts as they are, so the text is
 * never concatenated in the page.
 *
 * @example await saveExportFile({ name: 'audit.csv', parts: csvParts, mimeType: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } });
 */
export async function saveExportFile(file: ExportFile): Promise<SaveOutcome> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.saveFile({ suggestedName: file.name, content: file.parts.join(''), filters: [file.filter] });
    return result.outcome === 'refused' ? { outcome: 'refused', message: result.problem.message } : result;
  }
  const url = URL.createObjectURL(new Blob([...file.parts], { type: `${file.mimeType};charset=utf-8` }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoke after the download has started; the click only queues it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { outcome: 'downloaded', fileName: file.name };
}
