import { useBackupStatus } from '../data/useBackupStatus';
import { useDeviceFirstRun } from '../data/useDeviceFirstRun';
import { text } from '../i18n';
import { useDeskScreen } from '../navigation/desk-screen-store';
import { useSession } from '../session/session-store';
import { useSyncStore } from '../sync/sync-store';
import { needsBackupWarning } from './backup-warning';
import './backup.css';

/**
 * The day view's warning: no verified backup for 24 h and no sync (issue 14).
 * Managers and admins get a button to the Backups screen.
 *
 * @example <BackupWarning />
 */
export function BackupWarning() {
  const status = useBackupStatus();
  const firstRunAt = useDeviceFirstRun();
  const lastSyncAt = useSyncStore((state) => state.status?.lastSyncAt ?? null);
  const role = useSession((state) => state.staff?.role);
  const show = useDeskScreen((state) => state.show);
  if (!status || !firstRunAt) return null;
  const now = Date.now();
  const decision = needsBackupWarning({ now, firstRunAt, lastVerifiedAt: status.lastVerified?.createdAt ?? null, lastSyncAt });
  if (!decision.warn) return null;
  return (
    <div className="backup-warning" role="alert" data-testid="backup-warning">
      <span className="backup-warning-text">{decision.sinceMs === null ? text.backup.warningNever : text.backup.warning(text.backup.hours(Math.floor(decision.sinceMs / 3_600_000)))}</span>
      {role === 'admin' || role === 'manager' ? (
        <button type="button" onClick={() => show('backups')}>
          {text.backup.warningAction}
        </button>
      ) : null}
    </div>
  );
}
