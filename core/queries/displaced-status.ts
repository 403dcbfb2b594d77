import { withoutDay } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { Appointment } from '../model';
import { findRuleOccurrence, parseOccurrenceId, ruleSpecOf } from '../recurrence';
import { coversSpan, mergeSpans } from '../schedule';
import type { ScheduleDisplacedConflict } from '../sync/schedule-displaced-conflict';
import { wallTimeToInstant } from '../time';
import { storedAvailability } from './schedule-reads';

/** Where one visit a schedule change displaced stands now. */
export interface DisplacedVisit {
  /** The id the record lists (appointment or occurrence id). */
  id: string;
  /**
   * `outside`: still booked outside the bookable time — to move or cancel;
   * `moved`: booked again inside it; `cancelled`: cancelled, a no-show or
   * gone (the series no longer has it); `under-way`: arrived or later.
   */
  state: 'outside' | 'moved' | 'cancelled' | 'under-way';
  /** The visit as it is now, when it still exists. */
  booking?: Pick<Appointment, 'patientId' | 'resourceIds' | 'start' | 'end' | 'wallStart' | 'timeZone' | 'durationMinutes' | 'status' | 'visitReason' | 'notes'> & {
    seriesId?: string | undefined;
    originalStart?: string | undefined;
  };
}

const minuteMs = 60_000;

/**
 * Reads each visit of a schedule-displaced record as it is now — an
 * appointment by id; a series occurrence through its series, its exception
 * (moved or cancelled) or the appointment it was saved as — and whether it
 * still lies outside its resources' bookable time (core/schedule
 * `availability`, read with `readSchedule`). The inbox lists the `outside`
 * ones with Move / Cancel; `conflict/resolve` `handled` is refused while any
 * is left. Reads only, so it runs in a live query.
 *
 * @example await displacedVisits(db, record) // [{ id: 'a1', state: 'outside', booking: { … } }, { id: 's1:20261229T090000', state: 'cancelled' }]
 */
export async function displacedVisits(db: TimedeskDb, record: Pick<ScheduleDisplacedConflict, 'bookings'>): Promise<DisplacedVisit[]> {
  const visits: DisplacedVisit[] = [];
  for (const { id } of record.bookings) {
    const booking = await currentBooking(db, id);
    if (booking === undefined || booking.status === 'cancelled' || booking.status === 'no_show') {
      visits.push({ id, state: 'cancelled', ...(booking ? { booking } : {}) });
      continue;
    }
    if (booking.status !== 'booked') {
      visits.push({ id, state: 'under-way', booking });
      continue;
    }
    const start = Date.parse(booking.start);
    const end = Date.parse(booking.end);
    const spans = await storedAvailability(db, { resourceIds: booking.resourceIds, from: start, to: end });
    const inside = booking.resourceIds.every((resourceId) =>
      coversSpan(mergeSpans(spans.filter((span) => span.resourceId === resourceId).map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) }))), start, end),
    );
    visits.push({ id, state: inside ? 'moved' : 'outside', booking });
  }
  return visits;
}

async function currentBooking(db: TimedeskDb, id: string): Promise<DisplacedVisit['booking']> {
  const stored = await db.appointments.get(id);
  if (stored) return withoutDay(stored);
  if (!id.includes(':')) return undefined;
  const { seriesId, originalStart } = parseOccurrenceId(id, 'bookings');
  const saved = (await db.appointments.where('seriesId').equals(seriesId).toArray()).find((row) => row.originalStart?.slice(0, 16) === originalStart.slice(0, 16));
  if (saved) return withoutDay(saved);
  const series = await db.series.get(seriesId);
  if (!series) return undefined;
  const originalInstant = wallTimeToInstant(originalStart, series.timeZone, 'bookings');
  const exception = (await db.seriesExceptions.where('seriesId').equals(seriesId).toArray()).find(
    (row) => wallTimeToInstant(row.originalStart, series.timeZone, 'originalStart') === originalInstant,
  );
  const common = { patientId: series.patientId, seriesId, originalStart, visitReason: series.visitReason, notes: series.notes };
  if (exception?.kind === 'cancelled') {
    return { ...common, resourceIds: series.resourceIds, start: msToInstant(originalInstant), end: msToInstant(originalInstant + series.durationMinutes * minuteMs), wallStart: originalStart, timeZone: series.timeZone, durationMinutes: series.durationMinutes, status: 'cancelled' };
  }
  if (exception?.kind === 'moved') {
    const start = wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart');
    return { ...common, visitReason: exception.visitReason, notes: exception.notes, resourceIds: exception.resourceIds, start: msToInstant(start), end: msToInstant(start + exception.durationMinutes * minuteMs), wallStart: exception.wallStart, timeZone: exception.timeZone, durationMinutes: exception.durationMinutes, status: 'booked' };
  }
  const occurrence = findRuleOccurrence(ruleSpecOf(series), originalStart, 'bookings');
  if (!occurrence) return undefined;
  const start = Date.parse(occurrence.utc);
  return { ...common, resourceIds: series.resourceIds, start: occurrence.utc, end: msToInstant(start + series.durationMinutes * minuteMs), wallStart: occurrence.local, timeZone: series.timeZone, durationMinutes: series.durationMinutes, status: 'booked' };
}
