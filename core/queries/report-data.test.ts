import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import { attendance, confirmationsReport, parseReportRange, patientsReport, utilisation, waitlistReport } from '../reports';
import { readReportData } from './report-data';

const slot = (wallStart: string, patientId: string, durationMinutes = 30) => ({ resourceIds: ['dr-lee'], patientId, wallStart, timeZone: 'America/New_York', durationMinutes });

describe('readReportData', () => {
  it('reads a week of the store so every figure matches the day sheet’s visits, the closure and the leave', async () => {
    const { db, must, clock } = await clinicFixture(); // New York, dr-lee and room-1 Mon–Fri 08:00–18:00; now 2 Jan 2026
    await must('closure/save', { resourceId: null, startDate: '2026-01-07', endDate: '2026-01-07', reason: 'Inset day' }, manager);
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Holiday', wallStart: '2026-01-09T00:00', wallEnd: '2026-01-10T00:00' } }, manager);
    clock.now = Date.UTC(2025, 11, 29, 12);
    const earlier = await must('appointment/book', slot('2025-12-29T09:00', 'p1'), frontDesk);
    clock.now = Date.UTC(2026, 0, 2, 12);
    const a = await must('appointment/book', slot('2026-01-05T09:00', 'p1'), frontDesk);
    const b = await must('appointment/book', slot('2026-01-05T10:00', 'p2', 60), frontDesk);
    const c = await must('appointment/book', slot('2026-01-06T09:00', 'p1'), frontDesk);
    const d = await must('appointment/book', slot('2026-01-08T09:00', 'p2'), frontDesk);
    const { series } = await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p2', dtstart: '2026-01-05T14:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=3' }, frontDesk);
    await must('appointment/cancel', { appointmentId: d.appointment.id, reason: 'Moving away' }, frontDesk); // six days ahead
    clock.now = Date.UTC(2026, 0, 5, 18); // 13:00 in New York, an hour before the series visit
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-05T14:00', reason: 'Ill' }, frontDesk);
    clock.now = Date.UTC(2026, 0, 6, 13); // 08:00, an hour before c
    await must('appointment/cancel', { appointmentId: c.appointment.id, reason: 'Car broke down' }, frontDesk);
    clock.now = Date.UTC(2026, 0, 10, 12);
    for (const to of ['arrived', 'in_room', 'completed'] as const) {
      await must('appointment/change-status', { appointmentId: a.appointment.id, to }, frontDesk);
      await must('appointment/change-status', { appointmentId: earlier.appointment.id, to }, frontDesk);
    }
    await must('appointment/change-status', { appointmentId: b.appointment.id, to: 'no_show' }, frontDesk);

    const range = parseReportRange({ fromDate: '2026-01-05', toDate: '2026-01-09', timeZone: 'America/New_York' });
    const data = await readReportData(db, range, ['dr-lee']);
    expect(data.resources.map((resource) => resource.id)).toEqual(['dr-lee']);
    expect(data.visits.map((visit) => visit.status).sort()).toEqual(['cancelled', 'cancelled', 'cancelled', 'completed', 'no_show']);
    const ids = ['dr-lee'];
    const used = utilisation({ range, period: 'day', resourceIds: ids, bookable: data.bookable, visits: data.visits });
    expect(used.rows[0]?.buckets.map((figure) => figure.availableMinutes)).toEqual([600, 600, 0, 600, 0]);
    expect(used.rows[0]?.total).toEqual({ availableMinutes: 1800, bookedMinutes: 90, rate: 0.05 });
    expect(attendance({ range, resourceIds: ids, visits: data.visits }).all).toMatchObject({ visits: 5, completed: 1, noShow: 1, cancelled: 3, lateCancelled: 2, noShowRate: 0.5 });
    expect([...data.seenBefore]).toEqual(['p1']);
    expect(patientsReport({ range, resourceIds: ids, visits: data.visits, seenBefore: data.seenBefore })).toMatchObject({ patients: 1, newPatients: 0, returningPatients: 1, visits: 1 });
    const everyone = await readReportData(db, range);
    expect(everyone.resources.map((resource) => resource.id)).toEqual(['dr-lee', 'room-1']); // providers first
    // More than a few resources are read through the \`start\` index instead of the booking index: the same visits.
    for (const id of ['dr-a', 'dr-b', 'dr-c']) await must('resource/save', { id, kind: 'provider', name: id, timeZone: 'America/New_York' });
    const many = await readReportData(db, range);
    expect(many.resources).toHaveLength(5);
    const key = (visits: typeof data.visits) => visits.map((visit) => `${visit.id}:${visit.status}`).sort();
    expect(key(many.visits.filter((visit) => visit.resourceIds.includes('dr-lee')))).toEqual(key(data.visits));
    db.close();
  });

  it('reads the waitlist and confirmations: visits booked from the list into time a cancellation freed, answers by visit key', async () => {
    const { db, must, clock } = await clinicFixture(); // now Friday 2 January 2026, 12:00 UTC (07:00 New York)
    const a = await must('appointment/book', slot('2026-01-05T09:00', 'p1'), frontDesk);
    const b = await must('appointment/book', slot('2026-01-05T10:00', 'p2'), frontDesk);
    const { series } = await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p2', dtstart: '2026-01-06T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=2' }, frontDesk);
    await must('confirmation/set', { visit: { appointmentId: a.appointment.id }, to: 'confirmed' }, frontDesk);
    const request = { durationMinutes: 30, reason: 'Wants to come sooner', priority: 'routine' as const };
    const w1 = await must('waitlist/add', { request: { ...request, patientId: 'p1', providers: ['dr-lee'] } }, frontDesk);
    const w2 = await must('waitlist/add', { request: { ...request, patientId: 'p2', providers: { kind: 'provider' } } }, frontDesk);
    const w3 = await must('waitlist/add', { request: { ...request, patientId: 'p1', providers: { kind: 'provider' } } }, frontDesk);
    const into = (wallStart: string) => ({ resourceIds: ['dr-lee'], wallStart, timeZone: 'America/New_York', durationMinutes: 30 });
    clock.now = Date.UTC(2026, 0, 3, 12);
    await must('appointment/cancel', { appointmentId: b.appointment.id, reason: 'Away' }, frontDesk);
    clock.now = Date.UTC(2026, 0, 3, 13); // 25 h after joining, into the 10:00 b freed an hour before
    const filled = await must('waitlist/book', { id: w1.id, booking: into('2026-01-05T10:00') }, frontDesk);
    clock.now = Date.UTC(2026, 0, 3, 14); // 26 h: a time nothing freed
    await must('waitlist/book', { id: w2.id, booking: into('2026-01-05T14:00') }, frontDesk);
    clock.now = Date.UTC(2026, 0, 4, 12);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-06T09:00', reason: 'Ill' }, frontDesk);
    clock.now = Date.UTC(2026, 0, 4, 13); // 49 h, into the series visit cancelled an hour before
    await must('waitlist/book', { id: w3.id, booking: into('2026-01-06T09:00') }, frontDesk);
    clock.now = Date.UTC(2026, 0, 10, 12);
    for (const to of ['arrived', 'in_room', 'completed'] as const) await must('appointment/change-status', { appointmentId: a.appointment.id, to }, frontDesk);
    await must('appointment/change-status', { appointmentId: filled.booked.appointment.id, to: 'no_show' }, frontDesk);

    const range = parseReportRange({ fromDate: '2026-01-02', toDate: '2026-01-09', timeZone: 'America/New_York' });
    const data = await readReportData(db, range, ['dr-lee']);
    expect(data.waitlist.entries).toHaveLength(3);
    expect([...data.waitlist.bookedVisits.keys()]).toHaveLength(3);
    expect(data.waitlist.freedVisits.map((visit) => visit.id).sort()).toEqual([b.appointment.id, `${series.id}:20260106T090000`].sort());
    const hour = 3_600_000;
    expect(waitlistReport({ range, providerIds: ['dr-lee'], ...data.waitlist }).all).toEqual({ added: 3, state: { waiting: 0, offered: 0, booked: 3, removed: 0 }, booked: 3, medianWaitMs: 26 * hour, fromFreedSlot: 2, fromFreedSlotRate: 2 / 3 });
    // Visits starting in the range: a (confirmed, came), b (cancelled), the three booked from the list (one missed), the cancelled series visit.
    expect([...data.confirmations.keys()]).toEqual([a.appointment.id]);
    expect(confirmationsReport({ range, resourceIds: ['dr-lee'], visits: data.visits, confirmations: data.confirmations }).all).toEqual({
      visits: 6,
      statuses: { unconfirmed: 5, reminded: 0, confirmed: 1, declined: 0, no_answer: 0 },
      answered: 1,
      confirmedRate: 1,
      confirmedNoShow: { completed: 1, noShow: 0, rate: 0 },
      notConfirmedNoShow: { completed: 0, noShow: 1, rate: 1 },
    });
    db.close();
  });
});
