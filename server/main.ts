/**
 * `npm run server`: the sync service on HOST:PORT (127.0.0.1:8787) with
 * SQLite in server/data/ (TIMEDESK_DB_PATH) or PostgreSQL (DATABASE_URL).
 * Opening the store runs its pending migrations (once, whatever the number
 * of instances starting). SIGTERM/SIGINT: stop accepting, let in-flight
 * requests finish (pushes commit and answer), close the store, exit 0 — or
 * exit 1 when that takes longer than TIMEDESK_SHUTDOWN_GRACE_MS.
 */
import { buildServer } from './app';
import { readConfig } from './config';
import { logError, serverLogger } from './http/logging';
import { openConfiguredStorage } from './storage/open-storage';
import { testPauseHooks } from './storage/test-pauses';
import { upgradeStoredSchedules } from './sync/schedule-upgrade';

const config = readConfig();
const log = serverLogger(config.logLevel);
/** True once the server answers desks: the test-only push pause holds only their pushes. */
let answering = false;
// Test-only (config.ts refuses them outside NODE_ENV=test): the process tests wait for this log line, then kill us.
const testHooks =
  config.testPushPauseMs === undefined && config.testMigrationPauseMs === undefined
    ? undefined
    : testPauseHooks({
        ...(config.testPushPauseMs === undefined ? {} : { pushPauseMs: config.testPushPauseMs }),
        ...(config.testMigrationPauseMs === undefined ? {} : { migrationPauseMs: config.testMigrationPauseMs }),
        // Only desks' pushes: the start-up schedule upgrade below writes before the server answers.
        pushesWhen: () => answering,
        onPause: (info) => log.warn(info, `test-only ${info.what} pause: transaction held open before COMMIT`),
      });
const storage = await openConfiguredStorage(config, testHooks);
const app = buildServer({
  storage,
  logger: log,
  limits: config.limits,
  version: config.version,
  trustProxy: config.trustProxy,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing in-flight requests');
  const giveUp = setTimeout(() => {
    log.error({ graceMs: config.shutdownGraceMs }, 'shutdown grace period over: exiting with requests still open');
    process.exit(1);
  }, config.shutdownGraceMs);
  try {
    // Stops accepting, answers new requests on kept-alive connections with 503, waits for the open ones.
    await app.close();
    await storage.close();
    clearTimeout(giveUp);
    log.info({ signal }, 'shut down');
    process.exit(0);
  } catch (error) {
    log.error({ err: logError(error) }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// Weekday rules stored before schedule blocks become blocks before any desk is answered (schedule-upgrade.ts).
const upgraded = await upgradeStoredSchedules(storage, Date.now);
if (upgraded.rules > 0) log.info(upgraded, 'weekday rules upgraded to schedule blocks');

answering = true;
const address = await app.listen({ host: config.host, port: config.port });
// Tests start the server on PORT=0 and read the real address from this line.
log.info({ address, storage: storage.kind, version: config.version }, 'timedesk sync server ready');
