import type { TimedeskDb } from '../../core/db';
import type { Patient, Resource, ScheduleBlock } from '../../core/model';
import { displacedVisits } from '../../core/queries';
import type { DisplacedVisit } from '../../core/queries';
import type { ScheduleDisplacedConflict } from '../../core/sync';
import type { DayItem } from '../data/day-sheet';

/** One open "outside the new hours" record as the inbox shows it. */
export interface OpenDisplaced {
  record: ScheduleDisplacedConflict;
  resource: Resource | undefined;
  /** The block the change made (absent when it was removed, or not on this desk yet). */
  block: ScheduleBlock | undefined;
  visits: (DisplacedVisit & { patient?: Patient | undefined; item?: DayItem | undefined })[];
  /** Visits still outside the hours: to move or cancel. */
  left: number;
}

/**
 * The open schedule-displaced records with where each of their visits
 * stands now (core/queries `displacedVisits`), their patients and, for a
 * visit still booked, the day-sheet item the Move and Cancel actions open
 * with. Run it in a live query: a move, a cancel or a pull re-runs it.
 *
 * @example (await readOpenDisplaced(db))[0] // { record, resource: Dr Lee, visits: [{ id: 'a1', state: 'outside', … }], left: 1 }
 */
export async function readOpenDisplaced(db: TimedeskDb): Promise<OpenDisplaced[]> {
  const records = (await db.conflicts.where('status').equals('open').toArray()).filter((conflict): conflict is ScheduleDisplacedConflict => conflict.kind === 'schedule-displaced');
  const result: OpenDisplaced[] = [];
  for (const record of records) {
    const [resource, block, visits] = await Promise.all([db.resources.get(record.resourceId), db.scheduleBlocks.get(record.blockId), displacedVisits(db, record)]);
    const patients = await db.patients.bulkGet(visits.flatMap((visit) => (visit.booking ? [visit.booking.patientId] : [])));
    const byId = new Map(patients.filter((patient) => patient !== undefined).map((patient) => [patient.id, patient]));
    result.push({
      record,
      resource,
      block,
      visits: visits.map((visit) => {
        const patient = visit.booking ? byId.get(visit.booking.patientId) : undefined;
        return { ...visit, patient, item: itemOf(visit, patient) };
      }),
      left: visits.filter((visit) => visit.state === 'outside').length,
    });
  }
  return result.sort((left, right) => (left.record.id < right.record.id ? -1 : 1));
}

/** A still-booked visit as the day sheet's item, so the appointment dialog and the cancel dialog open on it as from the grid. */
function itemOf(visit: DisplacedVisit, patient: Patient | undefined): DayItem | undefined {
  const booking = visit.booking;
  if (!booking || booking.status === 'cancelled') return undefined;
  return {
    id: visit.id,
    source: visit.id.includes(':') && booking.seriesId !== undefined ? 'occurrence' : 'appointment',
    seriesId: booking.seriesId,
    originalStart: booking.originalStart,
    patientId: booking.patientId,
    patient,
    resourceIds: booking.resourceIds,
    start: Date.parse(booking.start),
    end: Date.parse(booking.end),
    wallStart: booking.wallStart,
    timeZone: booking.timeZone,
    durationMinutes: booking.durationMinutes,
    status: booking.status,
    visitReason: booking.visitReason,
    notes: booking.notes,
    undoable: false,
  };
}
