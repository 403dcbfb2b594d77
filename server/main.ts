/**
 * `npm run server`: the sync service on HOST:PORT (127.0.0.1:8787) with
 * SQLite in server/data/ (TIMEDESK_DB_PATH) or PostgreSQL (DATABASE_URL).
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the
 * store, exit 0.
 */
import { buildServer } from './app';
import { readConfig } from './config';
import { openConfiguredStorage } from './storage/open-storage';
import { pauseAfterFirstMutation } from './storage/push-pause-for-tests';

const config = readConfig();
const opened = await openConfiguredStorage(config);
// Test-only (config.ts refuses it outside NODE_ENV=test): the process test waits for this log line, then kills us.
const storage =
  config.testPushPauseMs === undefined
    ? opened
    : pauseAfterFirstMutation(opened, { pauseMs: config.testPushPauseMs, onPause: (info) => app.log.warn(info, 'test-only push pause: first mutation written, transaction held open') });
const app = buildServer({
  storage,
  logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
  limits: config.limits,
  version: config.version,
  trustProxy: config.trustProxy,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
    await storage.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

const address = await app.listen({ host: config.host, port: config.port });
// Tests start the server on PORT=0 and read the real address from this line.
app.log.info({ address, storage: storage.kind, version: config.version }, 'timedesk sync server ready');
