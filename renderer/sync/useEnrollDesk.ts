import { useCallback } from 'react';
import { useAppData } from '../data/useAppData';
import { EnrollError, enrollDesk, forgetEnrollment, serverBaseUrl } from './enrollment';
import type { Enrollment } from './enrollment';
import { savePendingEnrollment } from './pending-enrollment';
import { allowSyncServerInShell } from './sync-server-permission';

/** What the Sync settings form sends. */
export interface EnrollForm {
  serverUrl: string;
  code: string;
  deskName: string;
}

/**
 * Enrolling this desk with the browser's fetch and the local database's own
 * device id, and disconnecting it. {@link SyncRunner} notices either through
 * its live query and starts or stops the client. In the desktop app the shell
 * is asked first to let the page reach that server; when that needs a reload,
 * the form is kept for `useResumePendingEnrollment` and `'reloading'` is
 * answered instead of an enrollment.
 *
 * @example const { enroll, disconnect } = useEnrollDesk(); await enroll({ serverUrl, code, deskName });
 */
export function useEnrollDesk(): { enroll(form: EnrollForm): Promise<Enrollment | 'reloading'>; disconnect(): Promise<void> } {
  const { db, deviceId } = useAppData();
  const enroll = useCallback(
    async (form: EnrollForm): Promise<Enrollment | 'reloading'> => {
      const serverUrl = serverBaseUrl(form.serverUrl);
      // Checked before a reload, which would otherwise only then find the code missing.
      if (form.code.trim() === '') throw new EnrollError('required', 'Type the enrollment code your administrator gave you.', 'code');
      const permission = await allowSyncServerInShell(serverUrl);
      if (permission.kind === 'declined') throw new EnrollError('sync-server-declined', 'This desk was not allowed to connect to that server.', 'serverUrl');
      if (permission.kind === 'refused') throw new EnrollError('invalid-server-url', permission.message, 'serverUrl');
      if (permission.kind === 'reload-required') {
        savePendingEnrollment(window.sessionStorage, { serverUrl, code: form.code.trim(), deskName: form.deskName });
        window.location.reload();
        return 'reloading';
      }
      return enrollDesk({ db, deviceId, serverUrl, code: form.code, deviceName: form.deskName, fetch: window.fetch.bind(window), now: Date.now() });
    },
    [db, deviceId],
  );
  const disconnect = useCallback(() => forgetEnrollment(db), [db]);
  return { enroll, disconnect };
}
