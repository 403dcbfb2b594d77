import { describe, expect, it } from 'vitest';
import type { CommandArgs, CommandName } from '../../core/commands';
import type { SyncConflict } from '../../core/sync';
import { adminDesk } from '../data/test-app-data.fixture';
import type { RunCommand } from '../data/useCommand';
import { readOpenConflicts } from './open-conflicts';
import { resolveConflict } from './resolve-conflict';

/**
 * A desk holding a double booking as a pull leaves it: two appointments for
 * Dr Adams at 10:00 (the second booked under an override here, standing in
 * for the other desk's) and the server's open conflict record naming both.
 */
async function deskWithDoubleBooking(role: 'admin' | 'front_desk' = 'admin') {
  const { data, run, resource: adams } = await adminDesk('Dr Adams');
  const book = async (givenName: string, override?: string) => {
    const patient = await run('patient/register', { givenName, familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
    if (!patient.ok) throw new Error('register refused');
    const booked = await run('appointment/book', {
      patientId: patient.value.id,
      resourceIds: [adams.id],
      wallStart: '2026-11-25T10:00',
      timeZone: 'America/New_York',
      durationMinutes: 30,
      ...(override ? { override: { reason: override } } : {}),
    });
    if (!booked.ok) throw new Error(`book refused: ${booked.error.message}`);
    return booked.value.appointment.id;
  };
  const first = await book('Ada');
  const second = await book('Grace', 'stands in for the other desk');
  const conflict: SyncConflict = { id: 'cf-1', kind: 'double-booking', appointmentIds: [first, second], resourceId: adams.id, deviceIds: [data.deviceId, 'desk-b'], detectedAtChange: 7, status: 'open', version: 7 };
  await data.db.conflicts.put(conflict);
  let asRole = run;
  if (role === 'front_desk') {
    const staff = await run('staff/save', { displayName: 'Fran Desk', username: 'fran', role: 'front_desk' });
    if (!staff.ok) throw new Error('staff refused');
    const session = { staffId: staff.value.id, displayName: 'Fran Desk', role: 'front_desk' as const };
    asRole = ((name: CommandName, args: CommandArgs<CommandName>) => data.commands.run(name, args, session)) as RunCommand;
  }
  return { data, run: asRole, first, second, adams };
}

describe('readOpenConflicts', () => {
  it('names the provider, both patients, the time and the desks, marking this one', async () => {
    const { data, first, second } = await deskWithDoubleBooking();
    const [conflict, ...rest] = await readOpenConflicts(data.db, data.deviceId);
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({ id: 'cf-1', resourceName: 'Dr Adams', samePatient: false, desks: [{ id: data.deviceId, own: true }, { id: 'desk-b', own: false }] });
    expect(conflict?.appointments.map((a) => [a.id, a.patientName, a.resourceNames, a.wallStart, a.holdsSlot])).toEqual([
      [first, 'Ada Lovelace', ['Dr Adams'], '2026-11-25T10:00', true],
      [second, 'Grace Lovelace', ['Dr Adams'], '2026-11-25T10:00', true],
    ]);
    expect(conflict?.appointments[0]?.start).toBe(Date.parse('2026-11-25T15:00:00Z'));
  });

  it('shows an appointment that has not been pulled yet as missing instead of dropping the conflict', async () => {
    const { data } = await deskWithDoubleBooking();
    await data.db.conflicts.put({ id: 'cf-2', kind: 'double-booking', appointmentIds: ['not-here-1', 'not-here-2'], deviceIds: ['desk-b', 'desk-c'], detectedAtChange: 9, status: 'open' });
    const conflicts = await readOpenConflicts(data.db, data.deviceId);
    expect(conflicts.map((c) => c.id)).toEqual(['cf-1', 'cf-2']);
    expect(conflicts[1]?.appointments.map((a) => a.patientName)).toEqual([null, null]);
  });

  it('lists this desk first whatever order the server named the desks in', async () => {
    const { data } = await deskWithDoubleBooking();
    const stored = await data.db.conflicts.get('cf-1');
    await data.db.conflicts.put({ ...stored!, deviceIds: ['desk-b', data.deviceId] });
    expect((await readOpenConflicts(data.db, data.deviceId))[0]?.desks).toEqual([{ id: data.deviceId, own: true }, { id: 'desk-b', own: false }]);
  });
});

describe('resolveConflict', () => {
  it('cancel: cancels the chosen appointment with the reason, resolves the conflict, queues both for sync and clears the inbox', async () => {
    const { data, run, second } = await deskWithDoubleBooking();
    const queuedBefore = await data.db.outbox.count();
    const result = await resolveConflict(run, 'cf-1', { action: 'cancelled', appointmentId: second, reason: 'Patient rebooked for Friday' });
    expect(result.ok).toBe(true);
    expect((await data.db.appointments.get(second))?.status).toBe('cancelled');
    expect(await data.db.conflicts.get('cf-1')).toMatchObject({ status: 'resolved', resolution: { action: 'cancelled', appointmentId: second, reason: 'Patient rebooked for Friday' } });
    expect((await data.db.outbox.toArray()).slice(-2).map((m) => m.name)).toEqual(['appointment/cancel', 'conflict/resolve']);
    expect(await data.db.outbox.count()).toBe(queuedBefore + 2);
    expect(await readOpenConflicts(data.db, data.deviceId)).toEqual([]);
  });

  it('reschedule: moves the appointment, then records the resolution', async () => {
    const { data, run, second } = await deskWithDoubleBooking();
    const result = await resolveConflict(run, 'cf-1', { action: 'rescheduled', appointmentId: second, wallStart: '2026-11-25T11:00', reason: 'Moved to 11:00' });
    expect(result.ok).toBe(true);
    expect((await data.db.appointments.get(second))?.wallStart.slice(0, 16)).toBe('2026-11-25T11:00');
    expect((await data.db.conflicts.get('cf-1'))?.resolution?.action).toBe('rescheduled');
  });

  it('refuses a cancel without a reason and leaves both bookings and the conflict open', async () => {
    const { data, run, second } = await deskWithDoubleBooking();
    const result = await resolveConflict(run, 'cf-1', { action: 'cancelled', appointmentId: second, reason: '  ' });
    expect(result.ok).toBe(false);
    expect((await data.db.appointments.get(second))?.status).toBe('booked');
    expect((await data.db.conflicts.get('cf-1'))?.status).toBe('open');
  });

  it('keeps both only for a manager', async () => {
    const desk = await deskWithDoubleBooking('front_desk');
    const refused = await resolveConflict(desk.run, 'cf-1', { action: 'kept-both', reason: 'Two chairs free' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    const managerDesk = await deskWithDoubleBooking();
    const kept = await resolveConflict(managerDesk.run, 'cf-1', { action: 'kept-both', reason: 'Two chairs free' });
    expect(kept.ok).toBe(true);
    expect((await managerDesk.data.db.conflicts.get('cf-1'))?.resolution).toMatchObject({ action: 'kept-both', reason: 'Two chairs free' });
  });
});
