import type { Storage } from '../storage/storage';
import type { Clock } from '../sync/sync-auth';

/**
 * A fixed-window request counter per key (a device token's hash within its
 * clinic, or a client IP for enrollment), counted in the database
 * (`Storage.countRequest`, one upsert) so every instance behind a load
 * balancer shares the count: N instances still allow `limit` per window,
 * not N × limit, and no instance needs sticky sessions. Counters of keys
 * that went quiet are purged once per window by whichever instance sees the
 * window change first (the purge is idempotent, several may run it).
 *
 * @example
 * const limiter = new SharedRateLimiter(storage, { limit: 300, windowMs: 60_000 }, Date.now);
 * await limiter.take(clinicId, tokenHash) // { ok: true } … { ok: false, retryAfterSeconds: 12 }
 */
export class SharedRateLimiter {
  private purgedWindow = -1;

  constructor(
    private readonly storage: Storage,
    private readonly options: { limit: number; windowMs: number },
    private readonly clock: Clock,
  ) {}

  /** Counts one request of `key` in `scope` (the clinic, or `enroll`) and says whether it is within the limit. */
  async take(scope: string, key: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    const now = this.clock();
    const window = Math.floor(now / this.options.windowMs);
    const windowStart = window * this.options.windowMs;
    if (window !== this.purgedWindow) {
      this.purgedWindow = window;
      await this.storage.purgeRequestCounts(windowStart);
    }
    const count = await this.storage.countRequest(scope, key, windowStart);
    if (count <= this.options.limit) return { ok: true };
    const windowEnd = windowStart + this.options.windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
  }
}
