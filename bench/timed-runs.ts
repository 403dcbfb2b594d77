import { performance } from 'node:perf_hooks';

/** Median and 95th percentile of timings, in the samples' unit. */
export interface RunStats {
  median: number;
  p95: number;
}

/**
 * The median and 95th percentile of `samples` (nearest rank).
 *
 * @example runStats([3, 1, 2]) // { median: 2, p95: 3 }
 */
export function runStats(samples: readonly number[]): RunStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Runs `task` once to warm up (JIT, caches), then `runs` times, and returns
 * the timings' {@link RunStats} in milliseconds.
 *
 * @example const { median } = await timedRuns(20, () => findOpenings(db, query));
 */
export async function timedRuns(runs: number, task: () => unknown): Promise<RunStats> {
  await task();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return runStats(samples);
}
