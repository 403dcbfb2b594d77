import { z } from 'zod';

/**
 * The "Join your clinic" form kept across the one reload the desktop app
 * needs after the person allows a new sync server (its content policy is
 * fixed per page load): the same window picks it up and joins at once. The
 * code is single-use and expires within the hour; it is kept only in this
 * window's sessionStorage and removed when read.
 */

const pendingJoinKey = 'timedesk.pending-join';

const pendingJoinSchema = z.strictObject({
  serverUrl: z.string().min(1).max(2048),
  code: z.string().min(1).max(200),
  deskName: z.string().max(200),
});

/** The join form as it was sent. */
export type PendingJoin = z.infer<typeof pendingJoinSchema>;

/**
 * Keeps the form for the next start of this window.
 *
 * @example savePendingJoin(sessionStorage, { serverUrl: 'https://sync.clinic.example', code: '7K3QD-M2XWP-0RTVA', deskName: 'Front desk 2' });
 */
export function savePendingJoin(storage: Pick<Storage, 'setItem'>, form: PendingJoin): void {
  storage.setItem(pendingJoinKey, JSON.stringify(pendingJoinSchema.parse(form)));
}

/**
 * Whether a join is waiting (first run then opens the join form, not the new-clinic form).
 *
 * @example if (hasPendingJoin(sessionStorage)) setJoining(true);
 */
export function hasPendingJoin(storage: Pick<Storage, 'getItem'>): boolean {
  return storage.getItem(pendingJoinKey) !== null;
}

/**
 * Takes the kept form: returns it and removes it, or null when there is none
 * or it does not parse (then it is removed too).
 *
 * @example const pending = takePendingJoin(sessionStorage); if (pending) await join(pending);
 */
export function takePendingJoin(storage: Pick<Storage, 'getItem' | 'removeItem'>): PendingJoin | null {
  const text = storage.getItem(pendingJoinKey);
  if (text === null) return null;
  storage.removeItem(pendingJoinKey);
  try {
    const parsed = pendingJoinSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
