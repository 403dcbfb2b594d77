import type { Clock } from '../sync/sync-auth';

/**
 * A fixed-window request counter per key (a token's hash, or an IP for
 * enrollment), in memory. Each instance counts on its own: behind a load
 * balancer with N instances a client may get up to N × limit per window,
 * which is acceptable for a guard against runaway desks (documented in
 * server/README.md). The map is dropped whenever a new window starts, so it
 * never holds more than one window's keys.
 *
 * @example
 * const limiter = new FixedWindowRateLimiter({ limit: 300, windowMs: 60_000 }, Date.now);
 * limiter.take('token-hash') // { ok: true } … { ok: false, retryAfterSeconds: 12 }
 */
export class FixedWindowRateLimiter {
  private window = -1;
  private counts = new Map<string, number>();

  constructor(
    private readonly options: { limit: number; windowMs: number },
    private readonly clock: Clock,
  ) {}

  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.clock();
    const window = Math.floor(now / this.options.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.options.limit) return { ok: true };
    const windowEnd = (window + 1) * this.options.windowMs;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
  }
}
