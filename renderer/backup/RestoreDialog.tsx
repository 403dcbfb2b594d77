import { useState } from 'react';
import type { FormEvent } from 'react';
import type { BackupInspection } from '../../core/backup-restore';
import type { CommandSession } from '../../core/commands';
import { Modal } from '../dialog/Modal';
import { useDeskBackups } from '../data/useDeskBackups';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { text } from '../i18n';
import { backupProblemSentence } from './backup-problem';
import { backupWhen } from './backup-when';
import type { BackupProgress } from './desk-backups';

/** Where the restore stands: choose a file → see what it holds and give the passphrase → working → done. */
type Step =
  | { kind: 'choose' }
  | { kind: 'confirm'; file: File; inspection: BackupInspection }
  | { kind: 'working'; progress: BackupProgress }
  | { kind: 'done'; syncUnreachable: boolean };

function percent(progress: BackupProgress): number {
  return progress.totalRows === 0 ? 0 : Math.floor((progress.rows / progress.totalRows) * 100);
}

/**
 * Restore from a backup (issue 14): pick a file → the desk shows what it
 * holds (clinic, date, counts) before asking for anything → the passphrase
 * (and, for another clinic's file, its name typed) → every part checked →
 * the current data backed up → replaced → the app restarts. On a set-up desk
 * only an administrator reaches it (the engine refuses anyone else anyway).
 *
 * @example <RestoreDialog session={admin} onClose={close} />
 */
export function RestoreDialog({ session, onClose, timeZone, locale }: { session: CommandSession | null; onClose: () => void; timeZone: string; locale: string }) {
  const backups = useDeskBackups();
  const words = text.backup;
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [clinicName, setClinicName] = useState('');

  async function choose(file: File | undefined) {
    setError(undefined);
    if (!file) return;
    try {
      setStep({ kind: 'confirm', file, inspection: await backups.inspect(file) });
    } catch (problem) {
      setError(backupProblemSentence(problem));
    }
  }

  async function restore(event: FormEvent, file: File, inspection: BackupInspection) {
    event.preventDefault();
    setError(undefined);
    setStep({ kind: 'working', progress: { phase: 'verifying', rows: 0, totalRows: inspection.summary.totalRows } });
    try {
      const { catchUp } = await backups.restore({
        file,
        passphrase,
        session,
        ...(inspection.clinic === 'other' ? { confirmClinicName: clinicName } : {}),
        onProgress: (progress) => setStep({ kind: 'working', progress }),
      });
      setStep({ kind: 'done', syncUnreachable: catchUp === 'unreachable' || catchUp === 'diverged' });
      // Everything in memory (session, live queries, the sync client) belongs to the replaced database.
      setTimeout(() => window.location.reload(), 2500);
    } catch (problem) {
      setStep({ kind: 'confirm', file, inspection });
      setError(backupProblemSentence(problem));
    }
  }

  return (
    <Modal title={words.restoreTitle} onClose={step.kind === 'working' || step.kind === 'done' ? () => undefined : onClose} className="restore-dialog">
      <p>{words.restoreIntro}</p>
      {step.kind === 'choose' ? (
        <>
          <Field label={words.restoreChoose} hint={words.restoreChooseHint} error={error}>
            <input type="file" accept=".tdbackup" onChange={(event) => void choose(event.target.files?.[0])} />
          </Field>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {words.restoreCancel}
            </button>
          </div>
        </>
      ) : null}
      {step.kind === 'confirm' ? (
        <form onSubmit={(event) => void restore(event, step.file, step.inspection)} noValidate>
          <p data-testid="restore-summary">
            <strong>{words.restoreWhat(step.inspection.header.clinic.name, backupWhen(step.inspection.header.createdAt, Date.now(), locale, timeZone))}</strong>{' '}
            {words.restoreCounts(step.inspection.summary.counts['appointments'] ?? 0, step.inspection.summary.counts['patients'] ?? 0, step.inspection.summary.counts['audit'] ?? 0)}
          </p>
          {step.inspection.otherDevice && step.inspection.clinic !== 'fresh-desk' ? <p className="backup-warning-text">{words.restoreOtherDevice}</p> : null}
          {step.inspection.clinic === 'other' ? (
            <Field label={words.restoreOtherClinicLabel} hint={words.restoreOtherClinic(step.inspection.header.clinic.name)}>
              <input value={clinicName} onChange={(event) => setClinicName(event.target.value)} autoComplete="off" />
            </Field>
          ) : null}
          <Field label={words.restorePassphrase}>
            <input type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
          <FormError message={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {words.restoreCancel}
            </button>
            <button type="submit" className="primary" disabled={passphrase.length === 0}>
              {words.restoreStart}
            </button>
          </div>
        </form>
      ) : null}
      {step.kind === 'working' ? (
        <div role="status">
          <p>
            {step.progress.phase === 'verifying'
              ? words.restoreVerifying(percent(step.progress))
              : step.progress.phase === 'restoring'
                ? words.restoreWriting(percent(step.progress))
                : words.restoreSafety}
          </p>
          <progress max={100} value={percent(step.progress)} aria-label={words.restoreTitle} />
        </div>
      ) : null}
      {step.kind === 'done' ? (
        <div role="status">
          <p>{words.restoreDone}</p>
          {step.syncUnreachable ? <p>{words.restoreSyncUnreachable}</p> : null}
        </div>
      ) : null}
    </Modal>
  );
}
