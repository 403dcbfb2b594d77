import { openPostgresStorage } from './postgres-storage';
import { openSqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/**
 * Opens the store the configuration selects: PostgreSQL when a
 * `databaseUrl` is given, else the SQLite file.
 *
 * @example await openConfiguredStorage({ databaseUrl: undefined, sqlitePath: 'server/data/timedesk.sqlite' })
 */
export async function openConfiguredStorage(config: { databaseUrl: string | undefined; sqlitePath: string }): Promise<Storage> {
  return config.databaseUrl !== undefined ? openPostgresStorage({ connectionString: config.databaseUrl }) : openSqliteStorage({ path: config.sqlitePath });
}
