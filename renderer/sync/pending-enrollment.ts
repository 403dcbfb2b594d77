import { z } from 'zod';

/**
 * An enrollment started just before the page reloaded to run under a new
 * Content-Security-Policy (see sync-server-permission.ts): the form is kept in
 * sessionStorage — this window only, gone when it closes — and taken (read
 * and removed at once, so it is tried exactly once) when the app starts again.
 */

/** sessionStorage key. */
export const pendingEnrollmentKey = 'timedesk.pending-enrollment';

const pendingEnrollmentSchema = z.strictObject({
  serverUrl: z.string().min(1).max(2048),
  code: z.string().min(1).max(200),
  deskName: z.string().max(200),
});

/** The Settings → Sync form as it was sent. */
export type PendingEnrollment = z.infer<typeof pendingEnrollmentSchema>;

/**
 * Keeps the form for the next start of this window.
 *
 * @example savePendingEnrollment(sessionStorage, { serverUrl: 'https://sync.clinic.example', code: '7K3QD-M2XWP-0RTVA', deskName: 'Front desk 1' });
 */
export function savePendingEnrollment(storage: Pick<Storage, 'setItem'>, form: PendingEnrollment): void {
  storage.setItem(pendingEnrollmentKey, JSON.stringify(pendingEnrollmentSchema.parse(form)));
}

/**
 * Takes the kept form: returns it and removes it, or null when there is none
 * or it does not parse (then it is removed too).
 *
 * @example const pending = takePendingEnrollment(sessionStorage); if (pending) await enroll(pending);
 */
export function takePendingEnrollment(storage: Pick<Storage, 'getItem' | 'removeItem'>): PendingEnrollment | null {
  const text = storage.getItem(pendingEnrollmentKey);
  if (text === null) return null;
  storage.removeItem(pendingEnrollmentKey);
  try {
    const parsed = pendingEnrollmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
