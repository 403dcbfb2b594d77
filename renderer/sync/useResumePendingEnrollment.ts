import { useEffect } from 'react';
import { useAppData } from '../data/useAppData';
import { EnrollError, enrollDesk } from './enrollment';
import { takePendingEnrollment } from './pending-enrollment';
import { useSyncStore } from './sync-store';

/**
 * Finishes an enrollment Settings → Sync started just before the desktop app
 * reloaded under its new Content-Security-Policy (sync-server-permission.ts).
 * Runs once per start, before anyone signs in again (enrolling is not a
 * command of a staff member; the manager who pressed Connect already chose
 * it). A failure is kept in {@link useSyncStore} so Settings → Sync shows it
 * beside the field it names, with the address and desk name filled in again.
 *
 * @example function SyncRunner() { useResumePendingEnrollment(); … }
 */
export function useResumePendingEnrollment(): void {
  const { db, deviceId } = useAppData();
  const setResumeProblem = useSyncStore((state) => state.setResumeProblem);
  useEffect(() => {
    const pending = takePendingEnrollment(window.sessionStorage);
    if (!pending) return;
    enrollDesk({ db, deviceId, serverUrl: pending.serverUrl, code: pending.code, deviceName: pending.deskName, fetch: window.fetch.bind(window), now: Date.now() }).then(
      () => setResumeProblem(null),
      (error: unknown) => {
        const problem = error instanceof EnrollError ? error : new EnrollError('sync-failed', String(error), null);
        setResumeProblem({ serverUrl: pending.serverUrl, deskName: pending.deskName, code: problem.code, message: problem.message, field: problem.field });
      },
    );
  }, [db, deviceId, setResumeProblem]);
}
