import { useState } from 'react';
import { recipientKeyId } from '../../core/backup';
import { useBackupStatus } from '../data/useBackupStatus';
import { useClinic } from '../data/useClinic';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { BackupFolder } from './BackupFolder';
import { BackupNowButton } from './BackupNowButton';
import { DowntimePackButton } from './DowntimePackButton';
import { backupWhen } from './backup-when';
import { PassphraseForm } from './PassphraseForm';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';

/**
 * Backups (managers and admins): the last verified backup, "Back up now",
 * the passphrase and the backup folder (admins), the downtime pack, the recent runs with each
 * target's result, and "Restore from a backup…" (admins).
 *
 * @example <BackupScreen />
 */
export function BackupScreen() {
  const words = text.backup;
  const staff = useSession((state) => state.staff);
  const status = useBackupStatus();
  const clinic = useClinic();
  const [restoring, setRestoring] = useState(false);
  if (!staff || !status) return null;
  const now = Date.now();
  const when = (instant: string) => backupWhen(instant, now, clinic.locale, clinic.timeZone);
  const isAdmin = staff.role === 'admin';
  return (
    <section className="backups" aria-labelledby="backups-title">
      <h1 id="backups-title">{words.title}</h1>
      <p>{words.intro}</p>
      <p className="backup-last" data-testid="backup-last">
        {status.lastVerified ? words.lastVerified(when(status.lastVerified.createdAt)) : words.noneYet}
        {status.last && status.last.outcome === 'failed' ? ` ${words.lastFailed(when(status.last.createdAt))}` : ''}
      </p>
      {status.key ? <BackupNowButton session={staff} /> : <p role="alert">{words.passphraseNotSet}</p>}

      <DowntimePackButton session={staff} />

      <section aria-labelledby="backup-passphrase-title">
        <h2 id="backup-passphrase-title">{words.passphraseTitle}</h2>
        {status.key ? <p>{words.passphraseSet(recipientKeyId(status.key.recipient), when(status.key.setAt))}</p> : null}
        {isAdmin ? <PassphraseForm /> : <p>{words.adminOnly}</p>}
      </section>

      {isAdmin ? <BackupFolder /> : null}

      {status.recent.length > 0 ? (
        <section aria-labelledby="backup-recent-title">
          <h2 id="backup-recent-title">{words.recent}</h2>
          <table className="backup-runs">
            <thead>
              <tr>
                <th scope="col">{words.recentColumns.when}</th>
                <th scope="col">{words.recentColumns.kind}</th>
                <th scope="col">{words.recentColumns.where}</th>
                <th scope="col">{words.recentColumns.outcome}</th>
              </tr>
            </thead>
            <tbody>
              {status.recent.map((run) => (
                <tr key={run.id}>
                  <td>{when(run.createdAt)}</td>
                  <td>{words.kinds[run.kind]}</td>
                  <td>{run.targets.map((target) => words.targets[target.target] ?? target.target).join(', ')}</td>
                  <td>
                    {run.targets
                      .map((target) => (target.outcome === 'verified' ? words.verified : `${words.failed}: ${target.problem ? words.problems[target.problem.code] : ''}`))
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {isAdmin ? (
        <section aria-labelledby="backup-restore-title">
          <h2 id="backup-restore-title">{words.restoreTitle}</h2>
          <button type="button" className="danger" onClick={() => setRestoring(true)}>
            {words.restoreButton}
          </button>
        </section>
      ) : null}
      {restoring ? <RestoreDialog session={staff} onClose={() => setRestoring(false)} timeZone={clinic.timeZone} locale={clinic.locale} /> : null}
    </section>
  );
}
