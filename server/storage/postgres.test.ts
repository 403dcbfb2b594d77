import { describe, it } from 'vitest';
import { openThrowawayPostgres, testPostgresUrl } from './postgres-test-database';
import { runJoinClinicContract } from './join-clinic.contract';
import { runStorageContract } from './storage.contract';

const url = testPostgresUrl();

if (url === undefined) {
  const reason = 'PostgreSQL contract tests skipped: set TIMEDESK_TEST_PG_URL (or DATABASE_URL) to a postgres:// URL (.ci/run does).';
  console.warn(reason);
  describe('storage contract: postgres', () => {
    it.skip(reason, () => undefined);
  });
} else {
  runStorageContract('postgres', () => openThrowawayPostgres(url));
  runJoinClinicContract('postgres', () => openThrowawayPostgres(url));
}
