import type { IcsImportContext } from '../calendar-files';
import type { TimedeskDb } from '../db';

/**
 * What `readIcs` needs to know of the desk, read by primary keys only (no
 * records loaded): the appointment and series ids (a `<id>@timedesk` UID
 * among them is already here), the resources and patients, with the
 * provider/room and patient the person chose for another calendar's events.
 *
 * @example readIcs(text, await importContext(db, { resourceIds: ['dr-lee'], patientId: 'p1', defaultTimeZone: 'America/New_York' }))
 */
export async function importContext(db: TimedeskDb, chosen: Pick<IcsImportContext, 'resourceIds' | 'patientId' | 'defaultTimeZone'>): Promise<IcsImportContext> {
  return db.transaction('r', [db.appointments, db.series, db.resources, db.patients], async () => {
    const [appointments, series, resources, patients] = await Promise.all([db.appointments.toCollection().primaryKeys(), db.series.toCollection().primaryKeys(), db.resources.toCollection().primaryKeys(), db.patients.toCollection().primaryKeys()]);
    return {
      existingIds: new Set([...appointments, ...series].map(String)),
      knownResourceIds: new Set(resources.map(String)),
      knownPatientIds: new Set(patients.map(String)),
      ...chosen,
    };
  });
}
