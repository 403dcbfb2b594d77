import { describe, expect, it } from 'vitest';
import { readDaySheet } from './day-sheet';
import { setUpClinic } from './first-run-setup';
import { firstRunForm, openTestAppData } from './test-app-data.fixture';

async function clinicWithBooking() {
  const data = await openTestAppData();
  const setup = await setUpClinic(data, firstRunForm);
  if (!setup.ok) throw new Error('setup refused');
  const session = { staffId: setup.admin.id, displayName: setup.admin.displayName, role: setup.admin.role };
  const adams = (await data.db.resources.toArray()).find((resource) => resource.name === 'Dr Adams');
  if (!adams) throw new Error('no Dr Adams');
  const patient = await data.commands.run('patient/register', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' }, session);
  if (!patient.ok) throw new Error('register refused');
  const book = (wallStart: string) =>
    data.commands.run('appointment/book', { patientId: patient.value.id, resourceIds: [adams.id], wallStart, timeZone: 'America/New_York', durationMinutes: 30, visitReason: 'Check-up' }, session);
  return { data, session, adams, book };
}

describe('readDaySheet', () => {
  it("returns the day's bookings with their patients and the resources' hours", async () => {
    const { data, adams, book } = await clinicWithBooking();
    const booked = await book('2026-11-25T10:00');
    await book('2026-11-26T10:00'); // another day
    expect(booked.ok).toBe(true);

    const sheet = await readDaySheet(data.db, '2026-11-25', 'America/New_York');
    expect(sheet.items).toHaveLength(1);
    expect(sheet.items[0]).toMatchObject({ source: 'appointment', status: 'booked', resourceIds: [adams.id], durationMinutes: 30, visitReason: 'Check-up', undoable: false });
    expect(sheet.items[0]?.patient?.familyName).toBe('Lovelace');
    expect(sheet.items[0]?.start).toBe(Date.parse('2026-11-25T15:00:00Z'));
    expect(sheet.resources).toHaveLength(3);
    // Mon–Fri 09:00–17:00 from first run, as core/schedule's availability gives it.
    expect(sheet.bookable.filter((span) => span.resourceId === adams.id)).toEqual([{ resourceId: adams.id, start: '2026-11-25T14:00:00.000Z', end: '2026-11-25T22:00:00.000Z' }]);
    expect(sheet.span).toEqual({ start: Date.parse('2026-11-25T05:00:00Z'), end: Date.parse('2026-11-26T05:00:00Z') });
  });

  it('marks a booking undoable once its status moved, and not after the undo', async () => {
    const { data, session, book } = await clinicWithBooking();
    const booked = await book('2026-11-25T10:00');
    if (!booked.ok) throw new Error('book refused');
    const id = booked.value.appointment.id;
    await data.commands.run('appointment/change-status', { appointmentId: id, to: 'arrived' }, session);
    expect((await readDaySheet(data.db, '2026-11-25', 'America/New_York')).items[0]).toMatchObject({ status: 'arrived', undoable: true });
    await data.commands.run('appointment/undo-status', { appointmentId: id }, session);
    expect((await readDaySheet(data.db, '2026-11-25', 'America/New_York')).items[0]).toMatchObject({ status: 'booked', undoable: false });
  });

  it('includes closures that cover the date', async () => {
    const { data, session } = await clinicWithBooking();
    await data.commands.run('closure/save', { id: 'thanks', resourceId: null, startDate: '2026-11-26', endDate: '2026-11-27', reason: 'Thanksgiving' }, session);
    expect((await readDaySheet(data.db, '2026-11-25', 'America/New_York')).closures).toEqual([]);
    expect((await readDaySheet(data.db, '2026-11-27', 'America/New_York')).closures.map((closure) => closure.reason)).toEqual(['Thanksgiving']);
  });
});
