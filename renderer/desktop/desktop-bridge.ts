import type { TimedeskBridge } from '../../electron/bridge-contract';

/**
 * The desktop shell's bridge (`window.timedesk`, see electron/bridge-contract.ts),
 * or `undefined` in a plain browser (`npm run web`). Features call the
 * helpers below, which fall back to browser APIs, rather than this directly.
 *
 * @example if (desktopBridge()) showNativeMenuHint();
 */
export function desktopBridge(): TimedeskBridge | undefined {
  return (globalThis as { timedesk?: TimedeskBridge }).timedesk;
}

/** How printing ended; the browser's dialog does not say, so it reports `'opened'`. */
export type PrintOutcome = 'printed' | 'cancelled' | 'failed' | 'opened';

/**
 * Prints the current screen with the print stylesheet: through the desktop
 * shell's print dialog when there is one, otherwise `window.print()`.
 *
 * @example await printCurrentView();
 */
export async function printCurrentView(): Promise<PrintOutcome> {
  const bridge = desktopBridge();
  if (!bridge) {
    window.print();
    return 'opened';
  }
  return (await bridge.printDaySheet()).outcome;
}

/** How saving ended. */
export type SaveOutcome = { outcome: 'saved'; fileName: string } | { outcome: 'cancelled' } | { outcome: 'refused'; message: string } | { outcome: 'downloaded'; fileName: string };

/**
 * Saves text as a file: the desktop shell's save dialog when present,
 * otherwise a browser download of the same content.
 *
 * @example await saveTextFile('audit-2026-11.csv', csv, [{ name: 'CSV', extensions: ['csv'] }]);
 */
export async function saveTextFile(suggestedName: string, content: string, filters: { name: string; extensions: string[] }[] = []): Promise<SaveOutcome> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.saveFile({ suggestedName, content, filters });
    return result.outcome === 'refused' ? { outcome: 'refused', message: result.problem.message } : result;
  }
  downloadInBrowser(suggestedName, new Blob([content], { type: 'text/plain;charset=utf-8' }));
  return { outcome: 'downloaded', fileName: suggestedName };
}

/**
 * Offers `blob` as a browser download named `fileName` (the web build's way
 * to save: text exports, backup files).
 *
 * @example downloadInBrowser('audit.csv', new Blob([csv], { type: 'text/csv' }));
 */
export function downloadInBrowser(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoke a little later: the click starts the download asynchronously, and a large
    // file (a backup) may still be read from the URL after the next turn.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
