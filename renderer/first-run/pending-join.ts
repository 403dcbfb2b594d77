import { keptEnrollmentForm } from '../sync/pending-enrollment';
import type { PendingEnrollment } from '../sync/pending-enrollment';

/**
 * The "Join your clinic" form kept across the one reload the desktop app
 * needs after the person allows a new sync server (its content policy is
 * fixed per page load): the same window picks it up and joins at once. Kept
 * like Settings → Sync's form (renderer/sync/pending-enrollment.ts), under
 * its own key.
 */
const joinForm = keptEnrollmentForm('timedesk.pending-join');

/** The join form as it was sent. */
export type PendingJoin = PendingEnrollment;

/**
 * Keeps the form for the next start of this window.
 *
 * @example savePendingJoin(sessionStorage, { serverUrl: 'https://sync.clinic.example', code: '7K3QD-M2XWP-0RTVA', deskName: 'Front desk 2' });
 */
export const savePendingJoin = joinForm.save;

/**
 * Whether a join is waiting (first run then opens the join form, not the new-clinic form).
 *
 * @example if (hasPendingJoin(sessionStorage)) setJoining(true);
 */
export const hasPendingJoin = joinForm.has;

/**
 * Takes the kept form: returns it and removes it, or null when there is none or it does not parse.
 *
 * @example const pending = takePendingJoin(sessionStorage); if (pending) await join(pending);
 */
export const takePendingJoin = joinForm.take;
