/**
 * `npm run bench -- openings`: core/openings `findOpenings` on fake-indexeddb
 * under Node (absolute figures are not Chromium's; the ratio to the
 * baseline is what to watch). Issue 13's target: the first 20 openings over
 * 40 providers × 90 days with 200,000 booked visits in < 100 ms.
 *
 * Clinic: 40 providers in New York, Monday–Friday 08:00–17:00 with a lunch
 * break 12:00–13:00 (two repeating blocks each), two rooms; 200,000 visits of
 * 30 minutes — the next 90 days and as far back as the count reaches — with
 * one free half hour per provider and day (a free hour every fifth day).
 *
 * - Search A: 30 minutes, any provider (the openings are on the first day).
 * - Search B: 60 minutes, any provider, mornings, Tuesdays and Thursdays, a room, a patient.
 * - Search C: 90 minutes, any provider: nothing fits, so all 90 days are read.
 * - Baseline in the same run, per search: a naive minute scan — the whole
 *   90 days read at once (the same availability() and calendarRange reads),
 *   then every minute (on the wanted weekdays and times of day) of every
 *   provider checked against its bookable spans and its bookings one by one
 *   until 20 are found. It does not check rooms or the patient, so for B it
 *   does less than the search.
 */
import { clinicFixture, manager } from '../core/commands/commands.fixture';
import { bookingRows } from '../core/db';
import { seededAppointmentRow } from '../core/db/seeded-appointment.fixture';
import type { AppointmentRow } from '../core/db';
import { findOpenings } from '../core/openings';
import type { OpeningQuery } from '../core/openings';
import { calendarRange, storedAvailability } from '../core/queries';
import type { TimedeskDb } from '../core/db';
import { instantToWallTime, wallTimeToInstant } from '../core/time';
import { timedRuns } from './timed-runs';

const providers = 40;
const visits = 200_000;
const dayMs = 86_400_000;
const minuteMs = 60_000;
const from = Date.UTC(2026, 2, 2, 5); // Monday 2 March 2026, 00:00 in New York
const horizon = 90 * dayMs;
const providerId = (index: number) => `dr-${String(index).padStart(2, '0')}`;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The visits: day by day from the first of the 90 days forwards, then backwards, until the count is reached. */
function seededVisits(): AppointmentRow[] {
  const rows: AppointmentRow[] = [];
  const days = [...Array.from({ length: 90 }, (_, day) => day), ...Array.from({ length: 900 }, (_, day) => -1 - day)];
  for (const day of days) {
    const weekday = (((day % 7) + 7) % 7) + 1; // day 0 is a Monday
    if (weekday > 5) continue;
    for (let provider = 0; provider < providers && rows.length < visits; provider++) {
      const free = (day * 7 + provider * 3 + 1000 * 16) % 16;
      for (let slot = 0; slot < 16 && rows.length < visits; slot++) {
        if (slot === free || (slot === (free + 1) % 16 && (day + provider) % 5 === 0)) continue;
        // 08:00–12:00 and 13:00–17:00 New York (EST before 8 March, EDT after: the wall time is what counts).
        const wallMinute = 8 * 60 + slot * 30 + (slot >= 8 ? 60 : 0);
        const date = new Date(from + day * dayMs).toISOString().slice(0, 10);
        const wallStart = `${date}T${String(Math.floor(wallMinute / 60)).padStart(2, '0')}:${String(wallMinute % 60).padStart(2, '0')}:00`;
        rows.push(
          seededAppointmentRow({
            id: `v-${rows.length}`,
            resourceIds: [providerId(provider)],
            patientId: `patient-${rows.length % 5000}`,
            wallStart: wallStart.slice(0, 16),
            timeZone: 'America/New_York',
            // The wall time on New York's clock, EST or EDT as that day has it.
            start: wallTimeToInstant(wallStart.slice(0, 16), 'America/New_York'),
            durationMinutes: 30,
          }),
        );
      }
    }
  }
  return rows;
}

/** The baseline: everything for the 90 days read at once, then a minute-by-minute walk over every provider. */
async function minuteScan(db: TimedeskDb, query: OpeningQuery, limit: number): Promise<number> {
  const durationMinutes = query.durationMinutes;
  const wanted = (start: number) => {
    const wall = instantToWallTime(start, 'America/New_York');
    const weekday = ((new Date(`${wall.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const minute = Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
    const window = query.timeOfDay?.[0];
    return (query.weekdays === undefined || query.weekdays.includes(weekday)) && (window === undefined || (minute >= Number(window.start.slice(0, 2)) * 60 && minute + durationMinutes <= Number(window.end.slice(0, 2)) * 60));
  };
  const ids = Array.from({ length: providers }, (_, index) => providerId(index));
  const to = from + horizon;
  const [bookable, calendar] = await Promise.all([storedAvailability(db, { resourceIds: ids, from, to: to + durationMinutes * minuteMs }), calendarRange(db, { resourceIds: ids, from, to, includeCancelled: false })]);
  const spans = new Map(ids.map((id) => [id, bookable.filter((span) => span.resourceId === id).map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) }))]));
  const busy = new Map<string, { start: number; end: number }[]>(ids.map((id) => [id, []]));
  for (const item of calendar) if (item.kind === 'appointment') for (const id of item.appointment.resourceIds) busy.get(id)?.push({ start: Date.parse(item.appointment.start), end: Date.parse(item.appointment.end) });
  let found = 0;
  const length = durationMinutes * minuteMs;
  for (let start = from; start < to && found < limit; start += minuteMs) {
    if (!wanted(start)) continue;
    for (const id of ids) {
      const inHours = (spans.get(id) ?? []).some((span) => span.start <= start && start + length <= span.end);
      if (inHours && !(busy.get(id) ?? []).some((visit) => visit.start < start + length && start < visit.end)) found++;
    }
  }
  return found;
}

/** Prints each search beside the naive minute scan measured on the same store in this run. */
export async function run(): Promise<void> {
  const { db, must } = await clinicFixture();
  const ids = Array.from({ length: providers }, (_, index) => providerId(index));
  for (const id of [...ids, 'room-a', 'room-b']) {
    await must('resource/save', { id, kind: id.startsWith('room') ? 'room' : 'provider', name: id, timeZone: 'America/New_York' }, manager);
    await must('schedule/save-block', { block: { resourceId: id, kind: 'working', wallStart: '2025-01-06T08:00', wallEnd: '2025-01-06T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } }, manager);
    await must('schedule/save-block', { block: { resourceId: id, kind: 'break', wallStart: '2025-01-06T12:00', wallEnd: '2025-01-06T13:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } }, manager);
  }
  const seedStarted = performance.now();
  const rows = seededVisits();
  for (let index = 0; index < rows.length; index += 20_000) {
    const chunk = rows.slice(index, index + 20_000);
    await db.transaction('rw', db.appointments, db.bookings, async () => {
      await db.appointments.bulkPut(chunk);
      await db.bookings.bulkPut(chunk.flatMap(bookingRows));
    });
  }
  const inWindow = rows.filter((row) => Date.parse(row.start) >= from).length;
  console.log(`store: ${rows.length.toLocaleString('en-US')} visits on ${providers} providers (${inWindow.toLocaleString('en-US')} in the 90 days searched), seeded in ${(performance.now() - seedStarted) / 1000 | 0} s; the machine is shared by several engineers`);

  const base = { providers: ids, from: new Date(from).toISOString(), to: new Date(from + horizon).toISOString(), limit: 20 } as const;
  const searches: [string, OpeningQuery, number][] = [
    ['A 30 min, any of the 40 providers', { ...base, durationMinutes: 30 }, 20],
    ['B 60 min, 40 providers, Tue/Thu mornings, a room, a patient', { ...base, durationMinutes: 60, weekdays: [2, 4], timeOfDay: [{ start: '08:00', end: '12:00' }], rooms: ['room-a', 'room-b'], patientId: 'patient-7' }, 10],
    ['C 90 min, 40 providers: nothing fits (90 days)', { ...base, durationMinutes: 90 }, 5],
  ];
  for (const [name, query, runs] of searches) {
    const found = (await findOpenings(db, query)).length;
    const search = await timedRuns(runs, () => findOpenings(db, query));
    const baseline = await timedRuns(Math.max(2, Math.floor(runs / 4)), () => minuteScan(db, query, 20));
    const verdict = name.startsWith('A') ? (search.median < 100 ? ' PASS (< 100 ms)' : ' MISS (target < 100 ms)') : '';
    console.log(`${name}: ${found} openings; findOpenings median ${ms(search.median)}, p95 ${ms(search.p95)}; baseline minute scan median ${ms(baseline.median)}; ${(baseline.median / search.median).toFixed(1)}× faster${verdict}`);
  }
  db.close();
}
