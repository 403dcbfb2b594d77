import { useCallback } from 'react';
import { useAppData } from '../data/useAppData';
import { enrollDesk, forgetEnrollment } from './enrollment';
import type { Enrollment } from './enrollment';

/** What the Sync settings form sends. */
export interface EnrollForm {
  serverUrl: string;
  code: string;
  deskName: string;
}

/**
 * Enrolling this desk with the browser's fetch and the local database's own
 * device id, and disconnecting it. {@link SyncRunner} notices either through
 * its live query and starts or stops the client.
 *
 * @example const { enroll, disconnect } = useEnrollDesk(); await enroll({ serverUrl, code, deskName });
 */
export function useEnrollDesk(): { enroll(form: EnrollForm): Promise<Enrollment>; disconnect(): Promise<void> } {
  const { db, deviceId } = useAppData();
  const enroll = useCallback(
    (form: EnrollForm) => enrollDesk({ db, deviceId, serverUrl: form.serverUrl, code: form.code, deviceName: form.deskName, fetch: window.fetch.bind(window), now: Date.now() }),
    [db, deviceId],
  );
  const disconnect = useCallback(() => forgetEnrollment(db), [db]);
  return { enroll, disconnect };
}
