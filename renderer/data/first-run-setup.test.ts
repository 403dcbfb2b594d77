import { describe, expect, it } from 'vitest';
import { signIn } from '../../core/auth';
import { injectWriteFailures } from '../../core/commands/commands.fixture';
import { readClinicSettings } from '../../core/db';
import { checkFirstRun, needsFirstRun, setUpClinic } from './first-run-setup';
import { firstRunForm, openTestAppData } from './test-app-data.fixture';

describe('checkFirstRun', () => {
  it('names the field of the first problem', () => {
    const refusal = (input: Partial<typeof firstRunForm>) => {
      const result = checkFirstRun({ ...firstRunForm, ...input });
      return result.ok ? null : { code: result.error.code, field: result.error.field };
    };
    expect(refusal({})).toBeNull();
    expect(refusal({ clinicName: '  ' })).toEqual({ code: 'required', field: 'clinicName' });
    expect(refusal({ timeZone: 'Mars/Base' })).toEqual({ code: 'unknown-zone', field: 'timeZone' });
    expect(refusal({ locale: 'not a locale!' })).toEqual({ code: 'invalid-format', field: 'locale' });
    expect(refusal({ adminUsername: 'jo smith' })).toEqual({ code: 'invalid-format', field: 'adminUsername' });
    expect(refusal({ passphrase: 'short', passphraseAgain: 'short' })).toEqual({ code: 'too-short', field: 'passphrase' });
    expect(refusal({ passphraseAgain: 'correct horse batterie' })).toEqual({ code: 'invalid-format', field: 'passphraseAgain' });
  });
});

describe('setUpClinic', () => {
  it('stores the clinic, the admin with a working passphrase, and resources with weekday hours', async () => {
    const data = await openTestAppData();
    expect(await needsFirstRun(data)).toBe(true);
    const result = await setUpClinic(data, firstRunForm);
    expect(result.ok).toBe(true);
    expect(await needsFirstRun(data)).toBe(false);

    expect(await readClinicSettings(data.db)).toMatchObject({ name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US' });
    const resources = await data.db.resources.toArray();
    expect(resources.map((resource) => [resource.kind, resource.name]).sort()).toEqual([
      ['provider', 'Dr Adams'],
      ['provider', 'Dr Brown'],
      ['room', 'Room 1'],
    ]);
    // One Mon–Fri 09:00–17:00 block per resource.
    expect((await data.db.scheduleBlocks.toArray()).map((block) => [block.kind, block.rrule, block.wallStart.slice(11), block.wallEnd?.slice(11)])).toEqual(
      Array.from({ length: 3 }, () => ['working', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '09:00:00', '17:00:00']),
    );
    // The log starts with the set-up itself, by the new admin: clinic, then the admin account (with its passphrase).
    const audit = await data.db.audit.orderBy('[deviceId+seq]').toArray();
    expect(audit.slice(0, 2)).toMatchObject([
      { action: 'CLINIC_CREATED', actor: { displayName: 'Jo Admin', role: 'admin' }, changes: { name: { before: null, after: 'Northside Family Clinic' } } },
      { action: 'STAFF_SAVED', actor: { displayName: 'Jo Admin', role: 'admin' }, changes: { username: { before: null, after: 'jo.admin' }, passphrase: { before: null, after: 'changed' } } },
    ]);
    expect(audit.filter((entry) => entry.action === 'CLINIC_CREATED')).toHaveLength(1);

    const wrong = await signIn(data.auth, 'jo.admin', 'wrong horse battery');
    expect(wrong.ok).toBe(false);
    const right = await signIn(data.auth, 'JO.ADMIN', 'correct horse battery');
    expect(right.ok && right.staff.role).toBe('admin');
  });

  it('refuses bad input without storing anything, and refuses a second set-up', async () => {
    const data = await openTestAppData();
    const refused = await setUpClinic(data, { ...firstRunForm, passphraseAgain: 'different horse battery' });
    expect(refused.ok).toBe(false);
    expect(await data.db.staff.count()).toBe(0);
    expect(await data.db.resources.count()).toBe(0);

    expect((await setUpClinic(data, firstRunForm)).ok).toBe(true);
    const again = await setUpClinic(data, { ...firstRunForm, adminUsername: 'someone.else' });
    expect(again.ok ? null : again.error.code).toBe('not-permitted');
    expect(await data.db.staff.count()).toBe(1);
  });

  // Closing the window half-way aborts IndexedDB's transaction; a failed write half-way is the same abort.
  it.each([
    { what: 'named providers and rooms', sample: false, table: 'scheduleBlocks', nth: 2 },
    { what: 'the sample clinic', sample: true, table: 'appointments', nth: 400 },
  ])('stores nothing of a first run cut off half-way ($what): first run starts again, then succeeds', { timeout: 120_000 }, async ({ sample, table, nth }) => {
    const data = await openTestAppData(Date.parse('2026-10-28T15:00:00Z'));
    const failure = await injectWriteFailures(data.db);
    failure.aim(table, nth);
    await expect(setUpClinic(data, { ...firstRunForm, sample })).rejects.toThrow(/Injected failure/);
    failure.armed = false;
    expect(await needsFirstRun(data)).toBe(true);
    for (const name of ['staff', 'staffCredentials', 'resources', 'availability', 'patients', 'appointments', 'series', 'audit', 'outbox']) {
      expect(await data.db.table(name).count(), name).toBe(0);
    }
    expect((await readClinicSettings(data.db)).name).not.toBe(firstRunForm.clinicName);
    expect((await setUpClinic(data, { ...firstRunForm, sample })).ok).toBe(true);
    expect(await data.db.staff.count()).toBe(1);
  });
});
