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
  /** PostgreSQL pool, timeouts and schema (ignored with SQLite). */
  postgres: { schema?: string; maxConnections: number; connectTimeoutMs: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  /** How long a graceful shutdown waits for in-flight requests before it gives up (exit 1). */
  shutdownGraceMs: number;
  /**
   * TEST-ONLY (`TIMEDESK_TEST_PUSH_PAUSE_MS`, honoured only under NODE_ENV=test):
   * hold each push's transaction open this long before COMMIT, so
   * server/main-process.test.ts can kill the process mid-transaction.
   */
  testPushPauseMs: number | undefined;
  /** TEST-ONLY (`TIMEDESK_TEST_MIGRATION_PAUSE_MS`, NODE_ENV=test only): the same inside each migration. */
  testMigrationPauseMs: number | undefined;
}

const defaultSqlitePath = fileURLToPath(new URL('./data/timedesk.sqlite', import.meta.url));

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function atLeastOne(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positiveInteger(env, name, fallback);
  if (value < 1) throw new Error(`${name} must be at least 1, got "${env[name]}"`);
  return value;
}

/** `true`/`false`, or a comma-separated list of proxy addresses or CIDRs. */
function readTrustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

const testPauseSchema = z.object({
  value: z.coerce.number().int().min(1).max(600_000),
  NODE_ENV: z.string().optional(),
});

/**
 * A test-only pause. Set outside NODE_ENV=test it stops the server from
 * starting: a production box must never hold a write transaction open on
 * purpose, and a forgotten variable should fail loudly, not slow a clinic.
 */
function readTestPause(env: NodeJS.ProcessEnv, name: 'TIMEDESK_TEST_PUSH_PAUSE_MS' | 'TIMEDESK_TEST_MIGRATION_PAUSE_MS'): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const parsed = testPauseSchema.safeParse({ value: raw, NODE_ENV: env['NODE_ENV'] });
  if (!parsed.success) throw new Error(`${name} must be a whole number of milliseconds from 1 to 600000, got "${raw}"`);
  if (parsed.data.NODE_ENV !== 'test') throw new Error(`${name} is test-only: it is honoured only with NODE_ENV=test; unset it`);
  return parsed.data.value;
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
    postgres: {
      ...(env['TIMEDESK_PG_SCHEMA'] ? { schema: env['TIMEDESK_PG_SCHEMA'] } : {}),
      maxConnections: atLeastOne(env, 'TIMEDESK_PG_POOL_SIZE', 10),
      connectTimeoutMs: positiveInteger(env, 'TIMEDESK_PG_CONNECT_TIMEOUT_MS', 2000),
      statementTimeoutMs: positiveInteger(env, 'TIMEDESK_PG_STATEMENT_TIMEOUT_MS', 10_000),
      idleInTransactionTimeoutMs: positiveInteger(env, 'TIMEDESK_PG_IDLE_TX_TIMEOUT_MS', 60_000),
    },
    shutdownGraceMs: positiveInteger(env, 'TIMEDESK_SHUTDOWN_GRACE_MS', 25_000),
    testPushPauseMs: readTestPause(env, 'TIMEDESK_TEST_PUSH_PAUSE_MS'),
    testMigrationPauseMs: readTestPause(env, 'TIMEDESK_TEST_MIGRATION_PAUSE_MS'),
    version: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version,
  };
}
