import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { hashSecret } from '../accounts/secrets';
import { ApiError } from '../http/api-error';
import { applyPush } from '../sync/apply-push';
import { transition } from '../../core';
import type { Appointment } from '../../core';
import { conflictRecordSchema } from '../sync/conflict-record';
import { auditChain, bookedAppointment, bookingMutation, editMutation, mutation, patientMutation, patientRecord } from '../sync/push-fixtures';
import { readChanges } from '../sync/read-changes';
import type { SyncAuth } from '../sync/sync-auth';
import type { ChangeRecord, RawSqlAccess, Storage } from './storage';

/** An adapter under test and how to throw its data away afterwards. */
export interface ContractSubject {
  storage: Storage & RawSqlAccess;
  dispose(): Promise<void>;
}

const clock = () => Date.parse('2026-03-01T08:00:00.000Z');

/**
 * The ONE contract every storage adapter must pass, run through the same sync
 * functions the HTTP routes call. sqlite.test.ts and postgres.test.ts call it
 * with their adapter.
 *
 * @example runStorageContract('sqlite', async () => ({ storage: await openSqliteStorage({ path: ':memory:' }), dispose: async () => {} }));
 */
export function runStorageContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`storage contract: ${name}`, () => {
    let subject: ContractSubject;
    let storage: Storage & RawSqlAccess;
    let clinicCount = 0;

    beforeAll(async () => {
      subject = await open();
      storage = subject.storage;
    });
    afterAll(async () => {
      await subject.storage.close();
      await subject.dispose();
    });

    /** A fresh clinic with `devices` enrolled desks, so tests never share state. */
    async function clinicWith(devices: number): Promise<{ clinicId: string; desks: SyncAuth[]; tokens: string[] }> {
      clinicCount += 1;
      const clinic = await createClinic(storage, { name: `Clinic ${clinicCount}`, zone: 'Europe/London' }, clock);
      const desks: SyncAuth[] = [];
      const tokens: string[] = [];
      for (let index = 1; index <= devices; index += 1) {
        const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
        const deviceId = `k${clinicCount}-desk-${index}`;
        const enrolled = await enrollDevice(storage, { code, deviceId, deviceName: `Desk ${index}` }, clock);
        desks.push({ clinicId: enrolled.clinicId, deviceId });
        tokens.push(enrolled.token);
      }
      return { clinicId: clinic.id, desks, tokens };
    }

    async function pullAll(auth: SyncAuth, limit = 500): Promise<ChangeRecord[]> {
      const all: ChangeRecord[] = [];
      let after = '0';
      for (;;) {
        const page = await readChanges(storage, auth, { after, limit: String(limit) }, clock);
        all.push(...page.changes);
        after = page.nextCursor;
        if (!page.hasMore) return all;
      }
    }

    async function pushError(auth: SyncAuth, body: unknown): Promise<ApiError> {
      const error = await applyPush(storage, auth, body).then(
        () => null,
        (caught: unknown) => caught,
      );
      if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
      return error;
    }

    it('enrolls with a one-time code: the token is stored hashed, the code cannot be reused, an expired code fails', async () => {
      const clinic = await createClinic(storage, { name: 'Codes', zone: 'Europe/Paris' }, clock);
      const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id, ttlMinutes: 5 }, clock);
      const enrolled = await enrollDevice(storage, { code: code.toLowerCase(), deviceId: 'codes-desk', deviceName: 'Desk' }, clock);
      expect(enrolled.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const device = await storage.findDeviceByTokenHash(hashSecret(enrolled.token));
      expect(device).toMatchObject({ id: 'codes-desk', clinicId: clinic.id, revokedAt: null, lastDeviceSeq: 0 });
      // Only the hash finds it: the token itself is not stored.
      expect(await storage.findDeviceByTokenHash(enrolled.token)).toBeNull();
      expect(Object.values(device ?? {}).join(' ')).not.toContain(hashSecret(enrolled.token));
      await expect(enrollDevice(storage, { code, deviceId: 'codes-desk-2', deviceName: 'Desk 2' }, clock)).rejects.toMatchObject({ status: 401, code: 'invalid-enrollment-code' });
      const late = await issueEnrollmentCode(storage, { clinicId: clinic.id, ttlMinutes: 5 }, clock);
      await expect(enrollDevice(storage, { code: late.code, deviceId: 'codes-desk-3', deviceName: 'Desk 3' }, () => clock() + 5 * 60_000)).rejects.toMatchObject({ code: 'invalid-enrollment-code' });
      expect(await storage.getDevice('codes-desk-3')).toBeNull();
      expect(await storage.revokeDevice('codes-desk', new Date(clock()).toISOString())).toBe(true);
      expect((await storage.findDeviceByTokenHash(hashSecret(enrolled.token)))?.revokedAt).not.toBeNull();
      expect(await storage.revokeDevice('no-such-desk', new Date(clock()).toISOString())).toBe(false);
    });

    it('applies a batch and answers a replay with the stored results, changing nothing', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      const batch = { deviceId: desk.deviceId, mutations: [1, 2, 3].map((seq) => patientMutation(desk.deviceId, seq)), audit: [] };
      const first = await applyPush(storage, desk, batch);
      expect(first.results.map((r) => [r.status, r.change])).toEqual([['applied', 1], ['applied', 2], ['applied', 3]]);
      const replay = await applyPush(storage, desk, batch);
      expect(replay.results).toEqual(first.results.map((r) => ({ ...r, status: 'duplicate', original: 'applied' })));
      const changes = await pullAll(desk);
      expect(changes.map((c) => c.change)).toEqual([1, 2, 3]);
      expect((await storage.getDevice(desk.deviceId))?.lastDeviceSeq).toBe(3);
    });

    it('refuses a gap in deviceSeq with 409 and the expected seq; earlier mutations of the batch stay applied', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      const error = await pushError(desk, { deviceId: desk.deviceId, mutations: [patientMutation(desk.deviceId, 1), patientMutation(desk.deviceId, 3)], audit: [] });
      expect(error.status).toBe(409);
      expect(error.code).toBe('sequence-gap');
      expect(error.field).toBe('mutations.1.deviceSeq');
      expect(error.details?.['expected']).toBe(2);
      expect((await pullAll(desk)).map((c) => c.id)).toEqual([`${desk.deviceId}-p1`]);
      // A new mutation id reusing a seq already taken is refused too (a desk that lost its state).
      const reused = await pushError(desk, { deviceId: desk.deviceId, mutations: [mutation(desk.deviceId, 1, [], 'other-id')], audit: [] });
      expect(reused.details?.['expected']).toBe(2);
    });

    it('records a mutation with an invalid record as rejected (naming the field) and advances the sequence', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      const bad = mutation(desk.deviceId, 1, [{ entity: 'patient', id: 'p1', op: 'put', data: { ...patientRecord('p1'), dateOfBirth: 'yesterday' } }]);
      const response = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [bad, patientMutation(desk.deviceId, 2)], audit: [] });
      expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { field: 'effects.0.data.dateOfBirth' } });
      expect(response.results[1]).toMatchObject({ status: 'applied', change: 1 });
      const replay = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [bad], audit: [] });
      expect(replay.results[0]).toMatchObject({ status: 'duplicate', original: 'rejected', reason: { field: 'effects.0.data.dateOfBirth' } });
    });

    it('pages through changes with the cursor: every change once, in order, hasMore until the end', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: Array.from({ length: 25 }, (_, i) => patientMutation(desk.deviceId, i + 1)), audit: [] });
      const pages = [];
      let after = '0';
      for (;;) {
        const page = await readChanges(storage, desk, { after, limit: '10' }, clock);
        pages.push(page);
        after = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(pages.map((page) => [page.changes.length, page.nextCursor, page.hasMore])).toEqual([[10, '10', true], [10, '20', true], [5, '25', false]]);
      expect(pages.flatMap((page) => page.changes.map((c) => c.change))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const empty = await readChanges(storage, desk, { after: '25' }, clock);
      expect(empty).toMatchObject({ changes: [], nextCursor: '25', hasMore: false });
      expect(pages[0]!.changes[0]).toMatchObject({ entity: 'patient', op: 'put', version: 1, data: { id: `${desk.deviceId}-p1`, givenName: `Given ${desk.deviceId}-p1` } });
    });

    it('never skips a change: concurrent pushes from several desks, pulled while they run, arrive exactly once', async () => {
      const { desks } = await clinicWith(5);
      const perDesk = 30;
      const seen: ChangeRecord[] = [];
      let cursor = '0';
      let pushing = true;
      const puller = (async () => {
        // Pull continuously while the pushes commit: a change committing behind the cursor would be lost here.
        while (pushing) {
          const page = await readChanges(storage, desks[0]!, { after: cursor, limit: '7' }, clock);
          seen.push(...page.changes);
          cursor = page.nextCursor;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await Promise.all(
        desks.map(async (desk) => {
          for (let seq = 1; seq <= perDesk; seq += 3) {
            await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [seq, seq + 1, seq + 2].map((s) => patientMutation(desk.deviceId, s)), audit: [] });
          }
        }),
      );
      pushing = false;
      await puller;
      seen.push(...(await pullAll({ ...desks[0]! }).then((all) => all.filter((c) => c.change > Number(cursor)))));
      const total = desks.length * perDesk;
      expect(seen.map((c) => c.change)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(new Set(seen.map((c) => c.id)).size).toBe(total);
    });

    it('keeps clinics apart: no reads across, same record and mutation ids independent; another desk\'s mutation id in the same clinic is refused without leaking', async () => {
      const a = await clinicWith(2);
      const b = await clinicWith(1);
      const deskA = a.desks[0]!;
      const deskB = b.desks[0]!;
      await applyPush(storage, deskA, { deviceId: deskA.deviceId, mutations: [mutation(deskA.deviceId, 1, [{ entity: 'patient', id: 'shared-id', op: 'put', data: patientRecord('shared-id') }], 'global-m1')], audit: [] });
      expect(await pullAll(deskB)).toEqual([]);
      // Mutation ids are scoped to the clinic (its key starts with clinic_id): the same id in another clinic is its own mutation.
      const other = await applyPush(storage, deskB, { deviceId: deskB.deviceId, mutations: [mutation(deskB.deviceId, 1, [{ entity: 'patient', id: 'shared-id', op: 'put', data: { ...patientRecord('shared-id'), givenName: 'Bea' } }], 'global-m1')], audit: [] });
      expect(other.results[0]).toEqual({ mutationId: 'global-m1', status: 'applied', change: 1 });
      const deskA2 = a.desks[1]!;
      const stolen = await applyPush(storage, deskA2, { deviceId: deskA2.deviceId, mutations: [mutation(deskA2.deviceId, 1, [{ entity: 'patient', id: 'shared-id', op: 'put', data: { ...patientRecord('shared-id'), givenName: 'Cy' } }], 'global-m1')], audit: [] });
      expect(stolen.results[0]).toEqual({ mutationId: 'global-m1', status: 'rejected', reason: { code: 'duplicate-id', field: 'mutationId', message: 'This mutation id is already taken.' } });
      expect((await pullAll(deskA)).map((c) => c.data?.['givenName'])).toEqual(['Given shared-id']);
      expect((await pullAll(deskB)).map((c) => [c.change, c.data?.['givenName']])).toEqual([[1, 'Bea']]);
      // A write transaction cannot be opened for a device of another clinic.
      await expect(storage.write(b.clinicId, deskA.deviceId, (tx) => tx.device())).rejects.toThrow(/not enrolled/);
    });

    it('keeps both bookings of a double booking from two desks; the later gets the conflict, both sync', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const first = bookedAppointment({ id: 'appt-1', resourceId: 'dr-lee', patientId: 'p1', wallStart: '2026-03-02T09:00' });
      const second = bookedAppointment({ id: 'appt-2', resourceId: 'dr-lee', patientId: 'p2', wallStart: '2026-03-02T09:15' });
      const clear = bookedAppointment({ id: 'appt-3', resourceId: 'dr-lee', patientId: 'p3', wallStart: '2026-03-02T09:45' });
      const r1 = await applyPush(storage, one, { deviceId: one.deviceId, mutations: [bookingMutation(one.deviceId, 1, first)], audit: [] });
      const r2 = await applyPush(storage, two, { deviceId: two.deviceId, mutations: [bookingMutation(two.deviceId, 1, second)], audit: [] });
      expect(r1.results[0]).toMatchObject({ status: 'applied' });
      expect(r2.results[0]).toMatchObject({ status: 'conflict', conflictId: expect.stringMatching(/^cf_/) });
      const changes = await pullAll(one);
      const conflict = changes.find((c) => c.entity === 'conflict');
      expect(conflict?.data).toEqual({
        id: r2.results[0]!.conflictId,
        kind: 'double-booking',
        appointmentIds: ['appt-1', 'appt-2'],
        resourceId: 'dr-lee',
        deviceIds: [one.deviceId, two.deviceId].sort(),
        detectedAtChange: 2,
        status: 'open',
      });
      expect(changes.filter((c) => c.entity === 'appointment').map((c) => [c.id, c.data?.['syncConflict']])).toEqual([['appt-1', undefined], ['appt-2', r2.results[0]!.conflictId]]);
      // Back-to-back is not a double booking (half-open intervals), and a replay does not mint a second conflict.
      const r3 = await applyPush(storage, one, { deviceId: one.deviceId, mutations: [bookingMutation(one.deviceId, 2, clear)], audit: [] });
      expect(r3.results[0]).toMatchObject({ status: 'applied' });
      await applyPush(storage, two, { deviceId: two.deviceId, mutations: [bookingMutation(two.deviceId, 1, second)], audit: [] });
      expect((await pullAll(two)).filter((c) => c.entity === 'conflict')).toHaveLength(1);
    });

    it('finds the series a booking can touch (by resource, by patient, by an occurrence moved onto the resource) with their exceptions, and no others', async () => {
      const { clinicId, desks } = await clinicWith(1);
      const desk = desks[0]!;
      const series = (id: string, resourceIds: string[], patientId: string) => ({ id, resourceIds, patientId, dtstart: '2026-03-02T09:00', timeZone: 'Europe/London', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4' });
      const exception = (id: string, seriesId: string, kind: 'moved' | 'cancelled', resourceIds: string[]) => ({ id, seriesId, kind, originalStart: '2026-03-09T09:00', resourceIds });
      const found = await storage.write(clinicId, desk.deviceId, async (tx) => {
        await tx.writeRecord({ entity: 'series', id: 's-resource', op: 'put', data: series('s-resource', ['dr-x', 'room-1'], 'p1') });
        await tx.writeRecord({ entity: 'series', id: 's-patient', op: 'put', data: series('s-patient', ['dr-y'], 'p-wanted') });
        await tx.writeRecord({ entity: 'series', id: 's-moved', op: 'put', data: series('s-moved', ['dr-z'], 'p3') });
        await tx.writeRecord({ entity: 'series', id: 's-other', op: 'put', data: series('s-other', ['dr-y'], 'p4') });
        await tx.writeRecord({ entity: 'series', id: 's-deleted', op: 'put', data: series('s-deleted', ['dr-x'], 'p5') });
        await tx.writeRecord({ entity: 'series', id: 's-deleted', op: 'delete' });
        await tx.writeRecord({ entity: 'seriesException', id: 'x-moved', op: 'put', data: exception('x-moved', 's-moved', 'moved', ['room-1']) });
        await tx.writeRecord({ entity: 'seriesException', id: 'x-resource', op: 'put', data: exception('x-resource', 's-resource', 'cancelled', ['dr-x']) });
        // A cancelled exception naming the resource does not bring its series in; a deleted moved one neither.
        await tx.writeRecord({ entity: 'seriesException', id: 'x-cancelled', op: 'put', data: exception('x-cancelled', 's-other', 'cancelled', ['room-1']) });
        await tx.writeRecord({ entity: 'seriesException', id: 'x-gone', op: 'put', data: exception('x-gone', 's-other', 'moved', ['room-1']) });
        await tx.writeRecord({ entity: 'seriesException', id: 'x-gone', op: 'delete' });
        return tx.findSeriesTouching(['room-1', 'dr-none'], ['p-wanted']);
      });
      expect(found.series.map((record) => record.id)).toEqual(['s-moved', 's-patient', 's-resource']);
      expect(found.exceptions.map((record) => record.id)).toEqual(['x-moved', 'x-resource']);
      const none = await storage.write(clinicId, desk.deviceId, (tx) => tx.findSeriesTouching(['dr-none'], []));
      expect(none).toEqual({ series: [], exceptions: [] });
      // Scoped to the clinic: another clinic's desk sees none of these.
      const other = await clinicWith(1);
      expect((await storage.write(other.clinicId, other.desks[0]!.deviceId, (tx) => tx.findSeriesTouching(['room-1', 'dr-x'], ['p-wanted']))).series).toEqual([]);
    });

    it('checks series too: two desks booking the same weekly slot are both stored with exactly one conflict; a clear series applies', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const series = (id: string, patientId: string, dtstart: string) => ({
        id, resourceIds: ['dr-lee'], patientId, dtstart, timeZone: 'Europe/London', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10',
        exdates: [], rdates: [], version: 1, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z',
      });
      const push = (desk: SyncAuth, seq: number, record: ReturnType<typeof series>) =>
        applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [{ ...mutation(desk.deviceId, seq, [{ entity: 'series', id: record.id, op: 'put', data: record }]), name: 'series/create' }], audit: [] });
      const r1 = await push(one, 1, series('s-one', 'p1', '2026-03-02T09:00'));
      const r2 = await push(two, 1, series('s-two', 'p2', '2026-03-02T09:15'));
      expect(r1.results[0]).toMatchObject({ status: 'applied' });
      expect(r2.results[0]).toMatchObject({ status: 'conflict', conflictId: expect.stringMatching(/^cf_/) });
      const changes = await pullAll(one);
      const conflicts = changes.filter((c) => c.entity === 'conflict');
      expect(conflicts).toHaveLength(1);
      const ids = conflicts[0]!.data?.['appointmentIds'] as string[];
      expect(ids).toHaveLength(20);
      expect(ids).toEqual(expect.arrayContaining(['s-one:20260302T090000', 's-two:20260302T091500', 's-one:20260504T090000', 's-two:20260504T091500']));
      expect(conflicts[0]!.data).toMatchObject({ resourceId: 'dr-lee', deviceIds: [one.deviceId, two.deviceId].sort(), status: 'open' });
      const stored = new Map(changes.filter((c) => c.entity === 'series').map((c) => [c.id, c.data]));
      expect([...stored.keys()].sort()).toEqual(['s-one', 's-two']);
      expect(stored.get('s-two')?.['syncConflict']).toBe(r2.results[0]!.conflictId);
      // Back-to-back weekly series on the same provider is no double booking; re-pushing the flagged one opens nothing new.
      const r3 = await push(one, 2, series('s-three', 'p3', '2026-03-02T09:45'));
      expect(r3.results[0]).toMatchObject({ status: 'applied' });
      const r4 = await push(two, 2, series('s-two', 'p2', '2026-03-02T09:15'));
      expect(r4.results[0]).toMatchObject({ status: 'conflict', conflictId: r2.results[0]!.conflictId });
      // A single appointment landing on a stored series' occurrence is a double booking too.
      const r5 = await applyPush(storage, two, { deviceId: two.deviceId, mutations: [bookingMutation(two.deviceId, 3, bookedAppointment({ id: 'appt-s', resourceId: 'dr-lee', patientId: 'p9', wallStart: '2026-03-09T09:50' }))], audit: [] });
      expect(r5.results[0]).toMatchObject({ status: 'conflict' });
      const last = (await pullAll(two)).filter((c) => c.entity === 'conflict').at(-1);
      expect(last?.data?.['appointmentIds']).toEqual(['s-three:20260309T094500', 'appt-s']);
      expect((await pullAll(two)).filter((c) => c.entity === 'conflict')).toHaveLength(2);
    });

    it('does not reopen a known double booking when either appointment is edited, even after it was resolved', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const first = bookedAppointment({ id: 'k-1', resourceId: 'dr-kim', patientId: 'kp-1', wallStart: '2026-05-04T09:00' });
      const second = bookedAppointment({ id: 'k-2', resourceId: 'dr-kim', patientId: 'kp-2', wallStart: '2026-05-04T09:00' });
      await applyPush(storage, one, { deviceId: one.deviceId, mutations: [bookingMutation(one.deviceId, 1, first)], audit: [] });
      const flagged = await applyPush(storage, two, { deviceId: two.deviceId, mutations: [bookingMutation(two.deviceId, 1, second)], audit: [] });
      const conflictId = flagged.results[0]!.conflictId!;
      // The first booking is edited: the pair is already on record.
      const editFirst = await applyPush(storage, one, { deviceId: one.deviceId, mutations: [bookingMutation(one.deviceId, 2, { ...first, notes: 'wheelchair' })], audit: [] });
      expect(editFirst.results[0]).toMatchObject({ status: 'applied' });
      // The flagged booking is edited while the conflict is open: same conflict, still reported.
      const editSecond = await applyPush(storage, two, { deviceId: two.deviceId, mutations: [bookingMutation(two.deviceId, 2, { ...second, notes: 'call first' })], audit: [] });
      expect(editSecond.results[0]).toMatchObject({ status: 'conflict', conflictId });
      // A manager keeps both: the conflict is resolved; later edits stay quiet and keep the marker.
      const record = (await pullAll(one)).filter((c) => c.id === conflictId).at(-1)!.data!;
      const resolve = mutation(one.deviceId, 3, [{ entity: 'conflict', id: conflictId, op: 'put', data: { ...record, status: 'resolved', resolution: { action: 'kept-both', reason: 'Two rooms after all', by: 'manager-1', at: '2026-03-01T10:00:00.000Z' } } }]);
      expect((await applyPush(storage, one, { deviceId: one.deviceId, mutations: [resolve], audit: [] })).results[0]).toMatchObject({ status: 'applied' });
      const afterResolve = await applyPush(storage, two, { deviceId: two.deviceId, mutations: [bookingMutation(two.deviceId, 3, { ...second, notes: 'kept' })], audit: [] });
      expect(afterResolve.results[0]).toMatchObject({ status: 'applied' });
      const changes = await pullAll(two);
      expect(changes.filter((c) => c.entity === 'conflict').map((c) => c.data?.['status'])).toEqual(['open', 'resolved']);
      expect(changes.filter((c) => c.id === 'k-2').at(-1)?.data?.['syncConflict']).toBe(conflictId);
      // A third booking on the same slot is a new double booking with both.
      const third = bookedAppointment({ id: 'k-3', resourceId: 'dr-kim', patientId: 'kp-3', wallStart: '2026-05-04T09:10' });
      const another = await applyPush(storage, one, { deviceId: one.deviceId, mutations: [bookingMutation(one.deviceId, 4, third)], audit: [] });
      expect(another.results[0]).toMatchObject({ status: 'conflict' });
      expect((await pullAll(one)).filter((c) => c.id === another.results[0]!.conflictId).at(-1)?.data?.['appointmentIds']).toEqual(['k-1', 'k-2', 'k-3']);
    });

    it('detects a double booking between two desks pushing at the same moment', async () => {
      const { desks } = await clinicWith(4);
      const results = await Promise.all(
        desks.map((desk, index) =>
          applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [bookingMutation(desk.deviceId, 1, bookedAppointment({ id: `race-${index}`, resourceId: 'room-9', patientId: `rp-${index}`, wallStart: '2026-04-01T10:00' }))], audit: [] }),
        ),
      );
      const statuses = results.map((r) => r.results[0]!.status).sort();
      expect(statuses).toEqual(['applied', 'conflict', 'conflict', 'conflict']);
    });

    it('stores audit chains append-only: continues each chain, ignores resends, refuses a break, and the database refuses edits', async () => {
      const { clinicId, desks } = await clinicWith(1);
      const desk = desks[0]!;
      const chain = auditChain(desk.deviceId, 5);
      const first = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [], audit: chain.slice(0, 3) });
      expect(first.audit).toEqual({ accepted: 3, head: { seq: 3, hash: chain[2]!.hash } });
      const resend = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [], audit: chain });
      expect(resend.audit).toEqual({ accepted: 2, head: { seq: 5, hash: chain[4]!.hash } });
      const forged = { ...chain[1]!, reason: 'edited later' };
      const broken = await pushError(desk, { deviceId: desk.deviceId, mutations: [], audit: [forged] });
      expect(broken).toMatchObject({ status: 409, code: 'audit-chain-broken', details: { seq: 2 } });
      const more = auditChain(desk.deviceId, 2, chain[4]!);
      const tampered = { ...more[1]!, entityId: 'someone-else' };
      const partly = await pushError(desk, { deviceId: desk.deviceId, mutations: [], audit: [more[0]!, tampered] });
      expect(partly.details).toMatchObject({ seq: 7, accepted: 1 });
      const stored = await storage.readAudit(clinicId, desk.deviceId, 1, 100);
      expect(stored.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(stored[1]!.entry['reason']).toBeNull();
      await expect(storage.rawExecute(`UPDATE audit_entries SET hash = 'x' WHERE device_id = '${desk.deviceId}'`)).rejects.toThrow(/append-only/);
      await expect(storage.rawExecute(`DELETE FROM audit_entries WHERE device_id = '${desk.deviceId}'`)).rejects.toThrow(/append-only/);
      expect(await storage.readAudit(clinicId, desk.deviceId, 1, 100)).toHaveLength(6);
    });

    it('concurrent edits of one appointment: a slot moved on two desks is a conflict kept with both values, never a silent overwrite', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const push = (desk: SyncAuth, ...mutations: ReturnType<typeof editMutation>[]) => applyPush(storage, desk, { deviceId: desk.deviceId, mutations, audit: [] });
      const booked = bookedAppointment({ id: 'diaz', resourceId: 'dr-lee', patientId: 'p-diaz', wallStart: '2026-03-02T09:00' });
      const at = (time: string, updatedAt: string): Appointment => ({ ...booked, wallStart: `2026-03-02T${time}:00`, start: `2026-03-02T${time}:00.000Z`, end: `2026-03-02T${time.slice(0, 3)}30:00.000Z`, updatedAt });
      expect((await push(one, bookingMutation(one.deviceId, 1, booked))).results[0]).toMatchObject({ status: 'applied', change: 1 });
      // Both desks pulled version 1, went offline; desk 1 moves Mrs Diaz to 10:00, desk 2 to 11:00.
      expect((await push(one, editMutation(one.deviceId, 2, at('10:00', '2026-03-01T09:00:00.000Z'), 1))).results[0]).toMatchObject({ status: 'applied', change: 2 });
      const moved = await push(two, editMutation(two.deviceId, 1, at('11:00', '2026-03-01T09:05:00.000Z'), 1));
      expect(moved.results[0]).toMatchObject({ status: 'conflict', conflictId: expect.stringMatching(/^cf_/), change: 4 });
      const conflictId = moved.results[0]!.conflictId!;
      let changes = await pullAll(two);
      // The kept 10:00 is put again (under desk 1, its author), so desk 2 pulls it under a version it never counted itself.
      expect(changes.map((change) => [change.change, change.entity, change.id])).toEqual([[1, 'appointment', 'diaz'], [2, 'appointment', 'diaz'], [3, 'appointment', 'diaz'], [4, 'conflict', conflictId]]);
      expect(changes[2]!.data).toMatchObject({ wallStart: '2026-03-02T10:00:00', updatedAt: '2026-03-01T09:05:00.000Z' });
      const record = conflictRecordSchema.parse(changes[3]!.data);
      expect(record).toEqual({
        id: conflictId,
        kind: 'concurrent-edit',
        entity: 'appointment',
        recordId: 'diaz',
        fields: ['end', 'start', 'wallStart'],
        kept: { deviceId: one.deviceId, at: '2026-03-01T09:00:00.000Z', version: 2, values: expect.objectContaining({ wallStart: '2026-03-02T10:00:00', start: '2026-03-02T10:00:00.000Z', status: 'booked' }) },
        other: {
          deviceId: two.deviceId, at: '2026-03-01T09:05:00.000Z', mutationId: `${two.deviceId}-m1`,
          values: expect.objectContaining({ wallStart: '2026-03-02T11:00:00', start: '2026-03-02T11:00:00.000Z', status: 'booked' }),
          // The whole mutation as sent, so "apply the other" can recreate it.
          effects: [{ entity: 'appointment', id: 'diaz', op: 'put', data: expect.objectContaining({ wallStart: '2026-03-02T11:00:00', version: 2 }) }],
        },
        deviceIds: [one.deviceId, two.deviceId].sort(),
        detectedAtChange: 4,
        status: 'open',
      });
      // A replay answers the stored result and mints nothing.
      expect((await push(two, editMutation(two.deviceId, 1, at('11:00', '2026-03-01T09:05:00.000Z'), 1))).results[0]).toMatchObject({ status: 'duplicate', original: 'conflict', conflictId });
      // Desk 2, still offline, adds a note on top of its own move (baseVersion = its own version 2): the note merges, the kept 10:00 stays, no second conflict.
      const noted = await push(two, editMutation(two.deviceId, 2, { ...at('11:00', '2026-03-01T09:06:00.000Z'), notes: 'Wheelchair' }, 2));
      expect(noted.results[0]).toMatchObject({ status: 'applied', change: 5 });
      changes = await pullAll(one);
      expect(changes.filter((change) => change.entity === 'conflict')).toHaveLength(1);
      expect(changes.at(-1)?.data).toMatchObject({ wallStart: '2026-03-02T10:00:00', start: '2026-03-02T10:00:00.000Z', notes: 'Wheelchair', updatedAt: '2026-03-01T09:06:00.000Z' });
      // Desk 2 pulls (version 5) and applies its own move after all: based on the pulled version, not its old copy, so it lands.
      expect((await push(two, editMutation(two.deviceId, 3, { ...at('11:00', '2026-03-01T09:07:00.000Z'), notes: 'Wheelchair' }, 5))).results[0]).toMatchObject({ status: 'applied', change: 6 });
      expect((await pullAll(one)).at(-1)?.data).toMatchObject({ wallStart: '2026-03-02T11:00:00' });
      // Desk 1 (which pulled version 6) moves it again: up to date, applied as sent.
      expect((await push(one, editMutation(one.deviceId, 3, { ...at('12:00', '2026-03-01T09:10:00.000Z'), notes: 'Wheelchair' }, 6))).results[0]).toMatchObject({ status: 'applied' });
      expect((await pullAll(one)).at(-1)?.data).toMatchObject({ wallStart: '2026-03-02T12:00:00', notes: 'Wheelchair' });
    });

    it('concurrent edits: cancel on one desk while the other checks in is a status conflict (first applied kept); a move and a note merge', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const push = (desk: SyncAuth, ...mutations: ReturnType<typeof editMutation>[]) => applyPush(storage, desk, { deviceId: desk.deviceId, mutations, audit: [] });
      const booked = bookedAppointment({ id: 'ruiz', resourceId: 'dr-ng', patientId: 'p-ruiz', wallStart: '2026-03-03T09:00' });
      const other = bookedAppointment({ id: 'okafor', resourceId: 'dr-ng', patientId: 'p-okafor', wallStart: '2026-03-03T14:00' });
      await push(one, bookingMutation(one.deviceId, 1, booked), bookingMutation(one.deviceId, 2, other));
      const status = (to: Appointment['status'], by: string, updatedAt: string): Appointment => ({
        ...booked,
        statusHistory: transition(booked.statusHistory, to, { at: updatedAt, by, reason: to === 'cancelled' ? 'Called in sick' : undefined }),
        status: to,
        updatedAt,
      });
      expect((await push(one, editMutation(one.deviceId, 3, status('cancelled', 'staff-a', '2026-03-03T08:40:00.000Z'), 1))).results[0]).toMatchObject({ status: 'applied' });
      const checkIn = await push(two, editMutation(two.deviceId, 1, status('arrived', 'staff-b', '2026-03-03T08:55:00.000Z'), 1));
      expect(checkIn.results[0]).toMatchObject({ status: 'conflict' });
      const changes = await pullAll(two);
      const conflict = changes.find((change) => change.id === checkIn.results[0]!.conflictId)?.data;
      expect(conflict).toMatchObject({ kind: 'concurrent-edit', fields: ['status'], kept: { values: { status: 'cancelled' } }, other: { values: { status: 'arrived' } } });
      expect(changes.filter((change) => change.id === 'ruiz').at(-1)?.data).toMatchObject({ status: 'cancelled' });
      // Desk 1 moves Mr Okafor while desk 2 writes a note on him: both land, nothing to resolve.
      const moved = { ...other, wallStart: '2026-03-03T15:00:00', start: '2026-03-03T15:00:00.000Z', end: '2026-03-03T15:30:00.000Z', updatedAt: '2026-03-03T08:00:00.000Z' };
      expect((await push(one, editMutation(one.deviceId, 4, moved, 2))).results[0]).toMatchObject({ status: 'applied' });
      expect((await push(two, editMutation(two.deviceId, 2, { ...other, notes: 'Interpreter', updatedAt: '2026-03-03T08:01:00.000Z' }, 2))).results[0]).toMatchObject({ status: 'applied' });
      const okafor = (await pullAll(one)).filter((change) => change.id === 'okafor').at(-1)?.data;
      expect(okafor).toMatchObject({ wallStart: '2026-03-03T15:00:00', start: '2026-03-03T15:00:00.000Z', notes: 'Interpreter' });
      expect((await pullAll(one)).filter((change) => change.entity === 'conflict')).toHaveLength(1);
    });

    it('concurrent edits of a series: a rule and a length changed on two desks is one conflict; a note merges; exceptions follow the same rules', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const series = { id: 's-weekly', resourceIds: ['dr-lee'], patientId: 'p-w', dtstart: '2026-06-01T09:00', timeZone: 'Europe/London', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [], rdates: [], version: 0, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
      const put = (desk: SyncAuth, seq: number, entity: 'series' | 'seriesException', data: Record<string, unknown>, baseVersion: number | null) =>
        applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [{ ...mutation(desk.deviceId, seq, [{ entity, id: String(data['id']), op: 'put', data }]), name: 'series/edit-all', baseVersion }], audit: [] });
      expect((await put(one, 1, 'series', series, null)).results[0]).toMatchObject({ status: 'applied', change: 1 });
      expect((await put(one, 2, 'series', { ...series, rrule: 'FREQ=WEEKLY;COUNT=5', version: 2, updatedAt: '2026-03-01T09:00:00.000Z' }, 1)).results[0]).toMatchObject({ status: 'applied' });
      const longer = await put(two, 1, 'series', { ...series, durationMinutes: 45, version: 2, updatedAt: '2026-03-01T09:05:00.000Z' }, 1);
      expect(longer.results[0]).toMatchObject({ status: 'conflict' });
      let changes = await pullAll(two);
      expect(changes.find((change) => change.id === longer.results[0]!.conflictId)?.data).toMatchObject({
        kind: 'concurrent-edit', entity: 'series', recordId: 's-weekly', fields: ['durationMinutes', 'rrule'],
        kept: { deviceId: one.deviceId, values: { rrule: 'FREQ=WEEKLY;COUNT=5', durationMinutes: 30 } }, other: { deviceId: two.deviceId, values: { rrule: 'FREQ=WEEKLY;COUNT=10', durationMinutes: 45 } },
      });
      const stored = changes.filter((change) => change.id === 's-weekly').at(-1)!;
      expect(stored.data).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=5', durationMinutes: 30 });
      // Desk 1 adds a note on top of its own rule change (its own copy, version 2): merged, no conflict.
      expect((await put(one, 3, 'series', { ...series, rrule: 'FREQ=WEEKLY;COUNT=5', notes: 'Physio', version: 3, updatedAt: '2026-03-01T09:10:00.000Z' }, 2)).results[0]).toMatchObject({ status: 'applied' });
      // An occurrence moved to 11:00 on one desk and to 10:00 on the other: a conflict on the exception's time.
      const exception = { id: 'x-1', seriesId: 's-weekly', originalStart: '2026-06-08T09:00', kind: 'cancelled', reason: 'Away', version: 0, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
      expect((await put(one, 4, 'seriesException', exception, null)).results[0]).toMatchObject({ status: 'applied' });
      const exceptionVersion = (await pullAll(one)).filter((change) => change.id === 'x-1').at(-1)!.version;
      const { reason: _reason, ...uncancelled } = exception;
      const movedTo = (time: string) => ({ ...uncancelled, kind: 'moved', wallStart: `2026-06-09T${time}`, timeZone: 'Europe/London', durationMinutes: 30, resourceIds: ['dr-lee'], version: exceptionVersion + 1 });
      expect((await put(one, 5, 'seriesException', movedTo('11:00'), exceptionVersion)).results[0]).toMatchObject({ status: 'applied' });
      const exceptionEdit = await put(two, 2, 'seriesException', { ...movedTo('10:00'), notes: 'Ground floor' }, exceptionVersion);
      expect(exceptionEdit.results[0]).toMatchObject({ status: 'conflict' });
      changes = await pullAll(one);
      expect(changes.find((change) => change.id === exceptionEdit.results[0]!.conflictId)?.data).toMatchObject({
        entity: 'seriesException', recordId: 'x-1', fields: ['wallStart'], kept: { values: { kind: 'moved', wallStart: '2026-06-09T11:00:00' } }, other: { values: { wallStart: '2026-06-09T10:00:00' } },
      });
      expect(changes.filter((change) => change.id === 'x-1').at(-1)?.data).toMatchObject({ kind: 'moved', wallStart: '2026-06-09T11:00:00', notes: 'Ground floor' });
    });

    it('concurrent edits: a multi-record mutation in conflict (series edit-following) is kept whole in the conflict record, and the desk that lost converges on its next pull', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const send = (desk: SyncAuth, seq: number, name: string, baseVersion: number | null, effects: Parameters<typeof mutation>[2]) =>
        applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [{ ...mutation(desk.deviceId, seq, effects), name, baseVersion }], audit: [] });
      const series = { id: 's-split', resourceIds: ['dr-lee'], patientId: 'p-s', dtstart: '2026-06-01T09:00', timeZone: 'Europe/London', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [], rdates: [], version: 0, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
      const exception = { id: 'x-s', seriesId: 's-split', originalStart: '2026-06-22T09:00', kind: 'cancelled', reason: 'Away', version: 0, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
      await send(one, 1, 'series/create', null, [{ entity: 'series', id: 's-split', op: 'put', data: series }, { entity: 'seriesException', id: 'x-s', op: 'put', data: exception }]);
      // Both desks pull the series (change 1) and its exception, then go offline.
      const state = (changes: readonly ChangeRecord[], from = new Map<string, Record<string, unknown> | null>()) => {
        for (const change of changes) from.set(`${change.entity}:${change.id}`, change.op === 'delete' ? null : { ...change.data, version: change.version });
        return from;
      };
      const pulled = await pullAll(two);
      const deskTwo = state(pulled);
      const cursor = pulled.at(-1)!.change;
      // Desk 1 makes every visit 45 minutes; desk 2 splits the series on 15 June: its head ends, a new tail at 10:00 starts, the tail's old exception goes.
      expect((await send(one, 2, 'series/edit-all', 1, [{ entity: 'series', id: 's-split', op: 'put', data: { ...series, durationMinutes: 45, version: 2, updatedAt: '2026-03-01T09:00:00.000Z' } }])).results[0]).toMatchObject({ status: 'applied' });
      const head = { ...series, rrule: 'FREQ=WEEKLY;COUNT=2', version: 2, updatedAt: '2026-03-01T09:05:00.000Z' };
      const tail = { ...series, id: 's-split-tail', dtstart: '2026-06-15T10:00', rrule: 'FREQ=WEEKLY;COUNT=8', version: 0, createdAt: '2026-03-01T09:05:00.000Z', updatedAt: '2026-03-01T09:05:00.000Z' };
      const split = [
        { entity: 'series' as const, id: 's-split', op: 'put' as const, data: head },
        { entity: 'series' as const, id: 's-split-tail', op: 'put' as const, data: tail },
        { entity: 'seriesException' as const, id: 'x-s', op: 'delete' as const },
      ];
      const pushed = await send(two, 1, 'series/edit-following', 1, split);
      expect(pushed.results[0]).toMatchObject({ status: 'conflict' });
      // Desk 2 applied the split locally, dropped the outbox row on `conflict`, and pulls.
      for (const effect of split) deskTwo.set(`${effect.entity}:${effect.id}`, effect.op === 'delete' ? null : effect.data);
      const after = (await pullAll(two)).filter((change) => change.change > cursor);
      state(after, deskTwo);
      const server = state(await pullAll(one));
      const live = (map: Map<string, Record<string, unknown> | null>) =>
        Object.fromEntries([...map].filter(([, data]) => data !== null && data['kind'] !== 'concurrent-edit').map(([key, data]) => [key, { ...data, version: undefined }]));
      expect(live(deskTwo)).toEqual(live(server));
      expect(live(deskTwo)).toMatchObject({ 'series:s-split': { durationMinutes: 45, rrule: 'FREQ=WEEKLY;COUNT=10' }, 'seriesException:x-s': { kind: 'cancelled', reason: 'Away' } });
      expect(deskTwo.get('series:s-split-tail')).toBeNull();
      // Nothing of the split is lost: the conflict record holds the whole mutation, delete included.
      const record = conflictRecordSchema.parse(after.find((change) => change.id === pushed.results[0]!.conflictId)?.data);
      expect(record).toMatchObject({ kind: 'concurrent-edit', recordId: 's-split', fields: ['durationMinutes', 'rrule'] });
      expect(record.kind === 'concurrent-edit' ? record.other.effects : undefined).toEqual([
        { entity: 'series', id: 's-split', op: 'put', data: expect.objectContaining({ rrule: 'FREQ=WEEKLY;COUNT=2' }) },
        { entity: 'series', id: 's-split-tail', op: 'put', data: expect.objectContaining({ dtstart: '2026-06-15T10:00:00', rrule: 'FREQ=WEEKLY;COUNT=8' }) },
        { entity: 'seriesException', id: 'x-s', op: 'delete' },
      ]);
    });

    it('concurrent edits: words that do not fit the merged record are a conflict that keeps both sides\' words, never an edit applied as sent over the other desk', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const put = (desk: SyncAuth, seq: number, data: Record<string, unknown>, baseVersion: number | null) =>
        applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [{ ...mutation(desk.deviceId, seq, [{ entity: 'seriesException', id: 'x-w', op: 'put', data }]), name: 'series/edit-occurrence', baseVersion }], audit: [] });
      const series = { id: 's-w', resourceIds: ['dr-lee'], patientId: 'p-w', dtstart: '2026-06-01T09:00', timeZone: 'Europe/London', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [], rdates: [], version: 0, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
      await applyPush(storage, one, { deviceId: one.deviceId, mutations: [{ ...mutation(one.deviceId, 1, [{ entity: 'series', id: 's-w', op: 'put', data: series }]), name: 'series/create' }], audit: [] });
      const moved = { id: 'x-w', seriesId: 's-w', originalStart: '2026-06-08T09:00', kind: 'moved', wallStart: '2026-06-09T11:00', timeZone: 'Europe/London', durationMinutes: 30, resourceIds: ['dr-lee'], visitReason: 'Check-up', version: 0, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
      expect((await put(one, 2, moved, null)).results[0]).toMatchObject({ status: 'applied' });
      const base = (await pullAll(one)).filter((change) => change.id === 'x-w').at(-1)!.version;
      // Desk 1 writes a note on the moved visit; desk 2 (offline, same base) cancels it: a cancelled occurrence cannot carry the note.
      expect((await put(one, 3, { ...moved, notes: 'Bring scans', version: base + 1, updatedAt: '2026-03-01T09:00:00.000Z' }, base)).results[0]).toMatchObject({ status: 'applied' });
      const { wallStart: _w, timeZone: _t, durationMinutes: _d, resourceIds: _r, visitReason: _v, ...slotless } = moved;
      const cancelled = await put(two, 1, { ...slotless, kind: 'cancelled', reason: 'Patient moved away', version: base + 1, updatedAt: '2026-03-01T09:05:00.000Z' }, base);
      expect(cancelled.results[0]).toMatchObject({ status: 'conflict' });
      const changes = await pullAll(two);
      // The first applied change stands, with desk 1's note; desk 2's cancellation and its reason are in the conflict record.
      expect(changes.filter((change) => change.id === 'x-w').at(-1)?.data).toMatchObject({ kind: 'moved', wallStart: '2026-06-09T11:00:00', notes: 'Bring scans', visitReason: 'Check-up' });
      const record = changes.find((change) => change.id === cancelled.results[0]!.conflictId)?.data;
      expect(record).toMatchObject({
        fields: expect.arrayContaining(['kind', 'notes', 'reason']),
        kept: { values: { kind: 'moved', notes: 'Bring scans', visitReason: 'Check-up' } },
        other: { values: { kind: 'cancelled', reason: 'Patient moved away' } },
      });
    });

    it('concurrent edits: an edit on a base the server cannot find, over a record this desk wrote last, still keeps the words merged in from another desk', async () => {
      const { desks } = await clinicWith(2);
      const [one, two] = [desks[0]!, desks[1]!];
      const push = (desk: SyncAuth, ...mutations: ReturnType<typeof editMutation>[]) => applyPush(storage, desk, { deviceId: desk.deviceId, mutations, audit: [] });
      const booked = bookedAppointment({ id: 'lopez', resourceId: 'dr-lee', patientId: 'p-lopez', wallStart: '2026-03-04T09:00' });
      await push(one, bookingMutation(one.deviceId, 1, booked));
      expect((await push(one, editMutation(one.deviceId, 2, { ...booked, notes: 'Needs interpreter', updatedAt: '2026-03-01T09:00:00.000Z' }, 1))).results[0]).toMatchObject({ status: 'applied' });
      // Desk 2 changes the visit reason on version 1: merged with desk 1's note, stored under desk 2.
      expect((await push(two, editMutation(two.deviceId, 1, { ...booked, visitReason: 'Follow-up', updatedAt: '2026-03-01T09:05:00.000Z' }, 1))).results[0]).toMatchObject({ status: 'applied' });
      // Desk 2 edits again on a version the server never saw (its earlier copy was lost): the note must survive.
      expect((await push(two, editMutation(two.deviceId, 2, { ...booked, visitReason: 'Blood test', updatedAt: '2026-03-01T09:10:00.000Z' }, 41))).results[0]).toMatchObject({ status: 'applied' });
      expect((await pullAll(one)).filter((change) => change.id === 'lopez').at(-1)?.data).toMatchObject({ visitReason: 'Blood test', notes: 'Needs interpreter' });
    });

    it('rolls a failed write transaction back completely, counter included', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      await expect(
        storage.write(desk.clinicId, desk.deviceId, async (tx) => {
          await tx.device();
          await tx.writeRecord({ entity: 'patient', id: 'ghost', op: 'put', data: patientRecord('ghost') });
          await tx.recordMutation({ mutationId: 'ghost-m', deviceSeq: 1, result: { mutationId: 'ghost-m', status: 'applied' } });
          throw new Error('crash after writing');
        }),
      ).rejects.toThrow('crash after writing');
      expect(await pullAll(desk)).toEqual([]);
      expect((await storage.getDevice(desk.deviceId))?.lastDeviceSeq).toBe(0);
      expect((await storage.getClinic(desk.clinicId))?.lastChange).toBe(0);
      const next = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: [patientMutation(desk.deviceId, 1)], audit: [] });
      expect(next.results[0]).toMatchObject({ status: 'applied', change: 1 });
    });

    it('undoes a failed savepoint (rows, recorded mutation, counter) and keeps what the transaction wrote around it', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      await storage.write(desk.clinicId, desk.deviceId, async (tx) => {
        await tx.device();
        await tx.lockChanges();
        await tx.savepoint(async () => {
          const change = await tx.writeRecord({ entity: 'patient', id: 'kept-1', op: 'put', data: patientRecord('kept-1') });
          await tx.recordMutation({ mutationId: 'sp-m1', deviceSeq: 1, result: { mutationId: 'sp-m1', status: 'applied', change } });
        });
        await expect(
          tx.savepoint(async () => {
            await tx.writeRecord({ entity: 'patient', id: 'undone', op: 'put', data: patientRecord('undone') });
            await tx.recordMutation({ mutationId: 'sp-m2', deviceSeq: 2, result: { mutationId: 'sp-m2', status: 'applied' } });
            throw new Error('refused after writing');
          }),
        ).rejects.toThrow('refused after writing');
        expect(await tx.getEntity('patient', 'undone')).toBeNull();
        expect(await tx.findMutation('sp-m2')).toBeNull();
        expect((await tx.device()).lastDeviceSeq).toBe(1);
        await tx.savepoint(async () => {
          const change = await tx.writeRecord({ entity: 'patient', id: 'kept-2', op: 'put', data: patientRecord('kept-2') });
          await tx.recordMutation({ mutationId: 'sp-m2', deviceSeq: 2, result: { mutationId: 'sp-m2', status: 'applied', change } });
        });
      });
      // No gap where the undone write took a number: the change log stays dense.
      expect((await pullAll(desk)).map((change) => [change.change, change.id])).toEqual([[1, 'kept-1'], [2, 'kept-2']]);
      expect((await storage.getClinic(desk.clinicId))?.lastChange).toBe(2);
      expect((await storage.getDevice(desk.deviceId))?.lastDeviceSeq).toBe(2);
    });

    it('applies a push atomically per mutation: a booking refused mid-push rolls back only its own writes', async () => {
      const { desks } = await clinicWith(1);
      const desk = desks[0]!;
      // A stored appointment the overlap check cannot judge (a corrupt row) makes the next booking on that provider throw inside its savepoint.
      await storage.write(desk.clinicId, desk.deviceId, async (tx) => {
        await tx.writeRecord({ entity: 'appointment', id: 'corrupt', op: 'put', data: { id: 'corrupt', start: 'not a time', end: 'never', resourceIds: ['dr-c'], patientId: 'px', status: 'booked' } });
        await tx.replaceBookingSlots('corrupt', [{ key: 'resource:dr-c', startMs: Date.parse('2026-05-04T08:00:00Z'), endMs: Date.parse('2026-05-04T10:00:00Z') }]);
      });
      const refused = bookedAppointment({ id: 'on-corrupt', resourceId: 'dr-c', patientId: 'p-new', wallStart: '2026-05-04T09:00' });
      const push = await applyPush(storage, desk, {
        deviceId: desk.deviceId,
        mutations: [patientMutation(desk.deviceId, 1), bookingMutation(desk.deviceId, 2, refused), patientMutation(desk.deviceId, 3)],
        audit: [],
      });
      expect(push.results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
      const ids = (await pullAll(desk)).map((change) => change.id);
      expect(ids).not.toContain('on-corrupt');
      expect(ids).toEqual(expect.arrayContaining([`${desk.deviceId}-p1`, `${desk.deviceId}-p3`]));
      expect((await storage.getDevice(desk.deviceId))?.lastDeviceSeq).toBe(3);
    });
  });
}
