import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './backoff';

describe('retry backoff with jitter', () => {
  it('doubles the step each failure, half fixed and half drawn from random', () => {
    const low = [1, 2, 3, 4, 5].map((failures) => backoffDelay(failures, () => 0));
    const high = [1, 2, 3, 4, 5].map((failures) => backoffDelay(failures, () => 0.999_999));
    expect(low).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(high).toEqual([2000, 4000, 8000, 16_000, 32_000]);
    expect(backoffDelay(3, () => 0.25)).toBe(5000);
  });

  it('never waits longer than the cap, however many failures', () => {
    for (const failures of [10, 20, 50, 1000]) {
      expect(backoffDelay(failures, () => 0.999_999)).toBeLessThanOrEqual(defaultBackoff.maxMs);
      expect(backoffDelay(failures, () => 0)).toBe(defaultBackoff.maxMs / 2);
    }
  });

  it('two desks failing together draw different delays (jitter spreads them)', () => {
    const draws = [0.1, 0.7];
    const delays = draws.map((draw) => backoffDelay(4, () => draw));
    expect(delays[0]).not.toBe(delays[1]);
  });

  it("waits at least the server's Retry-After", () => {
    expect(backoffDelay(1, () => 0, defaultBackoff, 30_000)).toBe(30_000);
    expect(backoffDelay(6, () => 0, defaultBackoff, 1000)).toBe(32_000);
  });
});
