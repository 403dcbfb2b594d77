import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { currentSchemaVersion } from '../core/db/schema';
import { mutation, patientRecord } from './sync/push-fixtures';
import type { Mutation } from './sync/wire-schemas';

// Test support only: the real server, `node --import tsx server/main.ts`, as
// a child process on a free port, for the tests that kill it, stop it, or run
// several at once on one database.

const root = fileURLToPath(new URL('..', import.meta.url));

/** A started server process: its address, its output so far, and its exit. */
export interface RunningServer {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Where a spawned server keeps its data: a SQLite file, or a PostgreSQL
 * database and schema (`DATABASE_URL` + `TIMEDESK_PG_SCHEMA`).
 */
export type ServerStore = { sqlitePath: string } | { postgresUrl: string; schema: string };

/**
 * The environment a spawned server reads its store from.
 *
 * @example storeEnv({ sqlitePath: '/tmp/x.sqlite' }) // { TIMEDESK_DB_PATH: '/tmp/x.sqlite' }
 */
export function storeEnv(store: ServerStore): NodeJS.ProcessEnv {
  return 'sqlitePath' in store ? { TIMEDESK_DB_PATH: store.sqlitePath } : { DATABASE_URL: store.postgresUrl, TIMEDESK_PG_SCHEMA: store.schema };
}

/** Spawns the server; `waitFor` (default the "ready" line) decides when the promise resolves. */
export async function spawnServer(store: ServerStore, extraEnv: NodeJS.ProcessEnv = {}, waitFor: RegExp = /timedesk sync server ready/): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', TIMEDESK_SYNC_RATE_LIMIT: '100000', ...storeEnv(store), ...extraEnv };
  if ('sqlitePath' in store) delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (waitFor.test(output)) {
      const address = /"address":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1] ?? '';
      return { child, base: address, output: () => output, exited };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the server's output matches, or fails after `timeoutMs`. */
export async function waitForOutput(server: RunningServer, pattern: RegExp | string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const matches = () => (typeof pattern === 'string' ? server.output().includes(pattern) : pattern.test(server.output()));
  while (!matches()) {
    if (Date.now() > deadline) throw new Error(`never saw ${String(pattern)}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Kills a server with SIGKILL (if it still runs) and waits for it to go. */
export async function killServer(server: RunningServer | undefined): Promise<void> {
  if (server === undefined) return;
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** A raw POST (no fetch retries, no keep-alive pool): resolves with the status and body, rejects when the connection dies. */
export function rawPost(url: string, token: string | undefined, body: unknown): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const outgoing = request(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/**
 * Ten patients per mutation, so a 100-mutation push takes the server a noticeable while.
 *
 * @example heavyBatch('desk-1', 1, 100).length // 100
 */
export function heavyBatch(deviceId: string, fromSeq: number, count: number): Mutation[] {
  return Array.from({ length: count }, (_, index) => {
    const seq = fromSeq + index;
    return mutation(
      deviceId,
      seq,
      Array.from({ length: 10 }, (_, n) => {
        const id = `${deviceId}-s${seq}-p${n}`;
        return { entity: 'patient' as const, id, op: 'put' as const, data: patientRecord(id) };
      }),
    );
  });
}

/** Every change of the token's clinic, paging until the end. */
export async function pullEverything(base: string, token: string, limit = 1000): Promise<{ change: number; id: string }[]> {
  const all: { change: number; id: string }[] = [];
  let after = '0';
  for (;;) {
    const response = await fetch(`${base}/v1/sync/pull?after=${after}&limit=${limit}&schema=${currentSchemaVersion}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { changes: { change: number; id: string }[]; nextCursor: string; hasMore: boolean };
    all.push(...page.changes);
    after = page.nextCursor;
    if (!page.hasMore) return all;
  }
}
