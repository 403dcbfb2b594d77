import { occurrenceId } from '../model';
import { parseOccurrenceId } from '../recurrence';

/** What names a visit: an appointment, or a series visit (stored or computed). */
export interface VisitIdentity {
  id: string;
  seriesId?: string | undefined;
  originalStart?: string | undefined;
}

/**
 * The key a visit's confirmation and reminders are stored under. A series
 * visit is named by its occurrence id (`seriesId:originalStart`) whether it
 * is still computed from its rule or was saved as an appointment when it
 * progressed, so an answer given before the visit was saved is not lost;
 * any other visit by its appointment id.
 *
 * @example visitKey({ id: 'a1' }) // 'a1'
 * @example visitKey({ id: 'a9', seriesId: 's1', originalStart: '2026-03-02T09:00:00' }) // 's1:20260302T090000'
 */
export function visitKey(visit: VisitIdentity): string {
  if (!visit.seriesId || !visit.originalStart) return visit.id;
  // A wall time given to the minute (`09:00`) names the same occurrence as the stored `09:00:00`.
  const originalStart = visit.originalStart.length === 16 ? `${visit.originalStart}:00` : visit.originalStart;
  return occurrenceId(visit.seriesId, originalStart);
}

/**
 * The visit a key names, as the confirmation commands take it: a series
 * visit's occurrence key back to its series and rule start, any other key as
 * an appointment id (appointment ids hold no `:`).
 *
 * @example visitOfKey('s1:20260302T090000') // { seriesId: 's1', originalStart: '2026-03-02T09:00:00' }
 * @example visitOfKey('a1') // { appointmentId: 'a1' }
 */
export function visitOfKey(key: string): { appointmentId: string } | { seriesId: string; originalStart: string } {
  return key.includes(':') ? parseOccurrenceId(key, 'visitKey') : { appointmentId: key };
}
