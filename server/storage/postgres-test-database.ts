import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStorage } from './postgres-storage';
import type { RawSqlAccess, Storage } from './storage';

/**
 * The PostgreSQL server tests and the benchmark use: TIMEDESK_TEST_PG_URL,
 * else DATABASE_URL, else none (the caller skips and says why).
 *
 * @example testPostgresUrl() // 'postgres://timedesk:timedesk@127.0.0.1:5432/timedesk' or undefined
 */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['TIMEDESK_TEST_PG_URL'] || env['DATABASE_URL'] || undefined;
}

/**
 * Opens the PostgreSQL adapter in a fresh random schema (so parallel runs
 * never collide) and returns a `dispose` that drops the schema.
 *
 * @example const { storage, dispose } = await openThrowawayPostgres(url);
 */
export async function openThrowawayPostgres(url: string, maxConnections?: number, applicationName?: string): Promise<{ storage: Storage & RawSqlAccess; schema: string; dispose(): Promise<void> }> {
  const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
  const storage = await openPostgresStorage({ connectionString: url, schema, ...(maxConnections === undefined ? {} : { maxConnections }), ...(applicationName === undefined ? {} : { applicationName }) });
  return {
    storage,
    schema,
    dispose: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * How many times each migration is recorded in `schema` (version, count),
 * by version: what "every migration ran exactly once" is checked against.
 *
 * @example expect(await appliedMigrationCounts(url, schema)).toEqual(migrations.map((m) => [m.version, 1]));
 */
export async function appliedMigrationCounts(url: string, schema: string): Promise<[version: number, count: number][]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number; count: string }>(`SELECT version, count(*) FROM ${schema}.schema_migrations GROUP BY version ORDER BY version`);
    return rows.map((row) => [row.version, Number(row.count)]);
  } finally {
    await client.end();
  }
}
