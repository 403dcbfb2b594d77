import { checkBooking } from '../../core';
import type { Appointment, BookingResource, ExistingBooking } from '../../core';
import type { BookingSlot, EntityRecord, WriteTransaction } from '../storage/storage';

/** Statuses that hold their slot (cancelled, no_show and completed ones are history). */
const openStatuses: ReadonlySet<string> = new Set(['booked', 'arrived', 'in_room']);

/**
 * The booking-index slots of an appointment: one per resource and one for the
 * patient, or none when its status no longer holds the slot.
 *
 * @example bookingSlots(appointment) // [{ key: 'resource:dr-lee', startMs, endMs }, { key: 'patient:p1', startMs, endMs }]
 */
export function bookingSlots(appointment: Pick<Appointment, 'resourceIds' | 'patientId' | 'start' | 'end' | 'status'>): BookingSlot[] {
  if (!openStatuses.has(appointment.status)) return [];
  const startMs = Date.parse(appointment.start);
  const endMs = Date.parse(appointment.end);
  return [...appointment.resourceIds.map((id) => `resource:${id}`), `patient:${appointment.patientId}`].map((key) => ({ key, startMs, endMs }));
}

/** A hard double booking found for one appointment. */
export interface DoubleBooking {
  /** Stored appointments it collides with, sorted. */
  existingIds: string[];
  /** The devices that last wrote those appointments. */
  existingDeviceIds: string[];
  /** Conflict ids the colliding stored appointments already carry (`syncConflict`). */
  existingConflictIds: string[];
  resourceId?: string;
  patientId?: string;
}

/**
 * Runs core/overlap's `checkBooking` for one incoming appointment against the
 * clinic's stored appointments that share a resource or the patient and
 * overlap it (read through the slot index, under the change lock so two
 * concurrent pushes cannot both miss each other). Only hard double bookings
 * count: closures and working hours are the desk's business (it asked, or a
 * manager overrode), and the server must not reject a booking it cannot
 * second-guess. A resource the server has not seen yet counts as capacity 1.
 *
 * @example await findDoubleBooking(tx, appointment, 'Europe/London') // { existingIds: ['a1'], resourceId: 'dr-lee', … } or null
 */
export async function findDoubleBooking(tx: WriteTransaction, appointment: Appointment, clinicTimeZone: string): Promise<DoubleBooking | null> {
  const slots = bookingSlots(appointment);
  if (slots.length === 0) return null;
  const startMs = Date.parse(appointment.start);
  const endMs = Date.parse(appointment.end);
  const stored = (await tx.findOverlappingAppointments(slots.map((slot) => slot.key), startMs, endMs)).filter(
    (record): record is EntityRecord & { data: Record<string, unknown> } => record.id !== appointment.id && !record.deleted && record.data !== null,
  );
  if (stored.length === 0) return null;
  const known = await tx.getEntities('resource', appointment.resourceIds);
  const resources: BookingResource[] = appointment.resourceIds.map((id) => {
    const data = known.find((record) => record.id === id && !record.deleted)?.data;
    if (data) return { id, kind: data['kind'] as BookingResource['kind'], timeZone: String(data['timeZone']), capacity: data['capacity'] as number | undefined };
    return { id, kind: 'provider', timeZone: clinicTimeZone, capacity: 1 };
  });
  const existing: ExistingBooking[] = stored.map((record) => {
    const data = record.data as unknown as Appointment;
    // Stored bookings may name resources this candidate does not book; the check only needs the candidate's.
    return { id: record.id, start: data.start, end: data.end, resourceIds: data.resourceIds.filter((id) => appointment.resourceIds.includes(id)), patientId: data.patientId, status: data.status };
  });
  const result = checkBooking({
    candidates: [{ id: appointment.id, start: appointment.start, end: appointment.end, resourceIds: appointment.resourceIds, patientId: appointment.patientId }],
    existing,
    resources,
    availability: [],
    closures: [],
    clinicTimeZone,
  });
  const hard = result.hard.filter((conflict) => conflict.kind === 'resource-double-booked' || conflict.kind === 'patient-double-booked');
  if (hard.length === 0) return null;
  const existingIds = [...new Set(hard.flatMap((conflict) => conflict.existingIds))].sort();
  const colliding = stored.filter((record) => existingIds.includes(record.id));
  const devices = [...new Set(colliding.map((record) => record.deviceId))].sort();
  const conflictIds = [...new Set(colliding.flatMap((record) => (typeof record.data['syncConflict'] === 'string' ? [record.data['syncConflict']] : [])))].sort();
  const byResource = hard.find((conflict) => conflict.kind === 'resource-double-booked');
  return {
    existingIds,
    existingDeviceIds: devices,
    existingConflictIds: conflictIds,
    ...(byResource?.resourceId !== undefined ? { resourceId: byResource.resourceId } : { patientId: appointment.patientId }),
  };
}
