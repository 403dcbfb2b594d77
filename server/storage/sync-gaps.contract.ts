import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import type { Appointment, AuditEntry } from '../../core';
import { applyPush } from '../sync/apply-push';
import { conflictRecordSchema } from '../sync/conflict-record';
import { auditChain, bookedAppointment, bookingMutation, editMutation, mutation } from '../sync/push-fixtures';
import { readChanges } from '../sync/read-changes';
import type { SyncAuth } from '../sync/sync-auth';
import type { Mutation } from '../sync/wire-schemas';
import type { ChangeRecord } from './storage';
import type { ContractSubject } from './storage.contract';

const clock = () => Date.parse('2026-03-01T08:00:00.000Z');

/**
 * The sync gaps issue 6 left open, as contracts every adapter passes (run by
 * sqlite.test.ts and postgres.test.ts): deletes checked against
 * `baseVersion`, concurrent-edit records that name the staff members, and a
 * double booking's resolution checked with core's schema.
 *
 * @example runSyncGapsContract('sqlite', openSubject);
 */
export function runSyncGapsContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`sync gaps contract: ${name}`, () => {
    let subject: ContractSubject;
    let clinics = 0;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject.storage.close();
      await subject.dispose();
    });

    async function twoDesks(): Promise<[SyncAuth, SyncAuth]> {
      clinics += 1;
      const clinic = await createClinic(subject.storage, { name: `Gaps ${clinics}`, zone: 'Europe/London' }, clock);
      const desks: SyncAuth[] = [];
      for (const index of [1, 2]) {
        const { code } = await issueEnrollmentCode(subject.storage, { clinicId: clinic.id }, clock);
        const deviceId = `g${clinics}-desk-${index}`;
        await enrollDevice(subject.storage, { code, deviceId, deviceName: `Desk ${index}` }, clock);
        desks.push({ clinicId: clinic.id, deviceId });
      }
      return [desks[0]!, desks[1]!];
    }
    const push = (desk: SyncAuth, mutations: Mutation[], audit: AuditEntry[] = []) => applyPush(subject.storage, desk, { deviceId: desk.deviceId, mutations, audit });
    const pullAll = async (desk: SyncAuth): Promise<ChangeRecord[]> => (await readChanges(subject.storage, desk, { after: '0', limit: '1000' }, clock)).changes;
    const deleteMutation = (desk: SyncAuth, seq: number, id: string, baseVersion: number): Mutation => ({
      ...mutation(desk.deviceId, seq, [{ entity: 'appointment', id, op: 'delete' }]),
      name: 'appointment/remove',
      hlc: `2026-03-01T09:30:00.000Z-0000-${desk.deviceId}`,
      baseVersion,
    });

    it('refuses a delete made on an older version than a slot change another desk made: the record stays and the deleting desk gets it back; a note changed meanwhile does not stop a delete', async () => {
      const [one, two] = await twoDesks();
      const booked = bookedAppointment({ id: 'gap-del', resourceId: 'dr-lee', patientId: 'p-del', wallStart: '2026-03-02T09:00' });
      const moved: Appointment = { ...booked, wallStart: '2026-03-02T10:00:00', start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T10:30:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z' };
      await push(one, [bookingMutation(one.deviceId, 1, booked)]);
      await push(one, [editMutation(one.deviceId, 2, moved, 1)]);
      // Desk 2 still holds version 1 and deletes it: that would throw the move to 10:00 away.
      const refused = await push(two, [deleteMutation(two, 1, 'gap-del', 1)]);
      expect(refused.results[0]).toMatchObject({ status: 'conflict', conflictId: expect.stringMatching(/^cf_/) });
      const changes = await pullAll(two);
      const stored = changes.filter((change) => change.id === 'gap-del').at(-1);
      expect(stored).toMatchObject({ op: 'put', data: expect.objectContaining({ wallStart: '2026-03-02T10:00:00' }) });
      const record = conflictRecordSchema.parse(changes.find((change) => change.entity === 'conflict')?.data);
      expect(record).toMatchObject({ kind: 'concurrent-edit', entity: 'appointment', recordId: 'gap-del', fields: ['end', 'start', 'wallStart'], kept: { deviceId: one.deviceId, version: 2 }, other: { deviceId: two.deviceId, at: '2026-03-01T09:30:00.000Z', values: { deleted: true } } });

      // Up to date (it pulled the kept version), desk 2's delete applies.
      const current = changes.filter((change) => change.id === 'gap-del').at(-1)!.version;
      expect((await push(two, [deleteMutation(two, 2, 'gap-del', current)])).results[0]).toMatchObject({ status: 'applied' });
      expect((await pullAll(one)).filter((change) => change.id === 'gap-del').at(-1)).toMatchObject({ op: 'delete' });

      // Only words changed since the base: the delete applies (a note is not a slot).
      const other = bookedAppointment({ id: 'gap-del-2', resourceId: 'dr-lee', patientId: 'p-del', wallStart: '2026-03-03T09:00' });
      await push(one, [bookingMutation(one.deviceId, 3, other)]);
      const version = (await pullAll(one)).filter((change) => change.id === 'gap-del-2').at(-1)!.version;
      await push(one, [editMutation(one.deviceId, 4, { ...other, notes: 'Bring the referral letter', updatedAt: '2026-03-01T09:10:00.000Z' }, version)]);
      expect((await push(two, [deleteMutation(two, 3, 'gap-del-2', version)])).results[0]).toMatchObject({ status: 'applied' });
    });

    it('names the staff members of both sides of a concurrent edit (from the audit entries of their mutations), not only the desks', async () => {
      const [one, two] = await twoDesks();
      const booked = bookedAppointment({ id: 'gap-staff', resourceId: 'dr-lee', patientId: 'p-staff', wallStart: '2026-03-02T09:00' });
      const at = (time: string, updatedAt: string): Appointment => ({ ...booked, wallStart: `2026-03-02T${time}:00`, start: `2026-03-02T${time}:00.000Z`, end: `2026-03-02T${time.slice(0, 3)}30:00.000Z`, updatedAt });
      const booking = bookingMutation(one.deviceId, 1, booked);
      const firstMove = editMutation(one.deviceId, 2, at('10:00', '2026-03-01T09:00:00.000Z'), 1);
      await push(one, [booking, firstMove], auditChain(one.deviceId, 2, null, { staff: { staffId: 'staff-jo', displayName: 'Jo Smith' }, mutationIds: [booking.mutationId, firstMove.mutationId] }));
      const otherMove = editMutation(two.deviceId, 1, at('11:00', '2026-03-01T09:05:00.000Z'), 1);
      const moved = await push(two, [otherMove], auditChain(two.deviceId, 1, null, { staff: { staffId: 'staff-sam', displayName: 'Sam Okafor' }, mutationIds: [otherMove.mutationId] }));
      expect(moved.results[0]).toMatchObject({ status: 'conflict' });
      const record = conflictRecordSchema.parse((await pullAll(one)).find((change) => change.entity === 'conflict')?.data);
      expect(record).toMatchObject({ kind: 'concurrent-edit', kept: { deviceId: one.deviceId, staffId: 'staff-jo' }, other: { deviceId: two.deviceId, staffId: 'staff-sam' } });
    });

    it('checks a desk\'s double-booking resolution with core\'s schema: a resolution of another shape is rejected naming the field', async () => {
      const [one, two] = await twoDesks();
      await push(one, [bookingMutation(one.deviceId, 1, bookedAppointment({ id: 'gap-a', resourceId: 'dr-kim', patientId: 'p-a', wallStart: '2026-03-04T09:00' }))]);
      const clash = await push(two, [bookingMutation(two.deviceId, 1, bookedAppointment({ id: 'gap-b', resourceId: 'dr-kim', patientId: 'p-b', wallStart: '2026-03-04T09:00' }))]);
      const conflict = (await pullAll(one)).find((change) => change.id === clash.results[0]!.conflictId)!.data!;
      const resolve = (seq: number, resolution: unknown) => ({ ...mutation(one.deviceId, seq, [{ entity: 'conflict', id: String(conflict['id']), op: 'put', data: { ...conflict, status: 'resolved', resolution } }]), name: 'conflict/resolve' });
      const wrong = await push(one, [resolve(2, { action: 'ignored', note: 'whatever' })]);
      expect(wrong.results[0]).toMatchObject({ status: 'rejected', reason: { field: expect.stringMatching(/^effects\.0\.data\.resolution/) } });
      const right = await push(one, [resolve(3, { action: 'kept-both', reason: 'Two rooms after all', by: 'staff-jo', at: '2026-03-01T10:00:00.000Z' })]);
      expect(right.results[0]).toMatchObject({ status: 'applied' });
    });
  });
}
