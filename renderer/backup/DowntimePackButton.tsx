import { useState } from 'react';
import type { CommandSession } from '../../core/commands';
import { useDeskBackups } from '../data/useDeskBackups';
import { text } from '../i18n';
import type { DowntimePackOutcome } from './downtime-pack';

function sentence(result: DowntimePackOutcome): string {
  const words = text.backup.downtime;
  switch (result.outcome) {
    case 'written':
      return result.pdfProblem ? `${words.written(result.folder)} ${words.noPdf(result.pdfProblem)}` : words.written(result.folder);
    case 'downloaded':
      return words.downloaded;
    case 'no-folder':
      return words.noFolder;
    case 'failed':
      return words.failed(result.problem);
  }
}

/**
 * The Backups screen's "Make the downtime pack" (managers and admins): the
 * next seven days on paper-ready files, written to the backup folder's
 * `downtime/` in the desktop app or downloaded in the browser; says where
 * they went or why not.
 *
 * @example <DowntimePackButton session={staff} />
 */
export function DowntimePackButton({ session }: { session: CommandSession }) {
  const backups = useDeskBackups();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DowntimePackOutcome | null>(null);
  const words = text.backup.downtime;

  async function make() {
    setBusy(true);
    setResult(null);
    try {
      setResult(await backups.downtimePack(session));
    } catch (error) {
      setResult({ outcome: 'failed', problem: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const trouble = result !== null && (result.outcome === 'failed' || result.outcome === 'no-folder');
  return (
    <section className="backup-downtime" aria-labelledby="backup-downtime-title">
      <h2 id="backup-downtime-title">{words.title}</h2>
      <p>{words.intro}</p>
      <button type="button" onClick={() => void make()} disabled={busy}>
        {busy ? words.making : words.make}
      </button>
      {result ? (
        <p role={trouble ? 'alert' : 'status'} className={trouble ? 'form-error' : 'backup-done'}>
          {sentence(result)}
        </p>
      ) : null}
    </section>
  );
}
