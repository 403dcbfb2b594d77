import type { StorageTestHooks } from './storage';

/** What {@link testPauseHooks} needs: how long to hold, and whom to tell. */
export interface TestPauseOptions {
  /** Hold every push's transaction open this long, all its writes sent, before COMMIT. */
  pushPauseMs?: number;
  /** Hold every migration's transaction open this long, its statements run, before COMMIT. */
  migrationPauseMs?: number;
  /**
   * Holds pushes only while this answers true (main.ts: once it answers desks), so the
   * server's own start-up writes are never held. Default: always.
   */
  pushesWhen?: () => boolean;
  /** Called when a pause starts, with what is being held. */
  onPause: (info: { what: 'push' | 'migration'; pauseMs: number } & Record<string, unknown>) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * TEST-ONLY. The storage hooks behind `TIMEDESK_TEST_PUSH_PAUSE_MS` and
 * `TIMEDESK_TEST_MIGRATION_PAUSE_MS`: every write transaction (a push) waits
 * just before COMMIT with all its writes in the database, or every migration
 * just before its COMMIT, still inside the open transaction. The process
 * tests kill the server during that wait to prove a push and a migration are
 * all-or-nothing. main.ts installs them only when config.ts lets the
 * variables through, which it does only under NODE_ENV=test (and refuses to
 * start otherwise).
 *
 * @example
 * const storage = await openSqliteStorage({ path, testHooks: testPauseHooks({ pushPauseMs: 30_000, onPause: (info) => log.warn(info, 'test-only pause') }) });
 */
export function testPauseHooks(options: TestPauseOptions): StorageTestHooks {
  const { pushPauseMs, migrationPauseMs } = options;
  return {
    ...(pushPauseMs === undefined
      ? {}
      : {
          beforeCommit: async (info) => {
            if (options.pushesWhen && !options.pushesWhen()) return;
            options.onPause({ what: 'push', pauseMs: pushPauseMs, ...info });
            await sleep(pushPauseMs);
          },
        }),
    ...(migrationPauseMs === undefined
      ? {}
      : {
          beforeMigrationCommit: async (info) => {
            options.onPause({ what: 'migration', pauseMs: migrationPauseMs, ...info });
            await sleep(migrationPauseMs);
          },
        }),
  };
}
