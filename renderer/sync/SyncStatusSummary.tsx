import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { text } from '../i18n';
import { useDeskScreen } from '../navigation/desk-screen-store';
import { clockSkewMinutes, syncErrorWords, syncedAgo } from './sync-words';
import { useSyncStore } from './sync-store';

/**
 * The sync state in a few words, for the status bar (and Sync settings):
 * changes waiting, last successful sync, the problem in words, a clock-skew
 * warning, and a badge with the open double bookings that opens the "Needs
 * attention" inbox. Draws nothing while this desk is not enrolled.
 *
 * @example <SyncStatusSummary />
 */
export function SyncStatusSummary() {
  const status = useSyncStore((state) => state.status);
  const { locale } = useClinic();
  const now = useNow(15_000);
  const show = useDeskScreen((state) => state.show);
  if (!status) return null;
  const skew = clockSkewMinutes(status);
  const words = text.sync.status;
  return (
    <span className="sync-status" data-testid="sync-status">
      <span data-testid="sync-pending">{status.syncing ? words.syncing : words.pending(status.pending)}</span>
      <span data-testid="sync-last">{status.lastSyncAt === null ? words.never : words.syncedAgo(syncedAgo(status.lastSyncAt, Math.max(now, status.lastSyncAt), locale))}</span>
      {status.lastError ? (
        <span className="sync-error" role="status" data-testid="sync-error" title={status.lastError.message}>
          {syncErrorWords(status.lastError)}
        </span>
      ) : null}
      {status.rejected > 0 ? <span className="sync-error">{words.rejected(status.rejected)}</span> : null}
      {skew !== null ? (
        <span className="sync-warning" data-testid="sync-clock-skew">
          {words.clockSkew(skew)}
        </span>
      ) : null}
      {status.auditRefused ? <span className="sync-error">{words.auditRefused}</span> : null}
      {status.openConflicts > 0 ? (
        <button type="button" className="sync-conflict-badge" data-testid="conflict-badge" onClick={() => show('attention')} aria-label={text.needsAttention.badgeLabel(status.openConflicts)}>
          <span className="badge-count" aria-hidden="true">
            {status.openConflicts}
          </span>{' '}
          {words.conflicts(status.openConflicts)}
        </button>
      ) : null}
    </span>
  );
}
