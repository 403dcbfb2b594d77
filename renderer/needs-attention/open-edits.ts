import type { TimedeskDb } from '../../core/db';
import type { AppointmentStatus } from '../../core/model';
import type { ConcurrentEditConflict } from '../../core/sync';

/** One desk's side of a concurrent edit, as the inbox words it. */
export interface EditSide {
  deviceId: string;
  /** This desk made it. */
  own: boolean;
  /** Epoch ms of the new start (appointments), or null. */
  start: number | null;
  /** The wall time it was moved to (`YYYY-MM-DDTHH:mm`; a series' first visit), or null. */
  wallStart: string | null;
  status: AppointmentStatus | null;
}

/** An open concurrent edit: two desks changed the slot or status of one booking offline. */
export interface OpenEdit {
  id: string;
  entity: ConcurrentEditConflict['entity'];
  recordId: string;
  patientName: string | null;
  /** The slot (time, length, resources) differs between the two changes. */
  slotChanged: boolean;
  /** The status differs between the two changes. */
  statusChanged: boolean;
  /** The change the record keeps (the server applied it first). */
  kept: EditSide;
  /** The change that was not applied, kept in the conflict. */
  other: EditSide;
  /** The other change's slot and status values, to apply it after all. */
  otherValues: Record<string, unknown>;
  /** The appointment's status on this desk now (null for a series, or an appointment this desk does not hold), so applying the other change can be checked before anything runs. */
  currentStatus: AppointmentStatus | null;
}

const ownCards: ReadonlySet<ConcurrentEditConflict['entity']> = new Set(['scheduleBlock', 'visitConfirmation', 'contactConsent']);

const slotKeys: ReadonlySet<string> = new Set(['wallStart', 'dtstart', 'timeZone', 'durationMinutes', 'start', 'end', 'resourceIds', 'rrule', 'exdates', 'rdates', 'kind']);

function sideOf(side: Pick<ConcurrentEditConflict['kept'], 'deviceId' | 'values'>, ownDeviceId: string): EditSide {
  const values = side.values;
  const start = typeof values['start'] === 'string' ? Date.parse(values['start']) : null;
  const wall = typeof values['wallStart'] === 'string' ? values['wallStart'] : typeof values['dtstart'] === 'string' ? values['dtstart'] : null;
  return {
    deviceId: side.deviceId,
    own: side.deviceId === ownDeviceId,
    start: start !== null && Number.isFinite(start) ? start : null,
    wallStart: wall === null ? null : wall.slice(0, 16),
    status: typeof values['status'] === 'string' ? (values['status'] as AppointmentStatus) : null,
  };
}

/**
 * The open concurrent-edit conflicts of the local database with the
 * patient they concern, oldest first. Run it in a live query: a pull or a
 * `conflict/resolve` on any desk re-runs it.
 *
 * @example (await readOpenEdits(db, deviceId))[0] // { patientName: 'Ada Lovelace', kept: { start: …10:00 }, other: { start: …11:00 }, … }
 */
export async function readOpenEdits(db: TimedeskDb, ownDeviceId: string): Promise<OpenEdit[]> {
  return db.transaction('r', db.conflicts, db.patients, db.series, db.appointments, async () => {
    const edits = (await db.conflicts.where('status').equals('open').toArray())
      // Schedule blocks, confirmations and contact consents have cards of their own (renderer/schedule, renderer/confirmations).
      .filter((conflict): conflict is ConcurrentEditConflict => conflict.kind === 'concurrent-edit' && !ownCards.has(conflict.entity))
      .sort((a, b) => a.detectedAtChange - b.detectedAtChange);
    const result: OpenEdit[] = [];
    for (const edit of edits) {
      let patientId = edit.other.values['patientId'] ?? edit.kept.values['patientId'];
      if (typeof patientId !== 'string' && edit.entity === 'seriesException') {
        const seriesId = edit.other.values['seriesId'] ?? edit.kept.values['seriesId'];
        patientId = typeof seriesId === 'string' ? (await db.series.get(seriesId))?.patientId : undefined;
      }
      const patient = typeof patientId === 'string' ? await db.patients.get(patientId) : undefined;
      result.push({
        id: edit.id,
        entity: edit.entity,
        recordId: edit.recordId,
        patientName: patient ? `${patient.givenName} ${patient.familyName}` : null,
        slotChanged: edit.fields.some((field) => slotKeys.has(field)),
        statusChanged: edit.fields.includes('status'),
        kept: sideOf(edit.kept, ownDeviceId),
        other: sideOf(edit.other, ownDeviceId),
        otherValues: edit.other.values,
        currentStatus: edit.entity === 'appointment' ? ((await db.appointments.get(edit.recordId))?.status ?? null) : null,
      });
    }
    return result;
  });
}
