import type { TimedeskDb } from '../../core/db';
import { contactPermission } from '../../core/model';
import type { ContactConsent, ContactConsentAnswer } from '../../core/model';
import type { Messages } from '../i18n';

/** A patient's consent as the desk shows it: the record (absent: never asked) and the name of who recorded it. */
export interface PatientConsent {
  consent: ContactConsent | undefined;
  /** The staff member's name, or their id when this desk does not hold them (yet). */
  recordedBy: string | null;
}

/**
 * Reads a patient's consent and who recorded it, in one transaction (run it in a live query).
 *
 * @example (await readPatientConsent(db, 'p1')).consent?.optedOut // true
 */
export async function readPatientConsent(db: TimedeskDb, patientId: string): Promise<PatientConsent> {
  return db.transaction('r', db.contactConsents, db.staff, async () => {
    const consent = await db.contactConsents.get(patientId);
    if (!consent) return { consent: undefined, recordedBy: null };
    const staff = await db.staff.get(consent.recordedBy);
    return { consent, recordedBy: staff?.displayName ?? consent.recordedBy };
  });
}

/**
 * What the desk says about a patient's consent in one line: not asked yet,
 * opted out (and why), or what is allowed and preferred.
 *
 * @example consentSummary(undefined, en) // 'Contact consent not asked yet'
 * @example consentSummary({ emailAllowed: true, smsAllowed: false, preferredChannel: 'email', optedOut: false }, en) // 'Messages allowed by Email · Prefers: Email'
 */
export function consentSummary(answer: ContactConsentAnswer | undefined, messages: Messages): string {
  const words = messages.consent;
  const permission = contactPermission(answer);
  if (permission.kind === 'not-asked') return words.notAsked;
  if (permission.kind === 'opted-out') return words.optedOutWhy(permission.reason);
  if (permission.channels.length === 0) return words.nothingAllowed;
  const allowed = words.allowed(permission.channels.map((channel) => words.channels[channel]).join(', '));
  return permission.preferred === 'none' ? allowed : `${allowed} · ${words.prefers(words.channels[permission.preferred])}`;
}

/**
 * The booking dialog's warning for a patient, or null when the clinic may
 * write to them: an opt-out, a consent never asked, or an answer that allows
 * no channel (nothing would be sent either).
 *
 * @example consentWarning(undefined) // 'not-asked'
 */
export function consentWarning(consent: Pick<ContactConsent, 'emailAllowed' | 'smsAllowed' | 'preferredChannel' | 'optedOut' | 'optOutReason'> | undefined): 'opted-out' | 'not-asked' | 'nothing-allowed' | null {
  const permission = contactPermission(consent);
  if (permission.kind !== 'allowed') return permission.kind;
  return permission.channels.length === 0 ? 'nothing-allowed' : null;
}

/**
 * The patients among `patientIds` who opted out of all messages (the call-down list's mark).
 *
 * @example await optedOutPatients(db, ['p1', 'p2']) // Set { 'p2' }
 */
export async function optedOutPatients(db: TimedeskDb, patientIds: readonly string[]): Promise<ReadonlySet<string>> {
  const records = await db.contactConsents.bulkGet([...new Set(patientIds)]);
  return new Set(records.filter((record) => record?.optedOut === true).map((record) => (record as ContactConsent).patientId));
}
