import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJoinClinicContract } from './join-clinic.contract';
import { openSqliteStorage } from './sqlite-storage';
import { runStorageContract } from './storage.contract';

// A real file (not :memory:) so WAL mode is what is tested.
async function openSubject() {
  const folder = mkdtempSync(join(tmpdir(), 'timedesk-sqlite-'));
  return {
    storage: await openSqliteStorage({ path: join(folder, 'contract.sqlite') }),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

runStorageContract('sqlite', openSubject);
runJoinClinicContract('sqlite', openSubject);
