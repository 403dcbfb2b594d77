import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig: the test-only push pause', () => {
  it('is off unless TIMEDESK_TEST_PUSH_PAUSE_MS is set', () => {
    expect(readConfig({ NODE_ENV: 'test' }).testPushPauseMs).toBeUndefined();
    expect(readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '' }).testPushPauseMs).toBeUndefined();
  });

  it('is honoured under NODE_ENV=test', () => {
    expect(readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '2500' }).testPushPauseMs).toBe(2500);
  });

  it('stops the server starting anywhere else, so it cannot be left on in production by accident', () => {
    expect(() => readConfig({ TIMEDESK_TEST_PUSH_PAUSE_MS: '2500' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS is test-only');
    expect(() => readConfig({ NODE_ENV: 'production', TIMEDESK_TEST_PUSH_PAUSE_MS: '2500' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS is test-only');
  });

  it('names the variable when the value is not a whole number of milliseconds', () => {
    expect(() => readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '1.5' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number');
    expect(() => readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: 'soon' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number');
    expect(() => readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '0' })).toThrow('TIMEDESK_TEST_PUSH_PAUSE_MS must be a whole number');
  });
});

describe('readConfig: the test-only migration pause and the PostgreSQL pool', () => {
  it('takes the migration pause under NODE_ENV=test only', () => {
    expect(readConfig({ NODE_ENV: 'test', TIMEDESK_TEST_MIGRATION_PAUSE_MS: '900' }).testMigrationPauseMs).toBe(900);
    expect(() => readConfig({ TIMEDESK_TEST_MIGRATION_PAUSE_MS: '900' })).toThrow('TIMEDESK_TEST_MIGRATION_PAUSE_MS is test-only');
  });

  it('reads the pool size and timeouts, naming a bad one', () => {
    expect(readConfig({}).postgres).toEqual({ maxConnections: 10, connectTimeoutMs: 2000, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 60_000 });
    expect(readConfig({ TIMEDESK_PG_POOL_SIZE: '4', TIMEDESK_PG_STATEMENT_TIMEOUT_MS: '500' }).postgres).toMatchObject({ maxConnections: 4, statementTimeoutMs: 500 });
    expect(() => readConfig({ TIMEDESK_PG_POOL_SIZE: 'many' })).toThrow('TIMEDESK_PG_POOL_SIZE must be a whole number');
  });
});
