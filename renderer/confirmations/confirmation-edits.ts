import type { TimedeskDb } from '../../core/db';
import { confirmationStatuses } from '../../core/model';
import type { ConfirmationStatus } from '../../core/model';
import type { ConcurrentEditConflict } from '../../core/sync';

/** One desk's answer in a confirmation two desks recorded differently. */
export interface ConfirmationEditSide {
  deviceId: string;
  own: boolean;
  status: ConfirmationStatus;
}

/** An open concurrent edit of a visit's confirmation: desk 1 recorded "confirmed", desk 2 "declined". */
export interface OpenConfirmationEdit {
  id: string;
  /** The visit key the confirmation is stored under. */
  recordId: string;
  patientName: string | null;
  kept: ConfirmationEditSide;
  other: ConfirmationEditSide;
}

function statusOf(values: Record<string, unknown>): ConfirmationStatus {
  const status = values['status'];
  return confirmationStatuses.find((known) => known === status) ?? 'unconfirmed';
}

/**
 * The open concurrent edits of confirmations on this desk with the patient
 * they concern, oldest first (run in a live query).
 *
 * @example (await readConfirmationEdits(db, deviceId))[0] // { patientName: 'Ada Lovelace', kept: { status: 'confirmed' }, other: { status: 'declined' }, … }
 */
export async function readConfirmationEdits(db: TimedeskDb, ownDeviceId: string): Promise<OpenConfirmationEdit[]> {
  return db.transaction('r', db.conflicts, db.patients, async () => {
    const edits = (await db.conflicts.where('status').equals('open').toArray())
      .filter((conflict): conflict is ConcurrentEditConflict => conflict.kind === 'concurrent-edit' && conflict.entity === 'visitConfirmation')
      .sort((a, b) => a.detectedAtChange - b.detectedAtChange);
    const patientIds = edits.map((edit) => String(edit.kept.values['patientId'] ?? edit.other.values['patientId'] ?? ''));
    const patients = await db.patients.bulkGet(patientIds);
    return edits.map((edit, index) => {
      const patient = patients[index];
      return {
        id: edit.id,
        recordId: edit.recordId,
        patientName: patient ? `${patient.givenName} ${patient.familyName}` : null,
        kept: { deviceId: edit.kept.deviceId, own: edit.kept.deviceId === ownDeviceId, status: statusOf(edit.kept.values) },
        other: { deviceId: edit.other.deviceId, own: edit.other.deviceId === ownDeviceId, status: statusOf(edit.other.values) },
      };
    });
  });
}
