/**
 * `npm run bench -- reports`: core/reports over 200,000 visits and a year of
 * schedules (issue 17's target: any report in < 500 ms), under Node.
 *
 * Clinic: 40 providers in London, Monday–Friday 08:00–17:00 with lunch
 * 12:00–13:00 (two repeating blocks each, since 2025 so the year is expanded
 * far from DTSTART), a fortnight of leave each, four clinic closures; 200,000
 * visits of 20 minutes across 2027 (about 20 a provider-day, statuses mixed:
 * completed, no-show, cancelled — some late — and still booked).
 *
 * Figures (median of runs, each from the records in memory):
 * - availability(): core/schedule's query over the year (every report needs it);
 * - utilisation (by week), attendance, patients, waitlist, confirmations: each
 *   report alone on that availability (the waitlist: 3,000 entries over the
 *   year, half booked into a seeded visit, against every cancelled and missed
 *   visit as freed time; confirmations: an answer for every second visit);
 * - all five reports + availability: what the Reports screen computes;
 * - baseline, same run: a plain loop over the same 200,000 records (per provider:
 *   minutes of the visits that hold time, and counts per status) — the least any
 *   report can cost, with no schedule, no merging and no buckets.
 * Also the store path once: readReportData from fake-indexeddb (not Chromium's
 * IndexedDB; Node's fake is far slower at getAll) and the reports on what it read.
 * The month view (issue 17 item 2): readMonth for one provider's March 2027
 * grid (35 days, one read of the range), beside the same grid read a query
 * per day in the same run; and monthDays alone on the records in memory.
 */
import { clinicFixture, manager } from '../core/commands/commands.fixture';
import { appointmentDay, bookingRows } from '../core/db';
import type { AppointmentRow } from '../core/db';
import type { ScheduleBlock, VisitConfirmation, WaitlistEntry } from '../core/model';
import { monthDays, monthGridRange } from '../core/month';
import { readMonth, readRangeRecords, readReportData } from '../core/queries';
import { attendance, confirmationsReport, parseReportRange, patientsReport, utilisation, waitlistReport } from '../core/reports';
import type { FreedVisit, ReportVisit } from '../core/reports';
import { availability } from '../core/schedule';
import { instantToWallTime, wallTimeToInstant } from '../core/time';

const providers = 40;
const visitCount = 200_000;
const zone = 'Europe/London';
const providerId = (index: number) => `dr-${String(index).padStart(2, '0')}`;
const stamp = { version: 0, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', exdates: [], timeZone: zone };
const range = parseReportRange({ fromDate: '2027-01-01', toDate: '2027-12-31', timeZone: zone });
const closures = ['2027-04-02', '2027-05-03', '2027-08-30', '2027-12-27'].map((date, index) => ({ id: `c${index}`, resourceId: null, startDate: date, endDate: date, reason: 'Bank holiday' }));

function blocksFor(index: number): ScheduleBlock[] {
  const id = providerId(index);
  const leaveStart = `2027-${String(1 + (index % 12)).padStart(2, '0')}-08`;
  return [
    { ...stamp, id: `${id}-hours`, resourceId: id, kind: 'working', wallStart: '2025-01-06T08:00', wallEnd: '2025-01-06T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
    { ...stamp, id: `${id}-lunch`, resourceId: id, kind: 'break', wallStart: '2025-01-06T12:00', wallEnd: '2025-01-06T13:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
    { ...stamp, id: `${id}-leave`, resourceId: id, kind: 'leave', reason: 'Annual leave', wallStart: `${leaveStart}T00:00`, wallEnd: `${leaveStart.slice(0, 8)}22T00:00` },
  ] as ScheduleBlock[];
}

const statuses = ['completed', 'completed', 'completed', 'completed', 'no_show', 'cancelled', 'booked'] as const;

function seededVisits(): ReportVisit[] {
  const visits: ReportVisit[] = [];
  for (let day = 0; visits.length < visitCount; day++) {
    const date = new Date(Date.UTC(2027, 0, 1) + (day % 365) * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let provider = 0; provider < providers && visits.length < visitCount; provider++) {
      for (let slot = 0; slot < 21 && visits.length < visitCount; slot++) {
        const minute = 8 * 60 + slot * 20 + (slot >= 12 ? 60 : 0);
        const wallStart = `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const start = wallTimeToInstant(wallStart, zone);
        const n = visits.length;
        const status = statuses[n % statuses.length] as ReportVisit['status'];
        const visit: ReportVisit = { id: `v-${n}`, patientId: `patient-${(n * 7919) % 12_000}`, resourceIds: [providerId(provider)], start, end: start + 20 * 60_000, status, wallStart };
        if (status === 'cancelled') visit.cancelledAt = start - (n % 3 === 0 ? 3 : 50) * 3_600_000;
        visits.push(visit);
      }
    }
  }
  return visits;
}

/** 3,000 entries across the year (every provider, or any); every second one booked two days later into a seeded visit. */
function seededWaitlist(visits: readonly ReportVisit[]): { entries: WaitlistEntry[]; bookedVisits: Map<string, ReportVisit>; freedVisits: FreedVisit[] } {
  const entries: WaitlistEntry[] = [];
  const bookedVisits = new Map<string, ReportVisit>();
  for (let index = 0; index < 3000; index++) {
    const added = range.from + Math.floor((index / 3000) * (range.to - range.from - 3 * 86_400_000));
    const target = visits[(index * 61) % visits.length] as ReportVisit;
    const at = new Date(added).toISOString();
    const booked = index % 2 === 0;
    if (booked) bookedVisits.set(target.id, target);
    entries.push({
      id: `w-${index}`,
      patientId: `patient-${index}`,
      providers: index % 3 === 0 ? { kind: 'provider' } : [providerId(index % providers)],
      durationMinutes: 20,
      reason: 'Sooner',
      priority: 'routine',
      state: booked ? { kind: 'booked', appointmentId: target.id, at: new Date(added + 2 * 86_400_000).toISOString(), by: 'seed' } : { kind: 'waiting' },
      addedBy: 'seed',
      version: 0,
      createdAt: at,
      updatedAt: at,
    });
  }
  const freedVisits = visits.filter((visit) => visit.status === 'cancelled' || visit.status === 'no_show').map((visit) => ({ id: visit.id, resourceIds: visit.resourceIds, start: visit.start, end: visit.end, freedAt: visit.cancelledAt ?? visit.start }));
  return { entries, bookedVisits, freedVisits };
}

/** An answer (confirmed, else declined every fifth) for every second visit, for its start. */
function seededConfirmations(visits: readonly ReportVisit[]): Map<string, VisitConfirmation> {
  const records = new Map<string, VisitConfirmation>();
  visits.forEach((visit, index) => {
    if (index % 2 === 1) return;
    const status = index % 10 === 0 ? 'declined' : 'confirmed';
    const at = new Date(visit.start - 86_400_000).toISOString();
    records.set(visit.id, { id: visit.id, patientId: visit.patientId, visitStart: new Date(visit.start).toISOString(), status, statusHistory: [{ kind: 'set', from: 'unconfirmed', to: status, at, actor: 'staff', by: 'seed', method: 'phone' }], version: 1, createdAt: at, updatedAt: at });
  });
  return records;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(runs: number, task: () => unknown): number {
  task();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    task();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** The baseline: one plain pass over the records — held minutes and status counts per provider. */
function plainLoop(visits: readonly ReportVisit[]): number {
  const minutes = new Map<string, number>();
  const counts = new Map<string, number[]>();
  for (const visit of visits) {
    for (const id of visit.resourceIds) {
      if (visit.status !== 'cancelled') minutes.set(id, (minutes.get(id) ?? 0) + (visit.end - visit.start) / 60_000);
      let row = counts.get(id);
      if (row === undefined) counts.set(id, (row = [0, 0, 0, 0]));
      const column = visit.status === 'completed' ? 0 : visit.status === 'no_show' ? 1 : visit.status === 'cancelled' ? 2 : 3;
      row[column] = (row[column] ?? 0) + 1;
    }
  }
  return minutes.size + counts.size;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Prints each report beside the plain loop measured in the same run. */
export async function run(): Promise<void> {
  const ids = Array.from({ length: providers }, (_, index) => providerId(index));
  const blocks = ids.flatMap((_, index) => blocksFor(index));
  const visits = seededVisits();
  const seenBefore = new Set(Array.from({ length: 6000 }, (_, index) => `patient-${index * 2}`));
  const last = instantToWallTime(visits.at(-1)?.start ?? 0, zone).slice(0, 10);
  console.log(`records: ${visits.length.toLocaleString('en-US')} visits on ${providers} providers (1 Jan 2027 – ${last}), ${blocks.length} schedule blocks, ${closures.length} closures; the machine is shared by several engineers`);

  const runs = 7;
  const spans = availability(blocks, closures, { from: range.from, to: range.to, clinicTimeZone: zone });
  const tAvailability = time(runs, () => availability(blocks, closures, { from: range.from, to: range.to, clinicTimeZone: zone }));
  const tUtilisation = time(runs, () => utilisation({ range, period: 'week', resourceIds: ids, bookable: spans, visits }));
  const tAttendance = time(runs, () => attendance({ range, resourceIds: ids, visits }));
  const tPatients = time(runs, () => patientsReport({ range, resourceIds: ids, visits, seenBefore }));
  const waitlist = seededWaitlist(visits);
  const confirmations = seededConfirmations(visits);
  const tWaitlist = time(runs, () => waitlistReport({ range, providerIds: ids, ...waitlist }));
  const tConfirmations = time(runs, () => confirmationsReport({ range, resourceIds: ids, visits, confirmations }));
  const tAll = time(runs, () => {
    const bookable = availability(blocks, closures, { from: range.from, to: range.to, clinicTimeZone: zone });
    utilisation({ range, period: 'week', resourceIds: ids, bookable, visits });
    attendance({ range, resourceIds: ids, visits });
    patientsReport({ range, resourceIds: ids, visits, seenBefore });
    waitlistReport({ range, providerIds: ids, ...waitlist });
    confirmationsReport({ range, resourceIds: ids, visits, confirmations });
  });
  const tBaseline = time(runs, () => plainLoop(visits));
  const total = utilisation({ range, period: 'month', resourceIds: ids, bookable: spans, visits }).rows[0]?.total;
  console.log(`availability() over the year, 40 providers: median ${ms(tAvailability)} (${spans.length.toLocaleString('en-US')} spans; dr-00 ${total?.bookedMinutes} of ${total?.availableMinutes} min booked)`);
  console.log(`utilisation by week: median ${ms(tUtilisation)}; attendance: ${ms(tAttendance)}; patients: ${ms(tPatients)}; waitlist (${waitlist.entries.length.toLocaleString('en-US')} entries): ${ms(tWaitlist)}; confirmations (${confirmations.size.toLocaleString('en-US')} answers): ${ms(tConfirmations)}`);
  const verdict = tAll < 500 ? 'PASS (< 500 ms)' : 'MISS (target < 500 ms)';
  console.log(`all five reports + availability: median ${ms(tAll)} ${verdict}; baseline plain loop over the same records: median ${ms(tBaseline)} (${(tAll / tBaseline).toFixed(1)}× the loop)`);

  // The store path once: seed fake-indexeddb, read, report.
  const { db, must } = await clinicFixture();
  await db.meta.put({ key: 'clinic', name: 'Bench', timeZone: zone, locale: 'en-GB', idleLockMinutes: 5 });
  for (const id of ids) await must('resource/save', { id, kind: 'provider', name: id, timeZone: zone }, manager);
  await db.scheduleBlocks.bulkPut(blocks);
  await db.closures.bulkPut(closures);
  const at = '2026-12-01T12:00:00.000Z';
  for (let index = 0; index < visits.length; index += 20_000) {
    const chunk: AppointmentRow[] = visits.slice(index, index + 20_000).map((visit) => {
      const appointment = {
        id: visit.id,
        resourceIds: [...visit.resourceIds],
        patientId: visit.patientId,
        wallStart: visit.wallStart,
        timeZone: zone,
        durationMinutes: 20,
        start: new Date(visit.start).toISOString(),
        end: new Date(visit.end).toISOString(),
        status: visit.status,
        statusHistory: [{ kind: 'transition' as const, from: null, to: 'booked' as const, at, by: 'seed' }, ...(visit.status === 'booked' ? [] : [{ kind: 'transition' as const, from: 'booked' as const, to: visit.status, at: new Date(visit.cancelledAt ?? visit.end).toISOString(), by: 'seed', reason: 'seed' }])],
        version: 0,
        createdAt: at,
        updatedAt: at,
      };
      return { ...appointment, day: appointmentDay(appointment) };
    });
    await db.transaction('rw', db.appointments, db.bookings, async () => {
      await db.appointments.bulkPut(chunk);
      await db.bookings.bulkPut(chunk.flatMap(bookingRows));
    });
  }
  const month = parseReportRange({ fromDate: '2027-03-01', toDate: '2027-03-31', timeZone: zone });
  for (const [name, wanted] of [['a month', month], ['the year', range]] as const) {
    const started = performance.now();
    const data = await readReportData(db, wanted);
    const read = performance.now() - started;
    const computed = performance.now();
    const resourceIds = data.resources.map((resource) => resource.id);
    utilisation({ range: wanted, period: 'week', resourceIds, bookable: data.bookable, visits: data.visits });
    attendance({ range: wanted, resourceIds, visits: data.visits });
    patientsReport({ range: wanted, resourceIds, visits: data.visits, seenBefore: data.seenBefore });
    waitlistReport({ range: wanted, providerIds: resourceIds, ...data.waitlist });
    confirmationsReport({ range: wanted, resourceIds, visits: data.visits, confirmations: data.confirmations });
    console.log(`store path, ${name} (${data.visits.length.toLocaleString('en-US')} visits, fake-indexeddb under Node): readReportData ${ms(read)}, the five reports on it ${ms(performance.now() - computed)}`);
  }

  // The month view: one provider's grid, one read of the range vs a query per day.
  const monthQuery = { resourceId: providerId(0), month: '2027-03', weekStart: 1, timeZone: zone };
  const grid = monthGridRange(monthQuery.month, monthQuery.weekStart, zone);
  const memory = { visits: visits.filter((visit) => visit.start < grid.to && visit.end > grid.from), bookable: spans, schedule: { blocks, closures } };
  const tMonthDays = time(runs, () => monthDays(monthQuery.month, grid, memory, monthQuery.resourceId));
  const tMonthLoop = time(runs, () => plainLoop(memory.visits));
  const monthRuns: number[] = [];
  const perDayRuns: number[] = [];
  for (let index = 0; index < 3; index++) {
    let started = performance.now();
    const days = await readMonth(db, monthQuery);
    monthRuns.push(performance.now() - started);
    started = performance.now();
    for (const day of days) await readRangeRecords(db, parseReportRange({ fromDate: day.date, toDate: day.date, timeZone: zone }), [monthQuery.resourceId]);
    perDayRuns.push(performance.now() - started);
  }
  const tMonth = median(monthRuns);
  const tPerDay = median(perDayRuns);
  console.log(`month view, dr-00's March 2027 (35 days): monthDays on the records in memory ${ms(tMonthDays)} (plain loop over the grid's ${memory.visits.length.toLocaleString('en-US')} visits: ${ms(tMonthLoop)}); store path readMonth ${ms(tMonth)}, baseline a query per day over the same grid ${ms(tPerDay)} (${(tPerDay / tMonth).toFixed(1)}× readMonth)`);
  db.close();
}
