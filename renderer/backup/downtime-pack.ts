import type { CommandRunner, CommandSession } from '../../core/commands';
import { readClinicSettings } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import type { DowntimePack } from '../../core/downtime';
import type { TimedeskBridge } from '../../electron/bridge-contract';
import { downloadInBrowser } from '../desktop/desktop-bridge';
import { text } from '../i18n';

/** The pause between two downloads of the pack in the browser. */
const downloadGapMs = 300;

/** How making the pack ended, for the Backups screen to say. */
export type DowntimePackOutcome =
  | { outcome: 'written'; folder: string; pdfProblem: string | null }
  | { outcome: 'downloaded' }
  | { outcome: 'no-folder' }
  | { outcome: 'failed'; problem: string };

/**
 * Makes the downtime pack (core/commands' `downtime/pack`, in the clinic's
 * locale and the desk's words) and puts it where this build can: the
 * desktop app writes it into the backup folder's `downtime/` through the
 * shell (a PDF beside each day sheet), the browser downloads each file.
 * `nobodySignedIn` as session is the refresh after the daily backup.
 *
 * @example await makeDowntimePack({ db, commands, bridge }, staff) // { outcome: 'written', folder: '/media/usb/downtime', pdfProblem: null }
 */
export async function makeDowntimePack(deps: { db: TimedeskDb; commands: CommandRunner; bridge: TimedeskBridge | undefined }, session: CommandSession): Promise<DowntimePackOutcome> {
  const clinic = await readClinicSettings(deps.db);
  const made = await deps.commands.run('downtime/pack', { locale: clinic.locale, words: { ...text.backup.downtime.files } }, session);
  if (!made.ok) return { outcome: 'failed', problem: made.error.message };
  const pack: DowntimePack = made.value;
  if (!deps.bridge) {
    // One at a time, a moment apart: Chromium drops some of several downloads started in the same instant.
    for (const [index, file] of pack.files.entries()) {
      if (index > 0) await new Promise((resolve) => setTimeout(resolve, downloadGapMs));
      downloadInBrowser(file.name, new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
    }
    return { outcome: 'downloaded' };
  }
  const written = await deps.bridge.writeDowntimePack({ files: pack.files.map((file) => ({ name: file.name, text: file.text })) });
  switch (written.outcome) {
    case 'written':
      return { outcome: 'written', folder: written.folder, pdfProblem: written.pdfProblem };
    case 'no-folder':
      return written;
    case 'failed':
      return { outcome: 'failed', problem: written.message };
    case 'refused':
      return { outcome: 'failed', problem: written.problem.message };
  }
}
