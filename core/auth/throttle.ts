/** Failed sign-ins allowed in a row before each further attempt has to wait. */
export const freeAttempts = 5;
const firstBackoffMs = 30_000;
const longestBackoffMs = 15 * 60_000;

/**
 * Until when an account waits after `failedAttempts` consecutive failures
 * ending at `now`: free for the first five, then 30 s, doubling up to
 * 15 minutes. Kept in the database, so a reload does not reset it.
 *
 * @example lockedUntilAfter(4, 0) // 0
 * @example lockedUntilAfter(5, 0) // 30000
 * @example lockedUntilAfter(7, 0) // 120000
 */
export function lockedUntilAfter(failedAttempts: number, now: number): number {
  const over = failedAttempts - freeAttempts;
  return over >= 0 ? now + Math.min(firstBackoffMs * 2 ** over, longestBackoffMs) : 0;
}
