import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { AppointmentStatus } from '../model';
import { expandSeries, findRuleOccurrence, ruleSpecOf } from '../recurrence';
import { wallTimeToInstant } from '../time';

/** Which visit: a stored appointment, or a series visit by its series and the start its rule generated. */
export type VisitRef = { appointmentId: string } | { seriesId: string; originalStart: string };

/** A visit as confirmations and reminders need it, whether stored or computed from its series. */
export interface VisitFacts {
  /** The stored appointment's id, or the occurrence id of a computed series visit. */
  id: string;
  seriesId?: string | undefined;
  /** The rule's start in the series' normal form (`2026-03-02T09:00:00`) for a series visit. */
  originalStart?: string | undefined;
  patientId: string;
  resourceIds: readonly string[];
  /** ISO instant. */
  start: string;
  wallStart: string;
  timeZone: string;
  durationMinutes: number;
  status: AppointmentStatus;
}

/**
 * Finds a visit: an appointment by id, or a series visit — the appointment it
 * was saved as, or the occurrence computed from its rule and exceptions.
 * Undefined when there is none (unknown appointment or series, or no
 * occurrence at that start). Works inside a command's transaction.
 *
 * @example await lookUpVisit(db, { seriesId: 's1', originalStart: '2026-03-02T09:00' }) // { id: 's1:20260302T090000', … }
 */
export async function lookUpVisit(db: TimedeskDb, ref: VisitRef): Promise<VisitFacts | undefined> {
  if ('appointmentId' in ref) {
    const row = await db.appointments.get(ref.appointmentId);
    return row;
  }
  const series = await db.series.get(ref.seriesId);
  if (!series) return undefined;
  const found = findRuleOccurrence(ruleSpecOf(series), ref.originalStart);
  if (!found) return undefined;
  const saved = await db.appointments.where('seriesId').equals(series.id).filter((row) => row.originalStart === found.local).first();
  if (saved) return saved;
  const exceptions = await db.seriesExceptions.where('seriesId').equals(series.id).toArray();
  const exception = exceptions.find((item) => item.originalStart === found.local);
  const at = exception?.kind === 'moved' ? wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart') : Date.parse(found.utc);
  const occurrence = expandSeries(series, exceptions, { from: msToInstant(at), to: msToInstant(at + 1) }).find((item) => item.originalStart === found.local);
  return occurrence;
}
