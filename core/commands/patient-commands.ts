import { z } from 'zod';
import { checkDateOfBirth, idSchema, parsePatient, patientSchema } from '../model';
import { instantToWallTime } from '../time';
import type { Patient } from '../model';
import { ValidationError } from '../validation';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import type { WriteScope } from './define-command';
import { fieldChanges, withFieldChanges } from './field-changes';

/** Today on the clinic's clock, for the date-of-birth rule. */
const todayOf = (scope: WriteScope) => instantToWallTime(scope.now, scope.clinic.timeZone).slice(0, 10);

const unknownPatient = (id: string) => refuse('unknown-entity', 'patientId', `There is no patient "${id}".`);

/** Patient commands: register, update (field-level before/after audited) and view (audited, not synced). */
export const patientCommands = {
  /**
   * Registers a new patient; the id is made here unless the caller brings one.
   *
   * @example run('patient/register', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' }, session)
   */
  'patient/register': defineCommand({
    args: patientSchema.extend({ id: idSchema.optional() }),
    async run(scope, args) {
      const patient: Patient = { ...args, id: args.id ?? scope.newId() };
      checkDateOfBirth(patient.dateOfBirth, todayOf(scope));
      if (await scope.db.patients.get(patient.id)) return refuse('duplicate-id', 'id', `A patient with id "${patient.id}" already exists.`);
      await scope.db.patients.add(patient);
      scope.audit({ action: 'PATIENT_REGISTERED', entityType: 'patient', entityId: patient.id, patientId: patient.id, changes: fieldChanges(null, patient, ['id']) });
      return { ok: true, value: patient, baseVersion: null, intent: patient };
    },
  }),

  /**
   * Changes some of a patient's fields (send `null` to clear an optional
   * one). The audit entry lists each changed field's before and after.
   *
   * @example run('patient/update', { patientId: 'p1', changes: { phone: '555 0199' } }, session)
   */
  'patient/update': defineCommand({
    args: z.object({
      patientId: idSchema,
      changes: z.partialRecord(z.enum(['mrn', 'givenName', 'familyName', 'dateOfBirth', 'phone', 'email', 'notes']), z.unknown()),
    }),
    async run(scope, args) {
      const before = await scope.db.patients.get(args.patientId);
      if (!before) return unknownPatient(args.patientId);
      const merged = withFieldChanges(before, args.changes);
      let after: Patient;
      try {
        after = parsePatient(merged);
      } catch (error) {
        // Name the field as the caller sent it: changes.phone, not phone.
        if (error instanceof ValidationError) return refuse(error.code, `changes.${error.field}`, error.message);
        throw error;
      }
      const changes = fieldChanges(before, after, ['id']);
      if (Object.keys(changes).length === 0) return { ok: true, value: after, baseVersion: null };
      if (changes['dateOfBirth']) checkDateOfBirth(after.dateOfBirth, todayOf(scope), 'changes.dateOfBirth');
      await scope.db.patients.put(after);
      scope.audit({ action: 'PATIENT_UPDATED', entityType: 'patient', entityId: after.id, patientId: after.id, changes });
      return { ok: true, value: after, baseVersion: null };
    },
  }),

  /**
   * Opens a patient's record and records that it was viewed (ONC counts
   * views as actions on patient data). Writes no data, so nothing is synced.
   *
   * @example run('patient/view', { patientId: 'p1' }, session) // { ok: true, value: { id: 'p1', … } }
   */
  'patient/view': defineCommand({
    args: z.object({ patientId: idSchema }),
    sync: false,
    async run(scope, args) {
      const patient = await scope.db.patients.get(args.patientId);
      if (!patient) return unknownPatient(args.patientId);
      scope.audit({ action: 'PATIENT_VIEWED', entityType: 'patient', entityId: patient.id, patientId: patient.id });
      return { ok: true, value: patient };
    },
  }),
};
