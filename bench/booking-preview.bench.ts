/**
 * `npm run bench -- booking-preview`: the appointment dialog's dry run
 * (core/queries `checkDraft`) on fake-indexeddb under Node, with 20,000
 * stored appointments on the provider over a year, 500 of them the draft's patient's (absolute figures are
 * not Chromium's; the ratio is what to watch).
 *
 * - Dry run of a single appointment and of a 52-visit weekly series.
 * - Baseline in the same run: what Save already costs for the same series —
 *   `series/create` through the command wrapper (read-write transaction,
 *   session and device reads, the same `checkAgainstStore`), refused for its
 *   conflicts so nothing is written and every run sees the same store.
 *
 * The dialog waits 150 ms of stillness before a check, so a dry run well
 * under that never queues behind the typing.
 */
import { clinicFixture, frontDesk } from '../core/commands/commands.fixture';
import { bookingRows } from '../core/db';
import { seededAppointmentRow } from '../core/db/seeded-appointment.fixture';
import type { AppointmentRow } from '../core/db';
import { checkDraft } from '../core/queries';
import { timedRuns } from './timed-runs';

const stored = 20_000;
const hourMs = 3_600_000;

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Stored appointment `index`: 30 minutes on Dr Lee, packed through working days, a year from 5 Jan 2026 (UTC, seed only). */
function seeded(index: number): AppointmentRow {
  const day = Math.floor(index / 55);
  const start = Date.UTC(2026, 0, 5) + day * 24 * hourMs + 13 * hourMs + (index % 55) * 10 * 60_000;
  return seededAppointmentRow({
    id: `seed-${index}`,
    resourceIds: ['dr-lee'],
    patientId: index % 40 === 0 ? 'p1' : `seed-patient-${index % 500}`, // the draft's patient has a visit every few days
    wallStart: new Date(start - 5 * hourMs).toISOString().slice(0, 19),
    timeZone: 'America/New_York',
    start,
    durationMinutes: 30,
  });
}

/** Prints the dry run's figures next to the command's, measured on the same store in this run. */
export async function run(): Promise<void> {
  const { db, commands } = await clinicFixture();
  const rows = Array.from({ length: stored }, (_, index) => seeded(index));
  await db.transaction('rw', db.appointments, db.bookings, async () => {
    await db.appointments.bulkPut(rows);
    await db.bookings.bulkPut(rows.flatMap(bookingRows));
  });
  const now = { now: Date.UTC(2026, 0, 2, 12) };
  const single = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-03-09T09:00', timeZone: 'America/New_York', durationMinutes: 30 };
  const series = { ...single, rrule: 'FREQ=WEEKLY;COUNT=52' };

  const probe = await checkDraft(db, series, now);
  const refused = await commands.run('series/create', { ...single, dtstart: single.wallStart, rrule: series.rrule }, frontDesk);
  if (refused.ok) throw new Error('The baseline series must be refused, or it would change the store between runs.');
  console.log(`store: ${stored.toLocaleString('en-US')} appointments on Dr Lee; series: ${probe.occurrences.length} visits, ${probe.hard.length} hard conflicts, ${probe.warnings.length} warnings`);

  const draftSingle = await timedRuns(50, () => checkDraft(db, single, now));
  const draftSeries = await timedRuns(20, () => checkDraft(db, series, now));
  const command = await timedRuns(20, () => commands.run('series/create', { ...single, dtstart: single.wallStart, rrule: series.rrule }, frontDesk));
  console.log(`checkDraft, one appointment:       median ${ms(draftSingle.median)}, p95 ${ms(draftSingle.p95)}`);
  console.log(`checkDraft, 52-visit series:       median ${ms(draftSeries.median)}, p95 ${ms(draftSeries.p95)}`);
  console.log(`baseline series/create (refused):  median ${ms(command.median)}, p95 ${ms(command.p95)}`);
  console.log(`ratio dry run / command (series, median): ${(draftSeries.median / command.median).toFixed(2)}×; dialog debounce 150 ms`);
  db.close();
}
