import { useState } from 'react';
import type { CommandSession } from '../../core/commands';
import { text } from '../i18n';
import { useDeskBackups } from '../data/useDeskBackups';
import type { BackupProgress } from './desk-backups';
import { NoBackupPassphrase } from './desk-backups';
import { backupProblemSentence } from './backup-problem';

function percent(progress: BackupProgress): number {
  return progress.totalRows === 0 ? 0 : Math.floor((progress.rows / progress.totalRows) * 100);
}

/**
 * "Back up now": runs a backup (in the browser: then downloads it), shows
 * the progress, and says how it ended.
 *
 * @example <BackupNowButton session={staff} />
 */
export function BackupNowButton({ session }: { session: CommandSession }) {
  const backups = useDeskBackups();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);

  async function backUp() {
    setMessage(null);
    setProgress({ phase: 'writing', rows: 0, totalRows: 0 });
    try {
      const result = await backups.backUp('manual', session, setProgress);
      if (result.outcome === 'verified') {
        setMessage({ kind: 'done', text: backups.writesFiles ? text.backup.backedUp(new Date(result.finishedAt).toLocaleTimeString()) : text.backup.downloadedHint });
      } else {
        const failed = result.targets.find((target) => target.problem)?.problem ?? result.problem;
        setMessage({ kind: 'failed', text: backupProblemSentence(failed) });
      }
    } catch (error) {
      setMessage({ kind: 'failed', text: error instanceof NoBackupPassphrase ? text.backup.needsPassphrase : backupProblemSentence(error) });
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="backup-now">
      <button type="button" className="primary" onClick={() => void backUp()} disabled={progress !== null}>
        {progress === null ? text.backup.backUpNow : progress.phase === 'verifying' ? text.backup.verifying(percent(progress)) : text.backup.backingUp(percent(progress))}
      </button>
      {progress !== null ? <progress max={100} value={percent(progress)} aria-label={text.backup.backUpNow} /> : null}
      {message ? (
        <p role={message.kind === 'failed' ? 'alert' : 'status'} className={message.kind === 'failed' ? 'form-error' : 'backup-done'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
