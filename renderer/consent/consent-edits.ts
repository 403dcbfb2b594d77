import type { TimedeskDb } from '../../core/db';
import { contactConsentAnswerSchema } from '../../core/model';
import type { ContactConsentAnswer } from '../../core/model';
import type { ConcurrentEditConflict } from '../../core/sync';

/** One desk's answer in a contact consent two desks recorded differently. */
export interface ConsentEditSide {
  deviceId: string;
  own: boolean;
  /** The answer that desk recorded, or null when its values do not read as one (an older or damaged record). */
  answer: ContactConsentAnswer | null;
}

/** An open concurrent edit of a patient's contact consent: desk 1 recorded "texts allowed", desk 2 "opted out". */
export interface OpenConsentEdit {
  id: string;
  /** The patient's id (the consent record's key). */
  patientId: string;
  patientName: string | null;
  kept: ConsentEditSide;
  other: ConsentEditSide;
}

function answerOf(values: Record<string, unknown>): ContactConsentAnswer | null {
  const { emailAllowed, smsAllowed, preferredChannel, optedOut, optOutReason } = values;
  const parsed = contactConsentAnswerSchema.safeParse({ emailAllowed, smsAllowed, preferredChannel, optedOut, optOutReason });
  return parsed.success ? parsed.data : null;
}

/**
 * The open concurrent edits of contact consents on this desk with the
 * patient they concern, oldest first (run in a live query).
 *
 * @example (await readConsentEdits(db, deviceId))[0] // { patientName: 'Ada Lovelace', kept: { answer: { optedOut: false, … } }, other: { answer: { optedOut: true, … } }, … }
 */
export async function readConsentEdits(db: TimedeskDb, ownDeviceId: string): Promise<OpenConsentEdit[]> {
  return db.transaction('r', db.conflicts, db.patients, async () => {
    const edits = (await db.conflicts.where('status').equals('open').toArray())
      .filter((conflict): conflict is ConcurrentEditConflict => conflict.kind === 'concurrent-edit' && conflict.entity === 'contactConsent')
      .sort((a, b) => a.detectedAtChange - b.detectedAtChange);
    const patients = await db.patients.bulkGet(edits.map((edit) => edit.recordId));
    return edits.map((edit, index) => {
      const patient = patients[index];
      return {
        id: edit.id,
        patientId: edit.recordId,
        patientName: patient ? `${patient.givenName} ${patient.familyName}` : null,
        kept: { deviceId: edit.kept.deviceId, own: edit.kept.deviceId === ownDeviceId, answer: answerOf(edit.kept.values) },
        other: { deviceId: edit.other.deviceId, own: edit.other.deviceId === ownDeviceId, answer: answerOf(edit.other.values) },
      };
    });
  });
}
