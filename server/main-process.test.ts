import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSchemaVersion } from '../core/db/schema';
import { createClinic, issueEnrollmentCode } from './accounts/clinic-admin';
import { openSqliteStorage } from './storage/sqlite-storage';
import { mutation, patientRecord } from './sync/push-fixtures';
import type { Mutation } from './sync/wire-schemas';

// The real thing: `node --import tsx server/main.ts` on a free port with a
// temp SQLite file, killed with SIGKILL while a push's transaction is open.

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'timedesk-process-'));
const dbPath = join(folder, 'server.sqlite');

interface RunningServer {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', TIMEDESK_DB_PATH: dbPath, LOG_LEVEL: 'info', TIMEDESK_SYNC_RATE_LIMIT: '100000', ...extraEnv };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = /"address":"(http:\/\/127\.0\.0\.1:\d+)".*timedesk sync server ready/.exec(output);
    if (ready?.[1]) return { child, base: ready[1], output: () => output, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A raw POST that reports when the body is fully sent, so the test can act at that instant. */
function rawPost(url: string, token: string, body: unknown, onSent: () => void): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.on('finish', onSent);
    outgoing.end(payload);
  });
}

/** Ten patients per mutation, so a 100-mutation push takes the server a noticeable while. */
function heavyBatch(deviceId: string, fromSeq: number, count: number): Mutation[] {
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

async function pullEverything(base: string, token: string): Promise<{ change: number; id: string }[]> {
  const all: { change: number; id: string }[] = [];
  let after = '0';
  for (;;) {
    const response = await fetch(`${base}/v1/sync/pull?after=${after}&limit=1000&schema=${currentSchemaVersion}`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { changes: { change: number; id: string }[]; nextCursor: string; hasMore: boolean };
    all.push(...page.changes);
    after = page.nextCursor;
    if (!page.hasMore) return all;
  }
}

let server: RunningServer | undefined;
let token = '';

beforeAll(async () => {
  const storage = await openSqliteStorage({ path: dbPath });
  const clinic = await createClinic(storage, { name: 'Process', zone: 'Europe/London' }, Date.now);
  const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, Date.now);
  await storage.close();
  server = await startServer();
  const enrolled = await fetch(`${server.base}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId: 'desk-1', deviceName: 'Desk' }) });
  token = ((await enrolled.json()) as { token: string }).token;
}, 60_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(folder, { recursive: true, force: true });
});

describe('a real server process', () => {
  it('keeps nothing of a push killed with SIGKILL inside its transaction, and applies all of it when resent after a restart', async () => {
    const warm = await rawPost(`${server!.base}/v1/sync/push`, token, { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 1, 100), audit: [] }, () => undefined);
    expect(warm.status).toBe(200);
    server!.child.kill('SIGTERM');
    await server!.exited;

    // Test-only hook (config.ts, NODE_ENV=test only): the server holds each push's
    // transaction open after its first mutation is written and logs that it did;
    // the kill lands then, so a half-written push would show below.
    server = await startServer({ NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '60000' });
    const paused = server;
    const batch = { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 101, 100), audit: [] };
    const answered = rawPost(`${paused.base}/v1/sync/push`, token, batch, () => undefined).then(
      () => true,
      () => false,
    );
    const deadline = Date.now() + 30_000;
    while (!paused.output().includes('test-only push pause')) {
      if (Date.now() > deadline) throw new Error(`the server never paused inside the push:\n${paused.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(paused.output()).toContain('"deviceId":"desk-1"');
    paused.child.kill('SIGKILL');
    expect(await answered).toBe(false);
    await paused.exited;

    server = await startServer();
    // Nothing of the killed push is stored: the first push's 1,000 changes, none after.
    const survivors = await pullEverything(server.base, token);
    expect(survivors.map((c) => c.change)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(survivors.some((c) => c.id.startsWith('desk-1-s101-'))).toBe(false);

    const again = await rawPost(`${server.base}/v1/sync/push`, token, batch, () => undefined);
    expect(again.status).toBe(200);
    const statuses = (JSON.parse(again.body) as { results: { status: string }[] }).results.map((r) => r.status);
    expect(statuses).toEqual(Array<string>(100).fill('applied'));

    const changes = await pullEverything(server.base, token);
    expect(changes.map((c) => c.change)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(new Set(changes.map((c) => c.id)).size).toBe(2000);
  }, 90_000);

  it('refuses to start with the test-only push pause outside NODE_ENV=test', async () => {
    const refused = await startServer({ NODE_ENV: 'production', TIMEDESK_TEST_PUSH_PAUSE_MS: '60000' }).then(
      () => 'started',
      (error: unknown) => String(error),
    );
    expect(refused).toContain('TIMEDESK_TEST_PUSH_PAUSE_MS is test-only');
  }, 60_000);

  it('answers a resend after a dropped ack with duplicates and writes nothing twice', async () => {
    const running = server!;
    const before = (await pullEverything(running.base, token)).length;
    const batch = { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 201, 20), audit: [] };
    const payload = JSON.stringify(batch);
    // The ack reaches the desk's socket, but the desk dies before reading it.
    await new Promise<void>((resolve, reject) => {
      const outgoing = request(`${running.base}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (response) => {
        response.destroy();
        resolve();
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
    const resend = await fetch(`${running.base}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: payload });
    const results = ((await resend.json()) as { results: { status: string; original: string }[] }).results;
    expect(results.map((r) => r.status)).toEqual(Array<string>(20).fill('duplicate'));
    expect(results.every((r) => r.original === 'applied')).toBe(true);
    expect((await pullEverything(running.base, token)).length).toBe(before + 200);
  }, 60_000);

  it('shuts down cleanly on SIGTERM and never logs the token', async () => {
    const running = server!;
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('"signal":"SIGTERM"');
    expect(running.output()).not.toContain(token);
  }, 30_000);
});
