import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import { monthGridRange } from '../month';
import { utilisation } from '../reports';
import { readMonth } from './month-reads';
import { readReportData } from './report-data';

const slot = (wallStart: string, patientId: string, durationMinutes = 30) => ({ resourceIds: ['dr-lee'], patientId, wallStart, timeZone: 'America/New_York', durationMinutes });

describe('readMonth', () => {
  it('reads a month from the store: bookings, a series, the closure and the leave, with the utilisation report’s figures', async () => {
    const { db, must } = await clinicFixture(); // New York, dr-lee Mon–Fri 08:00–18:00; now 2 Jan 2026
    await must('closure/save', { resourceId: null, startDate: '2026-01-07', endDate: '2026-01-07', reason: 'Inset day' }, manager);
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Holiday', wallStart: '2026-01-09T00:00', wallEnd: '2026-01-10T00:00' } }, manager);
    await must('appointment/book', slot('2026-01-05T09:00', 'p1'), frontDesk);
    await must('appointment/book', slot('2026-01-05T10:00', 'p2', 60), frontDesk);
    const cancelled = await must('appointment/book', slot('2026-01-06T09:00', 'p1'), frontDesk);
    await must('appointment/cancel', { appointmentId: cancelled.appointment.id, reason: 'Car broke down' }, frontDesk);
    await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p2', dtstart: '2026-01-05T14:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=3' }, frontDesk);

    const days = await readMonth(db, { resourceId: 'dr-lee', month: '2026-01', weekStart: 7, timeZone: 'America/New_York' });
    expect([days[0]?.date, days.at(-1)?.date, days.length]).toEqual(['2025-12-28', '2026-01-31', 35]);
    const byDate = new Map(days.map((day) => [day.date, day]));
    expect(byDate.get('2026-01-05')).toEqual({ date: '2026-01-05', inMonth: true, booked: 3, availableMinutes: 600, freeMinutes: 480, leave: [] });
    expect(byDate.get('2026-01-06')).toMatchObject({ booked: 0, freeMinutes: 600 });
    expect(byDate.get('2026-01-07')).toMatchObject({ closed: 'Inset day', availableMinutes: 0 });
    expect(byDate.get('2026-01-09')).toMatchObject({ leave: ['Holiday'], availableMinutes: 0 });
    expect(byDate.get('2026-01-12')).toMatchObject({ booked: 1, freeMinutes: 570 });
    expect(byDate.get('2026-01-26')).toMatchObject({ booked: 0, freeMinutes: 600 }); // the series had three visits
    expect(byDate.get('2026-01-10')).toMatchObject({ availableMinutes: 0, booked: 0 }); // Saturday

    // The same figures as the utilisation report over the same days.
    const range = monthGridRange('2026-01', 7, 'America/New_York');
    const data = await readReportData(db, range, ['dr-lee']);
    const report = utilisation({ range, period: 'day', resourceIds: ['dr-lee'], bookable: data.bookable, visits: data.visits });
    expect(days.map((day) => day.availableMinutes)).toEqual(report.rows[0]?.buckets.map((figure) => figure.availableMinutes));
    expect(days.map((day) => day.availableMinutes - day.freeMinutes)).toEqual(report.rows[0]?.buckets.map((figure) => figure.bookedMinutes));
    db.close();
  });

  it('refuses a month that is not one, naming the field', async () => {
    const { db } = await clinicFixture();
    await expect(readMonth(db, { resourceId: 'dr-lee', month: '2026-1', weekStart: 7, timeZone: 'America/New_York' })).rejects.toMatchObject({ field: 'month', code: 'invalid-format' });
    db.close();
  });
});
