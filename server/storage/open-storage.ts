import { openPostgresStorage } from './postgres-storage';
import type { PostgresStorageOptions } from './postgres-storage';
import { openSqliteStorage } from './sqlite-storage';
import type { Storage, StorageTestHooks } from './storage';

/** What {@link openConfiguredStorage} reads of the server's configuration (config.ts). */
export interface StorageConfig {
  databaseUrl: string | undefined;
  sqlitePath: string;
  postgres?: Pick<PostgresStorageOptions, 'schema' | 'maxConnections' | 'connectTimeoutMs' | 'statementTimeoutMs' | 'idleInTransactionTimeoutMs'>;
}

/**
 * Opens (and migrates) the store the configuration selects: PostgreSQL when a
 * `databaseUrl` is given, else the SQLite file.
 *
 * @example await openConfiguredStorage({ databaseUrl: undefined, sqlitePath: 'server/data/timedesk.sqlite' })
 */
export async function openConfiguredStorage(config: StorageConfig, testHooks?: StorageTestHooks): Promise<Storage> {
  const hooks = testHooks === undefined ? {} : { testHooks };
  return config.databaseUrl !== undefined
    ? openPostgresStorage({ connectionString: config.databaseUrl, ...config.postgres, ...hooks })
    : openSqliteStorage({ path: config.sqlitePath, ...hooks });
}
