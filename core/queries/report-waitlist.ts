import type { TimedeskDb } from '../db';
import { bookingsOverlapping } from '../db';
import type { SeriesOccurrence, WaitlistEntry } from '../model';
import { reportVisit } from '../reports';
import type { FreedVisit, ReportRange, ReportVisit } from '../reports';
import { seriesOccurrencesIn } from './calendar-range';

/** What core/reports' `waitlistReport` takes, read from the store. */
export interface WaitlistRecords {
  /** The whole list (a clinic's is hundreds): the report picks the entries added or booked in the range. */
  entries: WaitlistEntry[];
  /** The visits of the entries booked in the range, by appointment id. */
  bookedVisits: ReadonlyMap<string, ReportVisit>;
  /** Cancelled and no-show visits (stored, or series visits cancelled as exceptions) overlapping those visits on their resources. */
  freedVisits: FreedVisit[];
}

/**
 * When each cancelled series visit was cancelled: its cancelled exception's
 * last save (`updatedAt`), keyed `seriesId|originalStart`.
 *
 * @example (await seriesCancelledAt(db, occurrences)).get('s1|2026-01-05T14:00') // Date.parse('2026-01-05T18:00:00.000Z')
 */
export async function seriesCancelledAt(db: TimedeskDb, occurrences: readonly SeriesOccurrence[]): Promise<Map<string, number>> {
  const cancelledSeries = new Set<string>();
  for (const occurrence of occurrences) if (occurrence.status === 'cancelled') cancelledSeries.add(occurrence.seriesId);
  const cancelledAt = new Map<string, number>();
  if (cancelledSeries.size === 0) return cancelledAt;
  for (const exception of await db.seriesExceptions.where('seriesId').anyOf([...cancelledSeries]).toArray()) {
    if (exception.kind === 'cancelled') cancelledAt.set(`${exception.seriesId}|${exception.originalStart}`, Date.parse(exception.updatedAt));
  }
  return cancelledAt;
}

/**
 * Reads the waitlist for a range: every entry, the visits the entries booked
 * in the range were booked into (`state.appointmentId`), and under each of
 * those visits, on its resources, the visits that were cancelled or marked
 * no-show, with when (the status change's time) — so the report can tell a
 * visit that took a freed slot. `waitlist/book` records only the visit's id,
 * so the freed time is read from the visits themselves.
 *
 * @example const records = await readWaitlistRecords(db, parseReportRange({ fromDate: '2027-03-01', toDate: '2027-03-31', timeZone: 'Europe/London' }));
 */
export async function readWaitlistRecords(db: TimedeskDb, range: ReportRange): Promise<WaitlistRecords> {
  return db.transaction('r', [db.waitlist, db.appointments, db.bookings, db.series, db.seriesExceptions], async () => {
    const entries = await db.waitlist.toArray();
    const appointmentIds: string[] = [];
    for (const entry of entries) {
      if (entry.state.kind !== 'booked') continue;
      const at = Date.parse(entry.state.at);
      if (at >= range.from && at < range.to) appointmentIds.push(entry.state.appointmentId);
    }
    const bookedVisits = new Map<string, ReportVisit>();
    for (const row of await db.appointments.bulkGet(appointmentIds)) if (row !== undefined) bookedVisits.set(row.id, reportVisit(row));
    const freed = new Map<string, FreedVisit>();
    await Promise.all(
      [...bookedVisits.values()].map(async (visit) => {
        const rows = await Promise.all(visit.resourceIds.map((resourceId) => bookingsOverlapping(db, resourceId, visit.start, visit.end)));
        const ids = [...new Set(rows.flat().filter((row) => row.appointmentId !== visit.id).map((row) => row.appointmentId))];
        for (const row of await db.appointments.bulkGet(ids)) {
          const last = row?.statusHistory.at(-1);
          if (row === undefined || last === undefined || (row.status !== 'cancelled' && row.status !== 'no_show')) continue;
          freed.set(row.id, { id: row.id, resourceIds: row.resourceIds, start: Date.parse(row.start), end: Date.parse(row.end), freedAt: Date.parse(last.at) });
        }
        const occurrences = (await seriesOccurrencesIn(db, new Set(visit.resourceIds), visit.start, visit.end, true)).filter((occurrence) => occurrence.status === 'cancelled');
        const cancelledAt = await seriesCancelledAt(db, occurrences);
        for (const occurrence of occurrences) {
          const at = cancelledAt.get(`${occurrence.seriesId}|${occurrence.originalStart}`);
          if (at !== undefined) freed.set(occurrence.id, { id: occurrence.id, resourceIds: occurrence.resourceIds, start: Date.parse(occurrence.start), end: Date.parse(occurrence.end), freedAt: at });
        }
      }),
    );
    return { entries, bookedVisits, freedVisits: [...freed.values()] };
  });
}
