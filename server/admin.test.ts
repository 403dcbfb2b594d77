import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { enrollDevice } from './accounts/enroll-device';
import { openSqliteStorage } from './storage/sqlite-storage';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'timedesk-admin-'));
const dbPath = join(folder, 'admin.sqlite');

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TIMEDESK_DB_PATH: dbPath };
  delete env['DATABASE_URL'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run server:admin', () => {
  it('creates a clinic, issues a one-time code, lists and revokes the device that used it', async () => {
    const created = await admin('create-clinic', '--name', 'North Street', '--zone', 'Europe/London');
    expect(created.code).toBe(0);
    const clinic = JSON.parse(created.stdout) as { clinicId: string; timeZone: string };
    expect(clinic.timeZone).toBe('Europe/London');
    const issued = JSON.parse((await admin('issue-code', '--clinic', clinic.clinicId, '--ttl-minutes', '15')).stdout) as { code: string; expiresAt: string };
    expect(issued.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const storage = await openSqliteStorage({ path: dbPath });
    await enrollDevice(storage, { code: issued.code, deviceId: 'desk-1', deviceName: 'Front desk' }, Date.now);
    await storage.close();

    const listed = JSON.parse((await admin('list-devices', '--clinic', clinic.clinicId)).stdout) as Record<string, unknown>[];
    expect(listed).toEqual([expect.objectContaining({ id: 'desk-1', name: 'Front desk', revokedAt: null })]);
    expect(listed[0]).not.toHaveProperty('tokenHash');
    expect((await admin('revoke-device', '--device', 'desk-1')).code).toBe(0);
    const after = JSON.parse((await admin('list-devices', '--clinic', clinic.clinicId)).stdout) as { revokedAt: string | null }[];
    expect(after[0]?.revokedAt).toMatch(/^\d{4}-/);
  }, 60_000);

  it('explains bad input: an unknown zone (exit 1, naming the field) and a missing option (exit 2, usage)', async () => {
    const zone = await admin('create-clinic', '--name', 'X', '--zone', 'Mars/Base');
    expect(zone.code).toBe(1);
    expect(zone.stderr).toMatch(/^zone: /);
    const missing = await admin('issue-code');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--clinic is required');
    const unknown = await admin('revoke-device', '--device', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No device with id nobody');
  }, 60_000);
});
