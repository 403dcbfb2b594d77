import { describe, expect, it } from 'vitest';
import type { ConcurrentEditConflict } from '../../core/sync';
import { adminDesk } from '../data/test-app-data.fixture';
import { readOpenEdits } from './open-edits';
import { resolveEdit } from './resolve-edit';

/**
 * A desk holding a concurrent edit as a pull leaves it: Mrs Diaz's visit,
 * which this desk moved to 10:00 (kept: applied first), while desk B moved
 * it to 11:00 or checked her in (the other change, kept in the conflict).
 */
async function deskWithConcurrentEdit(other: 'moved' | 'arrived' | 'in_room') {
  const { data, run, resource: adams } = await adminDesk('Dr Adams');
  const patient = await run('patient/register', { givenName: 'Rosa', familyName: 'Diaz', dateOfBirth: '1950-02-01' });
  if (!patient.ok) throw new Error('register refused');
  const booked = await run('appointment/book', { patientId: patient.value.id, resourceIds: [adams.id], wallStart: '2026-11-25T09:00', timeZone: 'America/New_York', durationMinutes: 30 });
  if (!booked.ok) throw new Error('book refused');
  const moved = await run('appointment/move', { appointmentId: booked.value.appointment.id, wallStart: '2026-11-25T10:00' });
  if (!moved.ok) throw new Error('move refused');
  const kept = moved.value.appointment;
  const slot = { patientId: kept.patientId, resourceIds: kept.resourceIds, timeZone: kept.timeZone, durationMinutes: 30 };
  const conflict: ConcurrentEditConflict = {
    id: 'cf-edit',
    kind: 'concurrent-edit',
    entity: 'appointment',
    recordId: kept.id,
    fields: other === 'moved' ? ['end', 'start', 'wallStart'] : ['end', 'start', 'status', 'wallStart'],
    kept: { deviceId: data.deviceId, at: kept.updatedAt, version: 5, values: { ...slot, wallStart: kept.wallStart, start: kept.start, end: kept.end, status: 'booked' } },
    other: {
      deviceId: 'desk-b',
      at: kept.updatedAt,
      mutationId: 'm-b',
      values:
        other === 'moved'
          ? { ...slot, wallStart: '2026-11-25T11:00:00', start: '2026-11-25T16:00:00.000Z', end: '2026-11-25T16:30:00.000Z', status: 'booked' }
          : { ...slot, wallStart: booked.value.appointment.wallStart, start: booked.value.appointment.start, end: booked.value.appointment.end, status: other },
    },
    deviceIds: [data.deviceId, 'desk-b'].sort(),
    detectedAtChange: 6,
    status: 'open',
    version: 6,
  };
  await data.db.conflicts.put(conflict);
  return { data, run, appointmentId: kept.id };
}

describe('concurrent edits in the Needs attention inbox', () => {
  it('reads both sides: this desk kept 10:00, desk B wanted 11:00, for Rosa Diaz', async () => {
    const { data } = await deskWithConcurrentEdit('moved');
    const [edit] = await readOpenEdits(data.db, data.deviceId);
    expect(edit).toMatchObject({ patientName: 'Rosa Diaz', slotChanged: true, statusChanged: false, kept: { own: true, wallStart: '2026-11-25T10:00' }, other: { own: false, deviceId: 'desk-b', wallStart: '2026-11-25T11:00', start: Date.parse('2026-11-25T16:00:00.000Z') } });
  });

  it('applies the other change: the appointment moves to 11:00 (an audited move that syncs), then the conflict is resolved', async () => {
    const { data, run, appointmentId } = await deskWithConcurrentEdit('moved');
    const [edit] = await readOpenEdits(data.db, data.deviceId);
    expect(await resolveEdit(run, edit!, { action: 'applied-other', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect((await data.db.appointments.get(appointmentId))?.wallStart).toBe('2026-11-25T10:00:00');
    expect(await resolveEdit(run, edit!, { action: 'applied-other', reason: 'She asked for 11:00' })).toMatchObject({ ok: true, value: { status: 'resolved', resolution: { action: 'applied-other' } } });
    expect((await data.db.appointments.get(appointmentId))?.wallStart).toBe('2026-11-25T11:00:00');
    expect((await data.db.outbox.orderBy('deviceSeq').toArray()).slice(-3).map((row) => row.name)).toEqual(['appointment/move', 'appointment/move', 'conflict/resolve']);
    expect(await readOpenEdits(data.db, data.deviceId)).toEqual([]);
  });

  it('keeps the current change with a reason; applying a check-in onto a moved, still booked visit goes through the state machine', async () => {
    const { data, run, appointmentId } = await deskWithConcurrentEdit('arrived');
    const [edit] = await readOpenEdits(data.db, data.deviceId);
    expect(edit).toMatchObject({ slotChanged: true, statusChanged: true, other: { status: 'arrived' } });
    expect(await resolveEdit(run, edit!, { action: 'kept-current', reason: 'Moved at her request' })).toMatchObject({ ok: true, value: { resolution: { action: 'kept-current' } } });
    expect((await data.db.appointments.get(appointmentId))?.status).toBe('booked');
    expect(await readOpenEdits(data.db, data.deviceId)).toEqual([]);
  });

  it('applies the other change to a series with series/edit-all, then resolves', async () => {
    const { data, run } = await deskWithConcurrentEdit('moved');
    const adams = (await data.db.resources.toArray()).find((resource) => resource.name === 'Dr Adams')!;
    const patient = (await data.db.patients.toArray())[0]!;
    const created = await run('series/create', { resourceIds: [adams.id], patientId: patient.id, dtstart: '2026-12-01T14:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4' });
    if (!created.ok) throw new Error(created.error.message);
    const series = created.value.series;
    const conflict: ConcurrentEditConflict = {
      id: 'cf-series',
      kind: 'concurrent-edit',
      entity: 'series',
      recordId: series.id,
      fields: ['durationMinutes', 'rrule'],
      kept: { deviceId: 'desk-b', at: series.updatedAt, version: 9, values: { dtstart: series.dtstart, timeZone: series.timeZone, durationMinutes: 30, resourceIds: series.resourceIds, patientId: series.patientId, rrule: series.rrule, exdates: [], rdates: [] } },
      other: { deviceId: data.deviceId, at: series.updatedAt, mutationId: 'm-own', values: { dtstart: series.dtstart, timeZone: series.timeZone, durationMinutes: 45, resourceIds: series.resourceIds, patientId: series.patientId, rrule: 'FREQ=WEEKLY;COUNT=2', exdates: [], rdates: [] } },
      deviceIds: [data.deviceId, 'desk-b'].sort(),
      detectedAtChange: 10,
      status: 'open',
      version: 10,
    };
    await data.db.conflicts.put(conflict);
    const edit = (await readOpenEdits(data.db, data.deviceId)).find((item) => item.id === 'cf-series')!;
    expect(edit).toMatchObject({ entity: 'series', patientName: `${patient.givenName} ${patient.familyName}`, slotChanged: true, other: { own: true, wallStart: '2026-12-01T14:00' } });
    expect(await resolveEdit(run, edit, { action: 'applied-other', reason: 'Two visits of 45 minutes agreed' })).toMatchObject({ ok: true, value: { status: 'resolved' } });
    expect(await data.db.series.get(series.id)).toMatchObject({ durationMinutes: 45, rrule: 'FREQ=WEEKLY;COUNT=2' });
  });

  it('refuses to apply the other change before running anything when its status cannot follow (moved and in the room, onto a booked visit): nothing moves, the conflict stays open', async () => {
    const { data, run, appointmentId } = await deskWithConcurrentEdit('in_room');
    const [edit] = await readOpenEdits(data.db, data.deviceId);
    expect(edit).toMatchObject({ slotChanged: true, statusChanged: true, currentStatus: 'booked', other: { status: 'in_room' } });
    const outboxBefore = await data.db.outbox.count();
    const result = await resolveEdit(run, edit!, { action: 'applied-other', reason: 'Desk B had her in the room' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'status' } });
    if (!result.ok) expect(result.error.message).toMatch(/in the room.*booked now/);
    expect(await data.db.appointments.get(appointmentId)).toMatchObject({ wallStart: '2026-11-25T10:00:00', status: 'booked' });
    expect(await data.db.outbox.count()).toBe(outboxBefore);
    expect(await readOpenEdits(data.db, data.deviceId)).toHaveLength(1);
  });

  it('refuses a check-in onto a visit this desk cancelled meanwhile, naming the status, and moves nothing', async () => {
    const { data, run, appointmentId } = await deskWithConcurrentEdit('arrived');
    expect((await run('appointment/cancel', { appointmentId, reason: 'Patient called' })).ok).toBe(true);
    const [edit] = await readOpenEdits(data.db, data.deviceId);
    expect(edit).toMatchObject({ currentStatus: 'cancelled' });
    const outboxBefore = await data.db.outbox.count();
    expect(await resolveEdit(run, edit!, { action: 'applied-other', reason: 'Desk B checked her in' })).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'status', message: expect.stringContaining('cancelled') } });
    expect(await data.db.appointments.get(appointmentId)).toMatchObject({ wallStart: '2026-11-25T10:00:00', status: 'cancelled' });
    expect(await data.db.outbox.count()).toBe(outboxBefore);
    // Keeping the current change still settles it.
    expect(await resolveEdit(run, edit!, { action: 'kept-current', reason: 'She cancelled' })).toMatchObject({ ok: true });
  });
});
