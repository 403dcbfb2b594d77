import { describe, expect, it } from 'vitest';
import { readDaySheet } from '../data/day-sheet';
import { setUpClinic } from '../data/first-run-setup';
import { firstRunForm, openTestAppData } from '../data/test-app-data.fixture';
import { buildDayGrid } from '../day-view/day-columns';
import { printPages } from './print-pages';

const options = { kind: 'provider' as const, showCancelled: false, dayStartMinute: 420, dayEndMinute: 1140 };

describe('printPages', () => {
  it('makes one page per provider with its bookings in time order, overlapping ones listed one after another', async () => {
    const data = await openTestAppData();
    const setup = await setUpClinic(data, firstRunForm);
    if (!setup.ok) throw new Error('setup refused');
    const session = { staffId: setup.admin.id, displayName: setup.admin.displayName, role: setup.admin.role };
    const adams = (await data.db.resources.toArray()).find((resource) => resource.name === 'Dr Adams');
    if (!adams) throw new Error('no Dr Adams');
    const register = async (givenName: string, familyName: string) => {
      const patient = await data.commands.run('patient/register', { givenName, familyName, dateOfBirth: '1990-12-10' }, session);
      if (!patient.ok) throw new Error('register refused');
      return patient.value.id;
    };
    const book = async (patientId: string, wallStart: string, override?: { reason: string }) => {
      const booked = await data.commands.run(
        'appointment/book',
        { patientId, resourceIds: [adams.id], wallStart, timeZone: 'America/New_York', durationMinutes: 30, ...(override ? { override } : {}) },
        session,
      );
      if (!booked.ok) throw new Error(`book refused: ${JSON.stringify(booked.error)}`);
    };
    await book(await register('Grace', 'Hopper'), '2026-11-25T11:00');
    await book(await register('Ada', 'Lovelace'), '2026-11-25T09:30');
    // Double-booked on purpose (a manager's override): both must be on the page.
    await book(await register('Alan', 'Turing'), '2026-11-25T09:45', { reason: 'Urgent' });

    const pages = printPages(buildDayGrid(await readDaySheet(data.db, '2026-11-25', 'America/New_York'), options));
    expect(pages.map((page) => page.name)).toEqual(['Dr Adams', 'Dr Brown']);
    expect(pages[0]?.rows.map((row) => row.item.patient?.familyName)).toEqual(['Lovelace', 'Turing', 'Hopper']);
    expect(pages[0]?.rows[0]).toMatchObject({ start: 570, end: 600 });
    expect(pages[0]?.hours).toEqual([{ start: 540, end: 1020, soft: [] }]);
    expect(pages[1]?.rows).toEqual([]);
  });
});
