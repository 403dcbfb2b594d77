/**
 * The database's versions, oldest first. Each entry is the full store list of
 * that version (Dexie diffs them); only the newest carries an upgrade. Never
 * edit a shipped version: add a new one with an `.upgrade()` and a test that
 * opens a database of the previous version filled with data.
 *
 * Index notes (the queries they serve):
 * - `bookings [resourceId+start]`: a resource's bookings in a time range. An
 *   appointment may occupy several resources and IndexedDB cannot put a
 *   multiEntry key inside a compound index, so each (appointment, resource)
 *   pair gets a row here, written in the same transaction as the appointment.
 * - `appointments patientId`, `day`, `seriesId`: a patient's list, a day
 *   sheet, a series' materialised occurrences; `[patientId+start]` (ISO
 *   instants sort as strings) bounds the patient double-booking check to the
 *   candidates' span, however long the patient's history. `*resourceIds` is kept for the
 *   benchmark's comparison and for "everything this resource ever had".
 * - `audit [deviceId+seq]` is the chain order; `at`, `actor.staffId`,
 *   `action`, `patientId` serve the audit screen's filters.
 * - `outbox deviceSeq` is gapless and is the push order.
 */

/** v1: the first shipped schema, kept as history so its upgrade stays tested. */
export const v1Stores = {
  resources: 'id',
  patients: 'id, familyName',
  // v1 kept the passphrase hash on the staff row itself.
  staff: 'id, username',
  // v1 booked exactly one resource, with start/end as epoch milliseconds.
  appointments: 'id, resourceId, patientId, start',
  audit: '[deviceId+seq], at',
  meta: 'key',
} as const;

/** v2: the current schema. */
export const v2Stores = {
  resources: 'id, kind',
  availability: 'id, resourceId',
  closures: 'id, resourceId, startDate',
  patients: 'id, familyName, mrn, dateOfBirth',
  staff: 'id, &username',
  staffCredentials: 'staffId',
  appointments: 'id, patientId, [patientId+start], seriesId, day, start, *resourceIds',
  bookings: '[appointmentId+resourceId], [resourceId+start], appointmentId',
  series: 'id, *resourceIds, patientId',
  seriesExceptions: 'id, seriesId',
  audit: '[deviceId+seq], &id, at, actor.staffId, action, patientId, [entityType+entityId], mutationId',
  outbox: 'deviceSeq, &mutationId, name',
  meta: 'key',
} as const;

/**
 * v3: sync (core/sync). `conflicts`: double bookings found by the server, for
 * the "Needs attention" inbox (`status` lists the open ones);
 * `syncRejections`: mutations the server refused; `syncState`: the pull
 * cursor and acknowledged audit seq. Outbox rows gain `effects`.
 */
export const v3Stores = {
  ...v2Stores,
  conflicts: 'id, status',
  syncRejections: 'mutationId, deviceSeq',
  syncState: 'key',
} as const;

/**
 * v4: schedules (issue 12). `scheduleBlocks` holds a resource's time as
 * recurring blocks (core/model `ScheduleBlock`: working, override, break,
 * blockout, leave), read per resource. Its upgrade turns every weekday rule
 * of `availability` into the equivalent weekly block (core/schedule
 * `blockFromWeeklyRule`) and empties `availability`, which stays declared
 * only because Dexie can read a table in an upgrade and drop it in a later
 * version, not in the same one; nothing reads or writes it any more.
 */
export const v4Stores = {
  ...v3Stores,
  scheduleBlocks: 'id, resourceId',
} as const;

/**
 * v8: confirmations and reminders (issue 16; versions 5–7 belong to other
 * work landing alongside). `visitConfirmations`: one per visit, keyed by the
 * visit key (core/confirmations `visitKey`), by patient for their record;
 * `contactConsents`: one per patient (id = patient id); `reminderRules`: the
 * clinic's rules and templates; `reminders`: each visit's computed reminders,
 * by visit (replaced on a move, removed on a cancel) and by state and due time
 * (what the server still has to send).
 */
export const v8Stores = {
  ...v4Stores,
  visitConfirmations: 'id, patientId',
  contactConsents: 'id',
  reminderRules: 'id',
  reminders: 'id, visitKey, patientId, [state+dueAt]',
} as const;

/**
 * v9: the waitlist (issue 13). `waitlist` holds core/model `WaitlistEntry`
 * records (the ASAP list), read whole (a clinic's list is hundreds) or by
 * patient. A new table, so nothing to upgrade.
 */
export const v9Stores = {
  ...v8Stores,
  waitlist: 'id, patientId',
} as const;

/**
 * v10: the audit screen's verified head (issue 11). `auditVerification` holds
 * one core/audit `VerifiedHead` per device (key `deviceId`): the last entry a
 * clean chain check reached and when, and when the whole chain last verified,
 * so opening the screen hashes only the entries after it. Local bookkeeping,
 * never synced. A new table, so nothing to upgrade: the first check after it
 * verifies the whole chain.
 */
export const v10Stores = {
  ...v9Stores,
  auditVerification: 'deviceId',
} as const;

/** The version new databases are created at and old ones upgraded to. */
export const currentSchemaVersion = 10;
