import { appendEntry, buildAppointment } from '../../core';
import type { Appointment, AuditEntry } from '../../core';
import { currentSchemaVersion } from '../../core/db/schema';
import type { Effect, Mutation } from './wire-schemas';

/**
 * Builders of valid pushes for the server's tests and benchmark: records in
 * core/model's shape, mutations as a desk's outbox writes them, and audit
 * chains hashed with core/audit. Not used by the service itself.
 */

/**
 * A booked appointment (core/model shape) from wall time and zone.
 *
 * @example bookedAppointment({ id: 'a1', resourceId: 'dr-lee', patientId: 'p1', wallStart: '2026-03-02T09:00' })
 */
export function bookedAppointment(input: { id: string; resourceId: string; patientId: string; wallStart: string; durationMinutes?: number; timeZone?: string }): Appointment {
  return buildAppointment(
    { resourceIds: [input.resourceId], patientId: input.patientId, wallStart: input.wallStart, timeZone: input.timeZone ?? 'Europe/London', durationMinutes: input.durationMinutes ?? 30 },
    { id: input.id, at: '2026-03-01T08:00:00.000Z', by: 'staff-1' },
  );
}

/**
 * A valid patient record.
 *
 * @example patientRecord('p1') // { id: 'p1', givenName: 'Given p1', … }
 */
export function patientRecord(id: string): Record<string, unknown> {
  return { id, givenName: `Given ${id}`, familyName: 'Example', dateOfBirth: '1980-05-17' };
}

/**
 * A mutation as a desk's outbox sends it.
 *
 * @example mutation('desk-1', 1, [{ entity: 'patient', id: 'p1', op: 'put', data: patientRecord('p1') }])
 */
export function mutation(deviceId: string, deviceSeq: number, effects: Effect[], mutationId = `${deviceId}-m${deviceSeq}`): Mutation {
  return {
    mutationId,
    deviceId,
    deviceSeq,
    hlc: `${String(1_700_000_000_000 + deviceSeq).padStart(15, '0')}-0000-${deviceId}`,
    name: 'patient/register',
    args: {},
    baseVersion: null,
    // A desk of this release (an older one is refused as desk-outdated).
    schemaVersion: currentSchemaVersion,
    effects,
  };
}

/**
 * A mutation putting one patient: the cheapest valid mutation, for volume tests.
 *
 * @example patientMutation('desk-1', 3) // puts patient 'desk-1-p3'
 */
export function patientMutation(deviceId: string, deviceSeq: number): Mutation {
  const id = `${deviceId}-p${deviceSeq}`;
  return mutation(deviceId, deviceSeq, [{ entity: 'patient', id, op: 'put', data: patientRecord(id) }]);
}

/**
 * A mutation booking one appointment.
 *
 * @example bookingMutation('desk-1', 1, bookedAppointment({ … }))
 */
export function bookingMutation(deviceId: string, deviceSeq: number, appointment: Appointment): Mutation {
  return { ...mutation(deviceId, deviceSeq, [{ entity: 'appointment', id: appointment.id, op: 'put', data: { ...appointment } }]), name: 'appointment/book' };
}

/**
 * The first `count` entries of a device's audit chain (or `count` more after `previous`),
 * made by `options.staff` for `options.mutationIds` (by default staff-1, for `<device>-m<seq>`).
 *
 * @example auditChain('desk-1', 3).map((entry) => entry.seq) // [1, 2, 3]
 */
export function auditChain(deviceId: string, count: number, previous: AuditEntry | null = null, options: { staff?: { staffId: string; displayName: string }; mutationIds?: readonly string[] } = {}): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let last = previous;
  for (let index = 0; index < count; index += 1) {
    const seq = (last?.seq ?? 0) + 1;
    last = appendEntry(last, {
      id: `${deviceId}-e${seq}`,
      deviceId,
      appVersion: '0.1.0',
      at: new Date(Date.UTC(2026, 2, 1, 9, 0, seq)).toISOString(),
      actor: { kind: 'staff', staffId: options.staff?.staffId ?? 'staff-1', displayName: options.staff?.displayName ?? 'Ana Souza', role: 'front_desk' },
      action: 'PATIENT_REGISTERED',
      entityType: 'patient',
      entityId: `${deviceId}-p${seq}`,
      patientId: `${deviceId}-p${seq}`,
      changes: { givenName: { before: null, after: 'Ada' } },
      reason: null,
      outcome: 'success',
      mutationId: options.mutationIds?.[index] ?? `${deviceId}-m${seq}`,
    });
    entries.push(last);
  }
  return entries;
}

/**
 * A mutation editing one stored appointment as a desk's command sends it:
 * `baseVersion` is the version the desk read, the record carries that + 1.
 *
 * @example editMutation('desk-2', 4, { ...appointment, notes: 'Wheelchair' }, 7) // baseVersion 7, data.version 8
 */
export function editMutation(deviceId: string, deviceSeq: number, appointment: Appointment, baseVersion: number): Mutation {
  const data = { ...appointment, version: baseVersion + 1 };
  return { ...mutation(deviceId, deviceSeq, [{ entity: 'appointment', id: appointment.id, op: 'put', data }]), name: 'appointment/edit', baseVersion };
}
