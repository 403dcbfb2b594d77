/**
 * The field-by-field rules for two desks editing the same booking record
 * offline (issue 6: "nothing is ever lost … never last writer wins for a
 * patient's slot"). Pure: the caller finds the three copies (see
 * concurrent-edit-check.ts).
 *
 * - **Slot and status** (every field but the words and the bookkeeping:
 *   start, end, wall time, zone, length, resources, patient, status and its
 *   history; for a series its rule, for an exception its kind) form ONE group.
 *   A group changed on one side only merges in whole, so start, end and wall
 *   time never come from different desks. Changed on both sides to different
 *   values → a conflict: the stored group stays (the first change the server
 *   applied wins: every desk has already been able to pull it, and it is the
 *   one that passed the booking check against the clinic), and the later one
 *   is kept in the conflict record. Both sides arriving at the same slot and
 *   status (both cancelled, both moved to 10:00) is no conflict.
 * - **Words** (visit reason, notes, an exception's reason) merge field by
 *   field; where both changed one, the later push wins (a note, not a slot).
 * - **Bookkeeping** (`id`, `version`, `createdAt`, `updatedAt`, the server's
 *   `syncConflict` marker) is never compared.
 */

/** The synced entities whose records carry a version and a slot (a schedule block's slot is its time, kind and repeat). */
export type EditedEntity = 'appointment' | 'series' | 'seriesException' | 'scheduleBlock' | 'visitConfirmation' | 'waitlistEntry' | 'contactConsent';

/**
 * Whether an entity is checked against concurrent edits.
 *
 * @example isEditedEntity('appointment') // true
 * @example isEditedEntity('patient') // false (contact fields are last-writer-wins)
 */
export function isEditedEntity(entity: string): entity is EditedEntity {
  return entity === 'appointment' || entity === 'series' || entity === 'seriesException' || entity === 'scheduleBlock' || entity === 'visitConfirmation' || entity === 'waitlistEntry' || entity === 'contactConsent';
}

/**
 * Whether records of an entity are keyed by what they are about rather than
 * by a random id — a visit's confirmation by the visit, a patient's contact
 * consent by the patient — so two desks can
 * each create "the same" record offline: a creation (`baseVersion: null`)
 * meeting a stored record is then checked as an edit of an unknown base.
 *
 * @example createdOnManyDesks('visitConfirmation') // true
 */
export function createdOnManyDesks(entity: string): boolean {
  return entity === 'visitConfirmation' || entity === 'contactConsent';
}

/** Fields that may stay last-writer-wins: the words around a booking, not the booking. */
const wordFields: Readonly<Record<EditedEntity, readonly string[]>> = {
  appointment: ['visitReason', 'notes'],
  series: ['visitReason', 'notes'],
  seriesException: ['visitReason', 'notes', 'reason'],
  // A block's name is words; its times, kind, repeat, force and a leave's reason are what desks book against.
  scheduleBlock: ['label'],
  // A patient's answer is all status: two desks recording different answers is a conflict, the same answer is none.
  visitConfirmation: [],
  // A waitlist entry's note is words; its state (booked on one desk, removed on another), wants and priority are not.
  waitlistEntry: ['note'],
  // Whether the clinic may write to a patient is never last-writer-wins: one desk recording an opt-out
  // while another allows texts is a conflict. Two opt-outs in different words are not: the reason is words.
  contactConsent: ['optOutReason'],
};

/**
 * The word fields of an entity: they merge field by field.
 *
 * @example wordFieldNames('seriesException') // ['visitReason', 'notes', 'reason']
 */
export function wordFieldNames(entity: EditedEntity): readonly string[] {
  return wordFields[entity];
}

const bookkeeping: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt', 'syncConflict']);

// The history differs whenever two desks make "the same" change (each entry
// has its own at/by), and so do a consent's who-asked and when: they follow
// the status or answer they go with (taken with it, never from the other
// side) but are not what is compared.
const followsStatus: ReadonlySet<string> = new Set(['statusHistory', 'recordedBy', 'recordedAt']);

/**
 * The fields that go with the slot and status without being compared: a
 * status history, who recorded a consent and when.
 *
 * @example followingFields.includes('recordedBy') // true
 */
export const followingFields: readonly string[] = [...followsStatus];

type RecordData = Record<string, unknown>;

/**
 * Key-order-independent equality of JSON values (records come back from two
 * databases; PostgreSQL's jsonb reorders object keys).
 *
 * @example sameValue({ a: 1, b: [2] }, { b: [2], a: 1 }) // true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  const left = a as RecordData;
  const right = b as RecordData;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/**
 * The slot-and-status fields of a record of `entity` present in any of the copies.
 *
 * @example slotFields('appointment', [record]) // ['durationMinutes', 'end', 'patientId', 'resourceIds', 'start', 'status', 'statusHistory', 'timeZone', 'wallStart']
 */
export function slotFields(entity: EditedEntity, copies: readonly RecordData[]): string[] {
  const words = wordFields[entity];
  const keys = new Set(copies.flatMap((copy) => Object.keys(copy)));
  return [...keys].filter((key) => !bookkeeping.has(key) && !words.includes(key)).sort();
}

/**
 * The slot-and-status values of a copy, as a conflict record keeps them
 * (the status history left out: the status says it).
 *
 * @example slotValues('appointment', appointment).wallStart // '2026-03-02T10:00:00'
 */
export function slotValues(entity: EditedEntity, copy: RecordData): RecordData {
  return Object.fromEntries(slotFields(entity, [copy]).filter((key) => !followsStatus.has(key) && copy[key] !== undefined).map((key) => [key, copy[key]]));
}

/**
 * Every compared value of a copy — slot, status and words — as a conflict
 * record keeps them (bookkeeping and the status history left out), so the
 * side that was not applied loses none of its words either.
 *
 * @example editValues('appointment', appointment).notes // 'Wheelchair'
 */
export function editValues(entity: EditedEntity, copy: RecordData): RecordData {
  const words = wordFields[entity].filter((key) => copy[key] !== undefined).map((key) => [key, copy[key]] as const);
  return { ...slotValues(entity, copy), ...Object.fromEntries(words) };
}

/** What {@link mergeConcurrentEdit} decided. */
export interface EditMerge {
  /** The record to store: the stored one with this edit's non-conflicting changes merged in. */
  data: RecordData;
  /** Whether `data` differs from the stored record (apart from bookkeeping): false means nothing to write. */
  changed: boolean;
  /** Slot/status fields both sides changed to different values (sorted); empty when there is no conflict. */
  conflictFields: string[];
}

/**
 * Merges an edit made on top of `base` into the stored record `current`,
 * which another desk changed since. See the module comment for the rules.
 *
 * @example
 * // base 09:00; desk 1 (stored) moved it to 10:00; desk 2 moved it to 11:00 and wrote a note:
 * mergeConcurrentEdit('appointment', base, movedTo10, movedTo11WithNote)
 * // → { data: 10:00 with desk 2's note, changed: true, conflictFields: ['end', 'start', 'wallStart'] }
 */
export function mergeConcurrentEdit(entity: EditedEntity, base: RecordData, current: RecordData, incoming: RecordData): EditMerge {
  const slot = slotFields(entity, [base, current, incoming]);
  const changedBy = (copy: RecordData) => slot.filter((key) => !sameValue(base[key], copy[key]));
  const incomingChanged = changedBy(incoming);
  const currentChanged = changedBy(current);
  const differing = slot.filter((key) => !followsStatus.has(key) && !sameValue(current[key], incoming[key]));
  const conflictFields = incomingChanged.length > 0 && currentChanged.length > 0 ? differing : [];
  const takeIncomingSlot = incomingChanged.length > 0 && currentChanged.length === 0;

  const data: RecordData = {};
  const keys = new Set([...Object.keys(current), ...Object.keys(incoming)]);
  for (const key of keys) {
    if (key === 'syncConflict') continue;
    let value: unknown;
    if (bookkeeping.has(key)) value = key === 'updatedAt' ? later(current[key], incoming[key]) : key === 'version' ? incoming[key] : current[key] ?? incoming[key];
    else if (slot.includes(key)) value = takeIncomingSlot ? incoming[key] : current[key];
    else value = sameValue(base[key], incoming[key]) ? current[key] : incoming[key];
    if (value !== undefined) data[key] = value;
  }
  const compared = (copy: RecordData) => Object.fromEntries(Object.entries(copy).filter(([key]) => !bookkeeping.has(key)));
  return { data, changed: !sameValue(compared(data), compared(current)), conflictFields };
}

/** The later of two ISO instants (equal-length UTC strings compare as text). */
function later(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b;
  if (typeof b !== 'string') return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
