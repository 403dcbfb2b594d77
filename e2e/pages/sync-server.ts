import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The sync server the e2e run starts (playwright.config.ts webServer): its
 * own port and its own SQLite file in the OS temp folder, emptied before each
 * start, so e2e never touches server/data/.
 */
export const syncServerPort = Number(process.env.TIMEDESK_E2E_SYNC_PORT ?? 8788);
/** Where that server keeps its data; the admin CLI below opens the same file. */
// Named by port, so a run on another port never empties the file of a server still serving one.
export const syncDbPath = process.env.TIMEDESK_E2E_SYNC_DB ?? join(tmpdir(), `timedesk-e2e-sync-${syncServerPort}`, 'sync.sqlite');
/** The address a desk types into Settings → Sync. */
export const syncServerUrl = `http://127.0.0.1:${syncServerPort}`;

const run = promisify(execFile);

/**
 * Runs `npm run server:admin -- <args>` on the e2e server's database (a real
 * child process, as an administrator would) and returns its JSON answer.
 *
 * @example const { clinicId } = await syncAdmin<{ clinicId: string }>(['create-clinic', '--name', 'Northside', '--zone', 'America/New_York']);
 */
export async function syncAdmin<Answer>(args: string[]): Promise<Answer> {
  const { stdout } = await run('npx', ['tsx', 'server/admin.ts', ...args], { env: { ...process.env, TIMEDESK_DB_PATH: syncDbPath, LOG_LEVEL: 'warn' } });
  return JSON.parse(stdout) as Answer;
}

/**
 * A new clinic on the e2e server and one single-use enrollment code per desk.
 *
 * @example const { codes: [codeA, codeB] } = await clinicWithCodes('Northside', 2);
 */
export async function clinicWithCodes(name: string, desks: number): Promise<{ clinicId: string; codes: string[] }> {
  const { clinicId } = await syncAdmin<{ clinicId: string }>(['create-clinic', '--name', name, '--zone', 'America/New_York']);
  const codes: string[] = [];
  for (let desk = 0; desk < desks; desk += 1) codes.push((await syncAdmin<{ code: string }>(['issue-code', '--clinic', clinicId])).code);
  return { clinicId, codes };
}
