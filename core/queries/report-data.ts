import type { TimedeskDb } from '../db';
import { bookingsOverlapping, readClinicSettings } from '../db';
import type { AppointmentRow } from '../db';
import { visitKey } from '../confirmations';
import type { Resource, VisitConfirmation } from '../model';
import { durationLimits, msToInstant } from '../model';
import { isAttendedOrDue, reportVisit } from '../reports';
import type { ReportRange, ReportVisit } from '../reports';
import { availability } from '../schedule';
import type { BookableSpan } from '../schedule';
import { seriesOccurrencesIn } from './calendar-range';
import { readWaitlistRecords, seriesCancelledAt } from './report-waitlist';
import type { WaitlistRecords } from './report-waitlist';
import { readSchedule } from './schedule-reads';
import type { StoredSchedule } from './schedule-reads';

/** A range's visits and schedule for some resources, read from the store once (reports and the month view). */
export interface RangeRecords {
  /** The resources reported on (the filter's, else every active one), by name. */
  resources: Resource[];
  /** Visits and series occurrences overlapping the range, cancelled ones included — what the day sheet shows. */
  visits: ReportVisit[];
  /** core/schedule's `availability()` of those resources over the range. */
  bookable: BookableSpan[];
  /** The blocks and closures `bookable` was computed from (the month view names closures and leave). */
  schedule: StoredSchedule;
}

/** Everything core/reports' functions take for a range, read from the store. */
export interface ReportData extends RangeRecords {
  /** Patients of those visits with a visit (not cancelled, not missed) before the range, with any resource. */
  seenBefore: Set<string>;
  /** The confirmation records of the visits that start in the range, by visit key (core/confirmations `visitKey`). */
  confirmations: ReadonlyMap<string, VisitConfirmation>;
  /** The waitlist: every entry, the visits booked from it in the range and the freed visits under them. */
  waitlist: WaitlistRecords;
}

/**
 * Reads a range's records: the resources, every visit the day sheet shows
 * in the range (stored appointments — one read of the `start` index, not
 * `calendarRange`'s per-resource reads, which cost a year's report seconds —
 * and series occurrences through the same `seriesOccurrencesIn` as the day
 * sheet, so both count the same visits),
 * and the schedule with its availability. A series
 * visit cancelled as an exception is cancelled when its exception was last
 * saved (`updatedAt`), so late cancellations count for series too.
 *
 * @example const records = await readRangeRecords(db, parseReportRange({ fromDate: '2027-03-01', toDate: '2027-03-31', timeZone: 'Europe/London' }), ['dr-lee']);
 */
export async function readRangeRecords(db: TimedeskDb, range: ReportRange, resourceIds?: readonly string[]): Promise<RangeRecords> {
  const everyResource = await db.resources.toArray();
  const wanted = resourceIds === undefined ? undefined : new Set(resourceIds);
  const resources = everyResource
    .filter((resource) => (wanted === undefined ? resource.active !== false : wanted.has(resource.id)))
    .sort((left, right) => (left.kind === right.kind ? left.name.localeCompare(right.name) : left.kind === 'provider' ? -1 : 1));
  const ids = resources.map((resource) => resource.id);
  const wantedIds = new Set(ids);
  const [stored, occurrences, schedule, clinic] = await Promise.all([
    storedVisits(db, ids, range),
    db.transaction('r', [db.series, db.seriesExceptions, db.appointments], () => seriesOccurrencesIn(db, wantedIds, range.from, range.to, true)),
    readSchedule(db, { resourceIds: ids, from: range.from, to: range.to }),
    readClinicSettings(db),
  ]);
  const cancelledAt = await seriesCancelledAt(db, occurrences);
  const visits: ReportVisit[] = [];
  for (const row of stored) {
    if (Date.parse(row.end) > range.from && row.resourceIds.some((id) => wantedIds.has(id))) visits.push(reportVisit(row));
  }
  for (const occurrence of occurrences) {
    const visit: ReportVisit = {
      id: occurrence.id,
      patientId: occurrence.patientId,
      resourceIds: occurrence.resourceIds,
      start: Date.parse(occurrence.start),
      end: Date.parse(occurrence.end),
      status: occurrence.status,
      wallStart: occurrence.wallStart,
      seriesId: occurrence.seriesId,
      originalStart: occurrence.originalStart,
    };
    const at = cancelledAt.get(`${occurrence.seriesId}|${occurrence.originalStart}`);
    if (occurrence.status === 'cancelled' && at !== undefined) visit.cancelledAt = at;
    visits.push(visit);
  }
  return {
    resources,
    visits,
    bookable: availability(schedule.blocks, schedule.closures, { from: range.from, to: range.to, clinicTimeZone: clinic.timeZone }),
    schedule,
  };
}

/**
 * The stored appointments of `ids` that may meet the range, in ONE read of
 * index: for a few resources (the month view's one provider) their
 * `bookings [resourceId+start]` rows and the appointments they name, so a
 * month costs one provider's visits, not the clinic's; for more, the `start`
 * index, which costs less than many per-resource reads
 * (bench/reports.bench.ts). Either way a visit lasts at
 * most a day, so one that began the day before may reach in.
 */
async function storedVisits(db: TimedeskDb, ids: readonly string[], range: ReportRange): Promise<AppointmentRow[]> {
  if (ids.length > fewResources) {
    return db.appointments.where('start').between(msToInstant(range.from - durationLimits.max * 60_000), msToInstant(range.to), true, false).toArray();
  }
  return db.transaction('r', [db.bookings, db.appointments], async () => {
    const rows = await Promise.all(ids.map((id) => bookingsOverlapping(db, id, range.from, range.to)));
    const appointmentIds = [...new Set(rows.flat().map((row) => row.appointmentId))];
    return (await db.appointments.bulkGet(appointmentIds)).filter((row) => row !== undefined);
  });
}

/** Up to this many resources are "a few": one getAll each on the booking index beats reading every resource's visits. */
const fewResources = 4;

/**
 * Reads a report's records: {@link readRangeRecords}, which patients came
 * before the range (for new vs returning), the confirmations of the visits
 * that start in it, and the waitlist ({@link readWaitlistRecords}).
 *
 * @example const data = await readReportData(db, parseReportRange({ fromDate: '2027-03-01', toDate: '2027-03-31', timeZone: 'Europe/London' }));
 */
export async function readReportData(db: TimedeskDb, range: ReportRange, resourceIds?: readonly string[]): Promise<ReportData> {
  const records = await readRangeRecords(db, range, resourceIds);
  const [seenBefore, confirmations, waitlist] = await Promise.all([patientsSeenBefore(db, records.visits, range.from), confirmationsOf(db, records.visits, range), readWaitlistRecords(db, range)]);
  return { ...records, seenBefore, confirmations, waitlist };
}

/** The stored confirmation records of the visits that start in the range, in one keyed read. */
async function confirmationsOf(db: TimedeskDb, visits: readonly ReportVisit[], range: ReportRange): Promise<Map<string, VisitConfirmation>> {
  const keys = [...new Set(visits.filter((visit) => visit.start >= range.from && visit.start < range.to).map(visitKey))];
  const records = await db.visitConfirmations.bulkGet(keys);
  return new Map(records.filter((record) => record !== undefined).map((record) => [record.id, record]));
}

/** Patients among `visits` with a stored visit they came to (or are due at) that starts before `before`. */
async function patientsSeenBefore(db: TimedeskDb, visits: readonly ReportVisit[], before: number): Promise<Set<string>> {
  const patients = [...new Set(visits.filter((visit) => visit.start >= before && isAttendedOrDue(visit)).map((visit) => visit.patientId))];
  const beforeIso = msToInstant(before);
  // One keyed read per patient, all issued at once in one read transaction (IndexedDB pipelines them).
  const seen = await db.transaction('r', db.appointments, () =>
    Promise.all(
      patients.map(async (patientId) => {
        const earlier = await db.appointments.where('[patientId+start]').between([patientId, ''], [patientId, beforeIso], true, false).filter(isAttendedOrDue).first();
        return earlier === undefined ? null : patientId;
      }),
    ),
  );
  return new Set(seen.filter((patientId) => patientId !== null));
}
