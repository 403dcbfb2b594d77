import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { readClinicSettings } from '../db';
import { commandFixture, dumpDatabase, injectWriteFailures } from './commands.fixture';
import { runFirstRunSetup } from './first-run-command';
import type { PreparedCredential } from './first-run-command';

const credential: PreparedCredential = { algorithm: 'PBKDF2-SHA256', iterations: 1000, salt: 'ab'.repeat(16), hash: 'cd'.repeat(32) };
const request = {
  clinic: { name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US' },
  admin: { displayName: 'Jo Admin', username: 'Jo.Admin' },
};

async function setUp() {
  const fixture = await commandFixture();
  let counter = 0;
  const env = { db: fixture.db, clock: () => fixture.clock.now, newId: () => `first-${++counter}` };
  return { ...fixture, env };
}

describe('setup/first-run', () => {
  it('stores the settings, the admin and their credential, audited as CLINIC_CREATED + STAFF_SAVED by the new admin', async () => {
    const { db, env } = await setUp();
    const result = await runFirstRunSetup(env, request, credential);
    expect(result).toMatchObject({ ok: true, value: { admin: { username: 'jo.admin', role: 'admin', active: true }, session: { displayName: 'Jo Admin', role: 'admin' } } });
    if (!result.ok) return;
    const adminId = result.value.admin.id;

    expect(await readClinicSettings(db)).toMatchObject({ name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
    expect(await db.staff.toArray()).toEqual([result.value.admin]);
    expect(await db.staffCredentials.get(adminId)).toEqual({ ...credential, staffId: adminId, failedAttempts: 0, lockedUntil: 0 });

    const audit = await db.audit.orderBy('[deviceId+seq]').toArray();
    expect(audit.map((entry) => entry.action)).toEqual(['CLINIC_CREATED', 'STAFF_SAVED']);
    for (const entry of audit) expect(entry.actor).toEqual({ kind: 'staff', staffId: adminId, displayName: 'Jo Admin', role: 'admin' });
    expect(audit[0]?.changes['name']).toEqual({ before: null, after: 'Northside Family Clinic' });
    expect(audit[1]?.changes['passphrase']).toEqual({ before: null, after: 'changed' });
    expect(verifyAuditChain(audit).ok).toBe(true);

    // The admin is a synced record. The verifier (hash, salt, parameters — never the passphrase or the
    // throttle state) travels only as the mutation's staffCredential effect, so the admin can sign in on
    // the clinic's other desks; it is in neither the audit log nor the mutation's arguments.
    const outbox = await db.outbox.toArray();
    expect(outbox.map((mutation) => mutation.name)).toEqual(['setup/first-run']);
    expect(JSON.stringify({ audit, args: outbox.map((mutation) => mutation.args) })).not.toContain(credential.hash);
    expect(JSON.stringify({ audit, args: outbox.map((mutation) => mutation.args) })).not.toContain(credential.salt);
    const effects = outbox[0]?.effects ?? [];
    expect(effects.map((effect) => effect.entity).sort()).toEqual(['clinic', 'staff', 'staffCredential']);
    expect(effects.find((effect) => effect.entity === 'staffCredential')?.data).toEqual({ id: adminId, algorithm: credential.algorithm, iterations: credential.iterations, salt: credential.salt, hash: credential.hash });
    expect(JSON.stringify(effects.filter((effect) => effect.entity !== 'staffCredential'))).not.toContain(credential.hash);
  });

  it('refuses once any staff member exists, naming the setup, and writes nothing', async () => {
    const { db, env } = await setUp();
    expect((await runFirstRunSetup(env, request, credential)).ok).toBe(true);
    const before = await dumpDatabase(db);
    const again = await runFirstRunSetup(env, { ...request, admin: { displayName: 'Someone Else', username: 'someone' } }, credential);
    expect(again).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'setup' } });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('refuses bad input naming the field', async () => {
    const { db, env } = await setUp();
    expect(await runFirstRunSetup(env, { ...request, clinic: { ...request.clinic, timeZone: 'Mars/Base' } }, credential)).toMatchObject({
      ok: false,
      error: { code: 'unknown-zone', field: 'clinic.timeZone' },
    });
    expect(await runFirstRunSetup(env, { ...request, admin: { displayName: 'Jo', username: 'jo smith' } }, credential)).toMatchObject({
      ok: false,
      error: { code: 'invalid-format', field: 'admin.username' },
    });
    expect(await db.staff.count()).toBe(0);
  });

  it('is all or nothing: a failed audit or counters write leaves no settings, admin or credential', async () => {
    const { db, env } = await setUp();
    const before = await dumpDatabase(db);
    const failure = await injectWriteFailures(db);
    for (const table of ['audit', 'meta']) {
      failure.aim(table, table === 'meta' ? 2 : 1); // meta: the settings row is the 1st write, the device counters the 2nd
      await expect(runFirstRunSetup(env, request, credential)).rejects.toThrow(/Injected/);
      failure.armed = false;
      expect(await dumpDatabase(db)).toEqual(before);
    }
    expect((await runFirstRunSetup(env, request, credential)).ok).toBe(true);
  });
});
