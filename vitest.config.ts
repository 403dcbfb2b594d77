import { defineConfig } from 'vitest/config';

/**
 * A timeout only catches hangs; speed is judged by `npm run bench`. Vitest's
 * 5 s default turned into a timing assertion on a loaded 2-core CI machine
 * (a 0.5 s PostgreSQL test and a 0.6 s sync test each hit it once).
 */
const hangTimeoutMs = 30_000;

/**
 * Unit tests run twice for the engine: once with the host in UTC and once in a
 * zone with DST and a non-hour offset, so any dependence on the host zone shows
 * up as a failing test instead of a bug report from a clinic.
 */
const unitFiles = ['core/**/*.test.ts', 'server/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: unitFiles, env: { TZ: 'UTC' }, testTimeout: hangTimeoutMs, hookTimeout: hangTimeoutMs },
      },
      {
        test: {
          name: 'engine-host-tz',
          include: ['core/time/**/*.test.ts', 'core/recurrence/**/*.test.ts', 'core/overlap/**/*.test.ts', 'core/model/**/*.test.ts'],
          env: { TZ: 'Australia/Adelaide' },
          testTimeout: hangTimeoutMs,
          hookTimeout: hangTimeoutMs,
        },
      },
    ],
  },
});
