import type pg from 'pg';
import { StorageUnavailableError } from './storage';

// SQLSTATE classes and codes that say "try again later", not "this request is wrong".
// https://www.postgresql.org/docs/15/errcodes-appendix.html
const timeoutCodes = new Set(['57014', '55P03']); // query_canceled (statement_timeout), lock_not_available (lock_timeout)
const busyCodes = new Set(['53300', '40001', '40P01', '57P03']); // too_many_connections, serialization_failure, deadlock_detected, cannot_connect_now
const lostCodes = new Set(['57P01', '57P02', '25P03']); // admin_shutdown (pg_terminate_backend), crash_shutdown, idle_in_transaction_session_timeout
const lostMessages = /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|Client has encountered a connection error|connection is closed/i;

/**
 * Turns a failure the request did not cause — the pool exhausted, a
 * statement past `statement_timeout`, the connection to PostgreSQL lost —
 * into {@link StorageUnavailableError} (503 with Retry-After); anything else
 * (a bug, a constraint the code should have prevented) is returned as it is.
 * Nothing is committed in any of these cases: the transaction was rolled
 * back, or never reached COMMIT.
 *
 * @example toStorageError(new Error('timeout exceeded when trying to connect'), pool) // StorageUnavailableError('busy', …)
 */
export function toStorageError(error: unknown, pool: Pick<pg.Pool, 'totalCount' | 'options'>): unknown {
  if (error instanceof StorageUnavailableError || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (error.message === 'timeout exceeded when trying to connect') {
    // pg-pool says the same when the pool is full and when a new connection cannot be made in time.
    const full = pool.totalCount >= (pool.options.max ?? 10);
    return full
      ? new StorageUnavailableError('busy', `every one of the ${pool.totalCount} database connections stayed busy past ${pool.options.connectionTimeoutMillis ?? 0} ms`, 1)
      : new StorageUnavailableError('connection-lost', 'could not connect to PostgreSQL in time', 2);
  }
  if (typeof code === 'string') {
    if (timeoutCodes.has(code)) return new StorageUnavailableError('timeout', `a database statement ran past its timeout (${code})`, 2);
    if (busyCodes.has(code)) return new StorageUnavailableError('busy', `the database asked to retry (${code})`, 1);
    if (lostCodes.has(code) || code.startsWith('08')) return new StorageUnavailableError('connection-lost', `the database connection was lost (${code})`, 2);
  }
  if (lostMessages.test(error.message)) return new StorageUnavailableError('connection-lost', 'the database connection was lost', 2);
  return error;
}
