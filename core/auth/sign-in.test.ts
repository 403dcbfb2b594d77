import { describe, expect, it } from 'vitest';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { verifyAuditChain } from '../audit';
import { admin, clinicFixture, commandFixture, dumpDatabase, frontDesk, injectWriteFailures } from '../commands/commands.fixture';
import { readDevice } from '../db';
import { IdleLock } from './idle-lock';
import { deriveKey } from './passphrase-hash';
import { recordSessionLocked, recordSignedOut, setPassphrase, setUpFirstRun, signIn } from './sign-in';
import type { AuthEnvironment } from './sign-in';
import { lockedUntilAfter } from './throttle';

async function authFixture() {
  const fixture = await clinicFixture();
  let counter = 0;
  const env: AuthEnvironment = {
    db: fixture.db,
    clock: () => fixture.clock.now,
    newId: () => `auth-${++counter}`,
    randomBytes: (count) => Uint8Array.from({ length: count }, (_, index) => (index * 7 + counter) & 0xff),
    iterations: 1_000, // fast tests; production uses 600,000
  };
  await fixture.must('staff/save', { id: 'jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk' }, admin);
  const set = await setPassphrase(env, admin, 'jo', 'correct horse battery');
  if (!set.ok) throw new Error(JSON.stringify(set.error));
  return { ...fixture, env };
}

const lastEntry = (db: Awaited<ReturnType<typeof authFixture>>['db']) => db.audit.orderBy('[deviceId+seq]').last();

describe('passphrases', () => {
  it('derives the same PBKDF2-SHA256 key through WebCrypto as @noble/hashes', async () => {
    const expected = bytesToHex(await pbkdf2Async(sha256, 'café'.normalize('NFC'), new Uint8Array(16), { c: 1000, dkLen: 32 }));
    expect(await deriveKey('cafe\u0301', '00'.repeat(16), 1000)).toBe(expected);
  });

  it('stores only a salted hash, apart from the staff row, and audits the change without it', async () => {
    const { db } = await authFixture();
    const credential = await db.staffCredentials.get('jo');
    expect(credential).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 1000, failedAttempts: 0 });
    expect(credential?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.staff.get('jo'))).not.toContain(credential?.hash);
    const entry = await lastEntry(db);
    expect(entry).toMatchObject({ action: 'STAFF_SAVED', changes: { passphrase: { before: null, after: 'changed' } } });
    expect(JSON.stringify(entry)).not.toContain(credential?.hash);
  });

  it('refuses short passphrases and setting someone else’s unless admin', async () => {
    const { env } = await authFixture();
    expect(await setPassphrase(env, admin, 'jo', 'short')).toMatchObject({ ok: false, error: { code: 'too-short', field: 'passphrase' } });
    expect(await setPassphrase(env, frontDesk, 'jo', 'long enough passphrase')).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
  });
});

describe('signIn', () => {
  it('signs in with the right passphrase and audits STAFF_SIGNED_IN with the staff member as actor', async () => {
    const { db, env } = await authFixture();
    const outcome = await signIn(env, '  JO.Smith ', 'correct horse battery');
    expect(outcome).toMatchObject({ ok: true, session: { staffId: 'jo', displayName: 'Jo Smith', role: 'front_desk' } });
    expect(await lastEntry(db)).toMatchObject({ action: 'STAFF_SIGNED_IN', actor: { kind: 'staff', staffId: 'jo', role: 'front_desk' }, outcome: 'success', mutationId: null });
  });

  it('audits failures (wrong passphrase, unknown user) as SIGN_IN_FAILED by the sign-in screen', async () => {
    const { db, env } = await authFixture();
    expect(await signIn(env, 'jo.smith', 'wrong horse battery')).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect(await lastEntry(db)).toMatchObject({ action: 'SIGN_IN_FAILED', actor: { kind: 'system', systemId: 'sign-in' }, entityId: 'jo', outcome: 'denied' });
    expect(await signIn(env, 'nobody', 'whatever it is')).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect(await lastEntry(db)).toMatchObject({ action: 'SIGN_IN_FAILED', entityId: 'username:nobody' });
    expect(verifyAuditChain(await db.audit.orderBy('[deviceId+seq]').toArray()).ok).toBe(true);
  });

  it('throttles after five failures with a growing wait, and the right passphrase then resets it', async () => {
    const { db, env, clock } = await authFixture();
    for (let attempt = 1; attempt <= 5; attempt += 1) await signIn(env, 'jo.smith', 'wrong horse battery');
    expect(await db.staffCredentials.get('jo')).toMatchObject({ failedAttempts: 5, lockedUntil: clock.now + 30_000 });
    // Even the right passphrase waits.
    expect(await signIn(env, 'jo.smith', 'correct horse battery')).toEqual({ ok: false, reason: 'throttled', retryAt: clock.now + 30_000 });
    clock.now += 30_000;
    await signIn(env, 'jo.smith', 'wrong horse battery');
    expect((await db.staffCredentials.get('jo'))?.lockedUntil).toBe(clock.now + 60_000);
    clock.now += 60_000;
    expect((await signIn(env, 'jo.smith', 'correct horse battery')).ok).toBe(true);
    expect(await db.staffCredentials.get('jo')).toMatchObject({ failedAttempts: 0, lockedUntil: 0 });
  });

  it('refuses an inactive account even with the right passphrase', async () => {
    const { env, must } = await authFixture();
    await must('staff/save', { id: 'jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk', active: false }, admin);
    expect(await signIn(env, 'jo.smith', 'correct horse battery')).toEqual({ ok: false, reason: 'inactive' });
  });

  it('hashes outside the write transaction (the verdict is recorded in its own short one)', async () => {
    const { db, env } = await authFixture();
    const before = await readDevice(db);
    let hashing = false;
    const slow: AuthEnvironment = {
      ...env,
      deriveKey: async (passphrase, salt, iterations) => {
        hashing = true;
        // A real await on a non-Dexie promise: inside a Dexie transaction this would commit it early.
        await new Promise((resolve) => setTimeout(resolve, 5));
        hashing = false;
        return deriveKey(passphrase, salt, iterations);
      },
    };
    expect((await signIn(slow, 'jo.smith', 'correct horse battery')).ok).toBe(true);
    expect(hashing).toBe(false);
    expect((await readDevice(db)).auditSeq).toBe(before.auditSeq + 1);
  });
});

describe('throttle and idle lock', () => {
  it('waits 30 s after the fifth failure, doubling to at most 15 minutes', () => {
    expect([4, 5, 6, 7, 20].map((failures) => lockedUntilAfter(failures, 0))).toEqual([0, 30_000, 60_000, 120_000, 900_000]);
  });

  it('locks after the configured idle minutes, once, and activity pushes it out', async () => {
    const clock = { now: 0 };
    const lock = new IdleLock(5, () => clock.now);
    clock.now = 4 * 60_000;
    lock.touch();
    clock.now = 8 * 60_000;
    expect(lock.check()).toBe('active');
    expect(lock.msUntilLock()).toBe(60_000);
    clock.now = 9 * 60_000;
    expect(lock.check()).toBe('locked-now');
    lock.touch(); // activity behind the lock screen does not unlock
    expect(lock.check()).toBe('locked');
    lock.unlock();
    expect(lock.check()).toBe('active');
    lock.setIdleMinutes(1);
    clock.now += 60_000;
    expect(lock.check()).toBe('locked-now');
  });

  it('audits SESSION_LOCKED and STAFF_SIGNED_OUT for the session', async () => {
    const { db, env } = await authFixture();
    await recordSessionLocked(env, frontDesk);
    expect(await lastEntry(db)).toMatchObject({ action: 'SESSION_LOCKED', actor: { staffId: 'staff-desk' }, entityId: 'staff-desk', mutationId: null, reason: 'Idle time passed.' });
    await recordSignedOut(env, frontDesk);
    expect(await lastEntry(db)).toMatchObject({ action: 'STAFF_SIGNED_OUT', actor: { staffId: 'staff-desk', role: 'front_desk' }, entityId: 'staff-desk', reason: null });
  });
});

describe('locking by hand', () => {
  it('records the Lock button apart from the idle timer', async () => {
    const { db, env } = await authFixture();
    await recordSessionLocked(env, frontDesk, 'idle');
    await recordSessionLocked(env, frontDesk, 'manual');
    const locks = await db.audit.where('action').equals('SESSION_LOCKED').toArray();
    expect(locks.map((entry) => entry.reason)).toEqual(['Idle time passed.', 'Locked with the Lock button.']);
  });
});

describe('setUpFirstRun', () => {
  async function emptyDesk() {
    const fixture = await commandFixture();
    let counter = 0;
    const env: AuthEnvironment = {
      db: fixture.db,
      clock: () => fixture.clock.now,
      newId: () => `first-${++counter}`,
      randomBytes: (count) => Uint8Array.from({ length: count }, (_, index) => index),
      iterations: 1_000,
    };
    return { ...fixture, env };
  }
  const request = {
    clinic: { name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US' },
    admin: { displayName: 'Jo Admin', username: 'jo.admin' },
    passphrase: 'correct horse battery',
  };

  it('creates the clinic and an admin who can sign in with the passphrase', async () => {
    const { db, env } = await emptyDesk();
    const done = await setUpFirstRun(env, request);
    expect(done).toMatchObject({ ok: true, value: { admin: { username: 'jo.admin', role: 'admin' } } });
    expect((await db.audit.toArray()).map((entry) => entry.action)).toEqual(['CLINIC_CREATED', 'STAFF_SAVED']);
    expect(await signIn(env, 'jo.admin', 'wrong horse battery')).toMatchObject({ ok: false, reason: 'wrong-credentials' });
    expect(await signIn(env, 'jo.admin', 'correct horse battery')).toMatchObject({ ok: true, session: { displayName: 'Jo Admin', role: 'admin' } });
  });

  it('refuses a short passphrase and a second set-up, storing nothing', async () => {
    const { db, env } = await emptyDesk();
    expect(await setUpFirstRun(env, { ...request, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'too-short', field: 'passphrase' } });
    expect(await db.staff.count()).toBe(0);
    expect((await setUpFirstRun(env, request)).ok).toBe(true);
    const before = await dumpDatabase(db);
    expect(await setUpFirstRun(env, { ...request, admin: { displayName: 'Mo', username: 'mo.admin' } })).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'setup' } });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe('sign-in writes are all-or-nothing', () => {
  it('a failure on the audit write or the counters leaves credentials, throttle state and the log as they were', async () => {
    const { db, env, clock } = await authFixture();
    // Four failures already: the next wrong one would start the backoff, the right one would reset the count.
    for (let attempt = 1; attempt <= 4; attempt += 1) await signIn(env, 'jo.smith', 'wrong horse battery');
    const failure = await injectWriteFailures(db);
    const before = await dumpDatabase(db);
    const attempts: [string, () => Promise<unknown>][] = [
      ['wrong passphrase', () => signIn(env, 'jo.smith', 'wrong horse battery')],
      ['right passphrase', () => signIn(env, 'jo.smith', 'correct horse battery')],
      ['unknown username', () => signIn(env, 'nobody', 'whatever it is')],
      ['new passphrase', () => setPassphrase(env, admin, 'jo', 'another long passphrase')],
      ['idle lock', () => recordSessionLocked(env, frontDesk)],
      ['sign-out', () => recordSignedOut(env, frontDesk)],
    ];
    for (const [label, attempt] of attempts) {
      for (const table of ['audit', 'meta']) {
        failure.aim(table);
        await expect(attempt(), `${label}, failing on ${table}`).rejects.toThrow(/Injected failure/);
        failure.armed = false;
        expect(await dumpDatabase(db), `${label}, failing on ${table}`).toEqual(before);
      }
    }
    // Nothing was counted: the fifth wrong passphrase is still the one that starts the wait.
    await signIn(env, 'jo.smith', 'wrong horse battery');
    expect(await db.staffCredentials.get('jo')).toMatchObject({ failedAttempts: 5, lockedUntil: clock.now + 30_000 });
  });
});
