import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultLimits } from './app';
import type { ServerLimits } from './app';

/** Everything main.ts and admin.ts read from the environment (server/README.md lists it). */
export interface ServerConfig {
  host: string;
  port: number;
  /** PostgreSQL when set (`postgres://…`); otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  limits: ServerLimits;
  logLevel: string;
  version: string;
  trustProxy: boolean | string;
  /**
   * TEST-ONLY (`TIMEDESK_TEST_PUSH_PAUSE_MS`, honoured only under NODE_ENV=test):
   * hold each push's transaction open this long after its first mutation, so
   * server/main-process.test.ts can kill the process mid-transaction.
   */
  testPushPauseMs: number | undefined;
}

const defaultSqlitePath = fileURLToPath(new URL('./data/timedesk.sqlite', import.meta.url));

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** `true`/`false`, or a comma-separated list of proxy addresses or CIDRs. */
function readTrustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

const testPushPauseSchema = z.object({
  TIMEDESK_TEST_PUSH_PAUSE_MS: z.coerce.number().int().min(1).max(600_000).optional(),
  NODE_ENV: z.string().optional(),
});

/**
 * The test-only push pause. Set outside NODE_ENV=test it stops the server
 * from starting: a production box must never hold a write transaction open
 * on purpose, and a forgotten variable should fail loudly, not slow a clinic.
 */
function readTestPushPause(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env['TIMEDESK_TEST_PUSH_PAUSE_MS'];
  if (raw === undefined || raw === '') return undefined;
  const parsed = testPushPauseSchema.safeParse({ TIMEDESK_TEST_PUSH_PAUSE_MS: raw, NODE_ENV: env['NODE_ENV'] });
  if (!parsed.success) throw new Error(`TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number of milliseconds from 1 to 600000, got "${raw}"`);
  if (parsed.data.NODE_ENV !== 'test') throw new Error('TIMEDESK_TEST_PUSH_PAUSE_MS is test-only: it is honoured only with NODE_ENV=test; unset it');
  return parsed.data.TIMEDESK_TEST_PUSH_PAUSE_MS;
}

/**
 * Reads the server's settings from environment variables, with defaults for
 * a local single-clinic box (127.0.0.1:8787, SQLite in server/data/).
 *
 * @example readConfig({ PORT: '9000' }).port // 9000
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// (unset it to use SQLite)');
  return {
    host: env['HOST'] || '127.0.0.1',
    port: positiveInteger(env, 'PORT', 8787),
    databaseUrl,
    sqlitePath: env['TIMEDESK_DB_PATH'] || defaultSqlitePath,
    limits: {
      bodyLimitBytes: positiveInteger(env, 'TIMEDESK_BODY_LIMIT_BYTES', defaultLimits.bodyLimitBytes),
      syncRequestsPerWindow: positiveInteger(env, 'TIMEDESK_SYNC_RATE_LIMIT', defaultLimits.syncRequestsPerWindow),
      enrollRequestsPerWindow: positiveInteger(env, 'TIMEDESK_ENROLL_RATE_LIMIT', defaultLimits.enrollRequestsPerWindow),
      windowMs: positiveInteger(env, 'TIMEDESK_RATE_WINDOW_MS', defaultLimits.windowMs),
    },
    logLevel: env['LOG_LEVEL'] || 'info',
    trustProxy: readTrustProxy(env['TIMEDESK_TRUST_PROXY']),
    testPushPauseMs: readTestPushPause(env),
    version: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version,
  };
}
