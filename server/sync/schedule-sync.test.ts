import { afterEach, describe, expect, it } from 'vitest';
import { blockFromWeeklyRule } from '../../core';
import { currentSchemaVersion } from '../../core/db';
import { deskFrontDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import { issueEnrollmentCode } from '../accounts/clinic-admin';
import { buildServer } from '../app';
import type { Storage } from '../storage/storage';
import { applyPush } from './apply-push';
import { mutation } from './push-fixtures';
import { upgradeStoredSchedules } from './schedule-upgrade';
import type { EnrolledDesk, InProcessClinic } from './in-process-clinic.fixture';
import { inProcessClinic } from './in-process-clinic.fixture';

/**
 * Schedules through sync (issue 12): the real desk commands and sync client
 * against the server's push and pull functions over SQLite in memory.
 */

const now = Date.UTC(2026, 0, 2, 12);
const manager = { staffId: 'staff-manager', displayName: 'Mo Manager', role: 'manager' } as const;
let running: InProcessClinic | undefined;
let storage: Storage | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
  storage = undefined;
});

async function clinic(): Promise<{ clinicId: string }> {
  running = await inProcessClinic(now);
  storage = running.storage;
  return { clinicId: running.clinicId };
}

/** A desk enrolled in the clinic, its sync client and its token's scope. */
function desk(_clinicId: string, name: string, seed: number): Promise<EnrolledDesk> {
  return running!.desk(name, seed);
}

const hours = (wallEnd: string, label?: string) => ({
  block: { id: 'hours-dr-lee', resourceId: 'dr-lee', kind: 'working' as const, wallStart: '2025-01-06T08:00', wallEnd, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', ...(label ? { label } : {}) },
});

describe('schedules through sync', () => {
  it('two desks changing the same block offline: the first change stands on both, the other is kept whole on Needs attention', async () => {
    const { clinicId } = await clinic();
    const a = await desk(clinicId, 'desk-a', 11);
    const b = await desk(clinicId, 'desk-b', 22);
    await setUpClinic(a.desk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await b.desk.db.scheduleBlocks.get('hours-dr-lee')).toMatchObject({ wallEnd: '2025-01-06T18:00:00' });

    // Offline: desk A shortens the day to 17:00, desk B to 16:00.
    await a.desk.must('schedule/save-block', hours('2025-01-06T17:00'), manager);
    await b.desk.must('schedule/save-block', hours('2025-01-06T16:00'), manager);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);

    for (const side of [a, b]) {
      expect(await side.desk.db.scheduleBlocks.get('hours-dr-lee')).toMatchObject({ wallEnd: '2025-01-06T17:00:00' });
      const open = (await side.desk.db.conflicts.toArray()).filter((conflict) => conflict.status === 'open');
      expect(open).toEqual([
        expect.objectContaining({
          kind: 'concurrent-edit',
          entity: 'scheduleBlock',
          recordId: 'hours-dr-lee',
          fields: ['wallEnd'],
          kept: expect.objectContaining({ deviceId: a.auth.deviceId, values: expect.objectContaining({ wallEnd: '2025-01-06T17:00:00' }) }),
          other: expect.objectContaining({ deviceId: b.auth.deviceId, values: expect.objectContaining({ wallEnd: '2025-01-06T16:00:00' }) }),
        }),
      ]);
    }

    // B applies the other change after all (the ordinary command first), then resolves it; the inbox clears on A too.
    const conflict = (await b.desk.db.conflicts.toArray()).find((row) => row.kind === 'concurrent-edit');
    await b.desk.must('schedule/save-block', hours('2025-01-06T16:00'), manager);
    await b.desk.must('conflict/resolve', { conflictId: conflict!.id, action: 'applied-other', reason: 'Dr Lee confirmed 16:00' }, manager);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await a.desk.db.scheduleBlocks.get('hours-dr-lee')).toMatchObject({ wallEnd: '2025-01-06T16:00:00' });
    expect((await a.desk.db.conflicts.get(conflict!.id))?.status).toBe('resolved');
  });

  it('merges a change of name on one desk with a change of hours on the other', async () => {
    const { clinicId } = await clinic();
    const a = await desk(clinicId, 'desk-a', 11);
    const b = await desk(clinicId, 'desk-b', 22);
    await setUpClinic(a.desk);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.desk.must('schedule/save-block', hours('2025-01-06T18:00', 'Weekday clinic'), manager);
    await b.desk.must('schedule/save-block', hours('2025-01-06T17:00'), manager);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const side of [a, b]) {
      expect(await side.desk.db.scheduleBlocks.get('hours-dr-lee')).toMatchObject({ wallEnd: '2025-01-06T17:00:00', label: 'Weekday clinic' });
      expect(await side.desk.db.conflicts.count()).toBe(0);
    }
  });

  it('carries the visits a schedule change leaves outside the hours to every desk, and their resolution back', async () => {
    const { clinicId } = await clinic();
    const a = await desk(clinicId, 'desk-a', 11);
    const b = await desk(clinicId, 'desk-b', 22);
    await setUpClinic(a.desk);
    const { appointment } = await a.desk.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, deskFrontDesk);
    const saved = await a.desk.must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Sick', wallStart: '2026-01-05T00:00', wallEnd: '2026-01-06T00:00' } }, deskFrontDesk);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await b.desk.db.conflicts.get(saved.needsAttentionId!)).toMatchObject({ kind: 'schedule-displaced', status: 'open', bookings: [{ id: appointment.id }] });
    await b.desk.must('appointment/cancel', { appointmentId: appointment.id, reason: 'Provider off sick' }, deskFrontDesk);
    await b.desk.must('conflict/resolve', { conflictId: saved.needsAttentionId!, action: 'handled', reason: 'Patient called, will rebook' }, deskFrontDesk);
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect((await a.desk.db.conflicts.get(saved.needsAttentionId!))?.status).toBe('resolved');
  });

  it('validates pushed blocks with the desk’s own rules and refuses weekday rules', async () => {
    const { clinicId } = await clinic();
    const a = await desk(clinicId, 'desk-a', 11);
    const block = { ...blockFromWeeklyRule({ id: 'b1', resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '17:00', kind: 'working' }, 'America/New_York', '2026-01-02T12:00:00.000Z') };
    const response = await applyPush(storage!, a.auth, {
      deviceId: a.auth.deviceId,
      mutations: [
        mutation(a.auth.deviceId, 1, [{ entity: 'scheduleBlock', id: 'b1', op: 'put', data: { ...block, rrule: 'FREQ=WEEKLY;BYDAY=XX' } }]),
        mutation(a.auth.deviceId, 2, [{ entity: 'scheduleBlock', id: 'b1', op: 'put', data: { ...block, kind: 'leave' } }]),
        mutation(a.auth.deviceId, 3, [{ entity: 'availability', id: 'av1', op: 'put', data: { id: 'av1', resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '17:00', kind: 'working' } }]),
        mutation(a.auth.deviceId, 4, [{ entity: 'scheduleBlock', id: 'b1', op: 'put', data: block }]),
      ],
      audit: [],
    });
    expect(response.results.map((result) => [result.status, result.reason?.code, result.reason?.field])).toEqual([
      ['rejected', 'invalid-rrule', 'effects.0.data.rrule'],
      ['rejected', 'required', 'effects.0.data.reason'],
      ['rejected', 'not-permitted', 'effects.0.data'],
      ['applied', undefined, undefined],
    ]);
  });

  it('tells a desk that has not been updated to update, on push and on pull, and records nothing', async () => {
    const { clinicId } = await clinic();
    const a = await desk(clinicId, 'desk-a', 11);
    const old = { ...mutation(a.auth.deviceId, 1, [{ entity: 'availability', id: 'av1', op: 'put', data: { id: 'av1' } }]), schemaVersion: 3 };
    await expect(applyPush(storage!, a.auth, { deviceId: a.auth.deviceId, mutations: [old], audit: [] })).rejects.toMatchObject({
      status: 426,
      code: 'desk-outdated',
      field: 'mutations.0.schemaVersion',
      message: expect.stringContaining('Update Timedesk on this desk'),
    });
    // Over HTTP, as a v3 desk pulls: no `schema` in its query.
    const app = buildServer({ storage: storage!, logger: false, clock: () => now });
    const { code } = await issueEnrollmentCode(storage!, { clinicId }, () => now);
    const enrolled = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceId: 'old-desk', deviceName: 'Old desk' } });
    const { token } = enrolled.json<{ token: string }>();
    for (const url of ['/v1/sync/pull?after=0&limit=500', '/v1/sync/pull?after=0&schema=3']) {
      const pulled = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect(pulled.statusCode).toBe(426);
      expect(pulled.json()).toMatchObject({ error: { code: 'desk-outdated', field: 'schema' } });
    }
    expect((await app.inject({ method: 'GET', url: `/v1/sync/pull?after=0&schema=${currentSchemaVersion}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    await app.close();
    expect((await storage!.getDevice(a.auth.deviceId))?.lastDeviceSeq).toBe(0);
  });

  it('upgrades the weekday rules it stored to the same blocks the desks made, and a desk’s first edit after its own upgrade merges cleanly', async () => {
    const { clinicId } = await clinic();
    const a = await desk(clinicId, 'desk-a', 11);
    const rule = { id: 'av-mon', resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '24:00', kind: 'working' as const };
    // What a v3 server held: a resource and a weekday rule pushed by desk A, and a rule of a resource it never got.
    await storage!.write(clinicId, a.auth.deviceId, async (tx) => {
      await tx.writeRecord({ entity: 'resource', id: 'dr-lee', op: 'put', data: { id: 'dr-lee', kind: 'provider', name: 'Dr Lee', capacity: 1, timeZone: 'Europe/London', active: true } });
      await tx.writeRecord({ entity: 'availability', id: rule.id, op: 'put', data: rule });
      await tx.writeRecord({ entity: 'availability', id: 'av-orphan', op: 'put', data: { ...rule, id: 'av-orphan', resourceId: 'dr-gone' } });
    });
    expect(await upgradeStoredSchedules(storage!, () => now)).toEqual({ clinics: 1, rules: 2 });
    expect(await upgradeStoredSchedules(storage!, () => now)).toEqual({ clinics: 0, rules: 0 });
    const changes = await storage!.readChanges(clinicId, 0, 100);
    expect(changes.slice(3).map((change) => [change.entity, change.id, change.op])).toEqual([
      ['scheduleBlock', 'av-mon', 'put'],
      ['availability', 'av-mon', 'delete'],
      ['scheduleBlock', 'av-orphan', 'put'],
      ['availability', 'av-orphan', 'delete'],
    ]);
    expect(changes[3]?.data).toMatchObject({ ...blockFromWeeklyRule(rule, 'Europe/London', new Date(now).toISOString()), createdAt: expect.any(String) });
    expect(changes[5]?.data).toMatchObject({ timeZone: 'America/New_York' });

    // Desk A upgraded itself (the same block, version 0) and, before pulling, edits it: applied, not a conflict.
    await a.desk.db.scheduleBlocks.put(blockFromWeeklyRule(rule, 'Europe/London', new Date(now).toISOString()));
    await a.desk.db.resources.put({ id: 'dr-lee', kind: 'provider', name: 'Dr Lee', capacity: 1, timeZone: 'Europe/London', active: true });
    await a.desk.must('schedule/save-block', { block: { id: 'av-mon', resourceId: 'dr-lee', kind: 'working', wallStart: '2000-01-03T09:00', wallEnd: '2000-01-03T18:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' } }, manager);
    expect(await a.sync.syncNow()).toBe(true);
    expect((await a.desk.db.scheduleBlocks.get('av-mon'))?.wallEnd).toBe('2000-01-03T18:00:00');
    expect(await a.desk.db.conflicts.count()).toBe(0);
    // A desk joining now pulls the blocks and skips the old rules.
    const fresh = await desk(clinicId, 'desk-c', 33);
    expect(await fresh.sync.syncNow()).toBe(true);
    expect((await fresh.desk.db.scheduleBlocks.toArray()).map((block) => [block.id, block.wallEnd])).toEqual([
      ['av-mon', '2000-01-03T18:00:00'],
      ['av-orphan', '2000-01-04T00:00:00'],
    ]);
  });
});
