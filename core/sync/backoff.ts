/**
 * How long to wait before retrying after `failures` consecutive failed sync
 * attempts: exponential (base × 2^(failures−1), capped), with "equal jitter"
 * — half the step fixed, half random — so a clinic's desks that lost the
 * network together do not all come back in the same millisecond, while no
 * desk retries in a tight loop (full jitter could draw 0). A server's
 * Retry-After, when larger, wins.
 *
 * `random` returns [0, 1) and is injected so tests know every delay.
 *
 * @example backoffDelay(1, () => 0) // 1000 (first retry: 1–2 s)
 * @example backoffDelay(3, () => 0.5) // 6000 (4 s step: 4 s + 0.5 × 4 s)
 * @example backoffDelay(20, () => 0.999) // just under 10 minutes (the cap)
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = defaultBackoff, retryAfterMs?: number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const step = Math.min(policy.maxMs / 2, policy.baseMs * 2 ** exponent);
  const delay = Math.round(step + random() * step);
  return retryAfterMs !== undefined && retryAfterMs > delay ? retryAfterMs : delay;
}

/** The first retry waits between `baseMs` and twice that; no wait exceeds `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** 1–2 s, then 2–4 s, 4–8 s… up to 5–10 minutes. */
export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 10 * 60_000 };
