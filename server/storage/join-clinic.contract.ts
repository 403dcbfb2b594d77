import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { applyPush } from '../sync/apply-push';
import { mutation, patientMutation } from '../sync/push-fixtures';
import { readChanges } from '../sync/read-changes';
import type { SyncAuth } from '../sync/sync-auth';
import type { ContractSubject } from './storage.contract';
import type { Storage } from './storage';

const clock = () => Date.parse('2026-03-01T08:00:00.000Z');

const clinicSettings = { id: 'clinic', name: 'North Street', timeZone: 'Europe/London', locale: 'en-GB', idleLockMinutes: 5 };
const credential = (id: string, hash = 'ab'.repeat(32)) => ({ id, algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt: '0f'.repeat(16), hash });
const staff = (id: string, username: string) => ({ id, displayName: `Staff ${id}`, username, role: 'front_desk', active: true });

/**
 * The storage side of a second desk joining a clinic (issue 6): clinic
 * settings and passphrase credentials sync like any record, scoped to the
 * clinic and validated strictly; a desk holding its own clinic cannot enroll
 * into a clinic another device enrolled as set up first; re-offered clinic
 * records fill gaps only; pull pages name the clinic's desks.
 * Run by sqlite.test.ts and postgres.test.ts beside the main contract.
 *
 * @example runJoinClinicContract('sqlite', openSubject);
 */
export function runJoinClinicContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`join-clinic contract: ${name}`, () => {
    let subject: ContractSubject;
    let storage: Storage;
    let clinics = 0;

    beforeAll(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterAll(async () => {
      await subject.storage.close();
      await subject.dispose();
    });

    async function clinicWithDesk(): Promise<{ clinicId: string; desk: SyncAuth; prefix: string }> {
      clinics += 1;
      const prefix = `j${clinics}`;
      const clinic = await createClinic(storage, { name: `Join ${clinics}`, zone: 'Europe/London' }, clock);
      const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
      await enrollDevice(storage, { code, deviceId: `${prefix}-desk-a`, deviceName: 'Front desk 1', deskSetUp: true }, clock);
      return { clinicId: clinic.id, desk: { clinicId: clinic.id, deviceId: `${prefix}-desk-a` }, prefix };
    }

    it('syncs the clinic settings and staff credentials to the clinic’s desks only, and a new passphrase replaces the old', async () => {
      const { clinicId, desk, prefix } = await clinicWithDesk();
      const pushed = await applyPush(storage, desk, {
        deviceId: desk.deviceId,
        mutations: [
          mutation(desk.deviceId, 1, [
            { entity: 'clinic', id: 'clinic', op: 'put', data: clinicSettings },
            { entity: 'staff', id: `${prefix}-rita`, op: 'put', data: staff(`${prefix}-rita`, 'rita') },
            { entity: 'staffCredential', id: `${prefix}-rita`, op: 'put', data: credential(`${prefix}-rita`) },
          ]),
          mutation(desk.deviceId, 2, [{ entity: 'staffCredential', id: `${prefix}-rita`, op: 'put', data: credential(`${prefix}-rita`, 'cd'.repeat(32)) }]),
        ],
      });
      expect(pushed.results.map((result) => result.status)).toEqual(['applied', 'applied']);
      const page = await readChanges(storage, desk, { after: '0' }, clock);
      expect(page.changes.map((change) => `${change.entity}:${change.id}`)).toEqual(['clinic:clinic', `staff:${prefix}-rita`, `staffCredential:${prefix}-rita`, `staffCredential:${prefix}-rita`]);
      expect(page.changes[0]?.data).toEqual(clinicSettings);
      expect(page.changes.at(-1)?.data).toEqual(credential(`${prefix}-rita`, 'cd'.repeat(32)));

      // Another clinic sees none of it.
      const other = await clinicWithDesk();
      expect((await readChanges(storage, other.desk, { after: '0' }, clock)).changes).toEqual([]);
      expect(clinicId).not.toBe(other.clinicId);
    });

    it('rejects a credential carrying anything but the hash, salt and parameters, naming the field, and keeps the sequence moving', async () => {
      const { desk, prefix } = await clinicWithDesk();
      const id = `${prefix}-jo`;
      const pushed = await applyPush(storage, desk, {
        deviceId: desk.deviceId,
        mutations: [
          mutation(desk.deviceId, 1, [{ entity: 'staffCredential', id, op: 'put', data: { ...credential(id), passphrase: 'correct horse battery' } }]),
          mutation(desk.deviceId, 2, [{ entity: 'staffCredential', id, op: 'put', data: { ...credential(id), failedAttempts: 3 } }]),
          mutation(desk.deviceId, 3, [{ entity: 'staffCredential', id, op: 'put', data: credential(id, 'not-hex') }]),
          mutation(desk.deviceId, 4, [{ entity: 'staffCredential', id, op: 'put', data: { ...credential(id), iterations: 10 } }]),
          mutation(desk.deviceId, 5, [{ entity: 'clinic', id: 'clinic', op: 'put', data: { ...clinicSettings, timeZone: 'Mars/Olympus' } }]),
          patientMutation(desk.deviceId, 6),
        ],
      });
      expect(pushed.results.map((result) => [result.status, result.reason?.field])).toEqual([
        ['rejected', 'effects.0.data.passphrase'],
        ['rejected', 'effects.0.data.failedAttempts'],
        ['rejected', 'effects.0.data.hash'],
        ['rejected', 'effects.0.data.iterations'],
        ['rejected', 'effects.0.data.timeZone'],
        ['applied', undefined],
      ]);
      expect((await readChanges(storage, desk, { after: '0' }, clock)).changes.map((change) => change.entity)).toEqual(['patient']);
    });

    it('refuses a set-up desk from another device once one enrolled as set up, even before either pushed, without using the code up; a fresh desk and a re-enrolling one pass', async () => {
      const { clinicId, desk } = await clinicWithDesk();
      // Nothing pushed yet: the first set-up desk's enrollment alone claims the clinic.
      const { code } = await issueEnrollmentCode(storage, { clinicId }, clock);
      await expect(enrollDevice(storage, { code, deviceId: `${desk.deviceId}-c`, deviceName: 'Desk C', deskSetUp: true }, clock)).rejects.toMatchObject({
        status: 409,
        code: 'clinic-already-set-up',
        field: 'code',
      });
      expect(await storage.getDevice(`${desk.deviceId}-c`)).toBeNull();
      await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [mutation(desk.deviceId, 1, [{ entity: 'clinic', id: 'clinic', op: 'put', data: clinicSettings }])] });
      await expect(enrollDevice(storage, { code, deviceId: `${desk.deviceId}-c`, deviceName: 'Desk C', deskSetUp: true }, clock)).rejects.toMatchObject({ status: 409, code: 'clinic-already-set-up' });
      // The same code still serves a fresh desk joining the clinic.
      await expect(enrollDevice(storage, { code, deviceId: `${desk.deviceId}-b`, deviceName: 'Front desk 2' }, clock)).resolves.toMatchObject({ clinicId });
      // The desk that set the clinic up may re-enroll (a lost token) with its data.
      const again = await issueEnrollmentCode(storage, { clinicId }, clock);
      await expect(enrollDevice(storage, { code: again.code, deviceId: desk.deviceId, deviceName: 'Front desk 1', deskSetUp: true }, clock)).resolves.toMatchObject({ clinicId });
    });

    it('lets exactly one of two set-up desks redeeming at once into a fresh clinic', async () => {
      clinics += 1;
      const clinic = await createClinic(storage, { name: `Race ${clinics}`, zone: 'Europe/London' }, clock);
      const first = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
      const second = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
      const outcomes = await Promise.allSettled([
        enrollDevice(storage, { code: first.code, deviceId: `race${clinics}-a`, deviceName: 'A', deskSetUp: true }, clock),
        enrollDevice(storage, { code: second.code, deviceId: `race${clinics}-b`, deviceName: 'B', deskSetUp: true }, clock),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { status: 409, code: 'clinic-already-set-up' } });
      expect(await storage.listDevices(clinic.id)).toHaveLength(1);
    });

    it('stores a desk’s re-offered clinic records (sync/share-clinic) only for ids it does not hold: an old copy never rolls a newer one back', async () => {
      const { desk, prefix } = await clinicWithDesk();
      const rita = `${prefix}-rita`;
      const gone = `${prefix}-gone`;
      const newer = { ...clinicSettings, idleLockMinutes: 15 };
      await applyPush(storage, desk, {
        deviceId: desk.deviceId,
        mutations: [
          mutation(desk.deviceId, 1, [
            { entity: 'clinic', id: 'clinic', op: 'put', data: newer },
            { entity: 'staff', id: rita, op: 'put', data: { ...staff(rita, 'rita'), active: false } },
            { entity: 'staffCredential', id: rita, op: 'put', data: credential(rita, 'cd'.repeat(32)) },
            { entity: 'staff', id: gone, op: 'put', data: staff(gone, 'gone') },
          ]),
          mutation(desk.deviceId, 2, [{ entity: 'staff', id: gone, op: 'delete' }]),
        ],
      });
      const before = (await readChanges(storage, desk, { after: '0' }, clock)).lastChange;
      // A desk's stale copies: old settings, Rita still active with her old passphrase, a deleted account; plus one the server never saw.
      const share = {
        ...mutation(desk.deviceId, 3, [
          { entity: 'clinic', id: 'clinic', op: 'put', data: clinicSettings },
          { entity: 'staff', id: rita, op: 'put', data: staff(rita, 'rita') },
          { entity: 'staffCredential', id: rita, op: 'put', data: credential(rita) },
          { entity: 'staff', id: gone, op: 'put', data: staff(gone, 'gone') },
          { entity: 'staff', id: `${prefix}-sam`, op: 'put', data: staff(`${prefix}-sam`, 'sam') },
        ]),
        name: 'sync/share-clinic',
      };
      const pushed = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [share] });
      expect(pushed.results.map((result) => result.status)).toEqual(['applied']);
      const after = await readChanges(storage, desk, { after: String(before) }, clock);
      expect(after.changes.map((change) => `${change.entity}:${change.id}`)).toEqual([`staff:${prefix}-sam`]);
      const latest = (entity: string, id: string) => (readChanges(storage, desk, { after: '0' }, clock) as Promise<{ changes: { entity: string; id: string; data?: unknown }[] }>).then((page) => page.changes.filter((change) => change.entity === entity && change.id === id).at(-1));
      expect((await latest('clinic', 'clinic'))?.data).toEqual(newer);
      expect((await latest('staff', rita))?.data).toMatchObject({ active: false });
      expect((await latest('staffCredential', rita))?.data).toEqual(credential(rita, 'cd'.repeat(32)));
      // The same records under any other mutation name are ordinary puts.
      const edit = mutation(desk.deviceId, 4, [{ entity: 'staff', id: rita, op: 'put', data: staff(rita, 'rita') }]);
      expect((await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [edit] })).results[0]?.status).toBe('applied');
      expect((await latest('staff', rita))?.data).toMatchObject({ active: true });
    });

    it('pull pages name the clinic’s desks (never their token hashes) and carry the newest change number', async () => {
      const { clinicId, desk } = await clinicWithDesk();
      const { code } = await issueEnrollmentCode(storage, { clinicId }, clock);
      await enrollDevice(storage, { code, deviceId: `${desk.deviceId}-2`, deviceName: 'Front desk 2' }, clock);
      for (let seq = 1; seq <= 3; seq += 1) await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [patientMutation(desk.deviceId, seq)] });
      const page = await readChanges(storage, desk, { after: '0', limit: '1' }, clock);
      expect(page).toMatchObject({ hasMore: true, lastChange: 3 });
      expect(page.devices.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: desk.deviceId, name: 'Front desk 1' },
        { id: `${desk.deviceId}-2`, name: 'Front desk 2' },
      ]);
      expect(JSON.stringify(page)).not.toMatch(/tokenHash|token_hash/);
    });
  });
}
