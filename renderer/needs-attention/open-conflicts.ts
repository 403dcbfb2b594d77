import type { TimedeskDb } from '../../core/db';
import type { AppointmentStatus } from '../../core/model';
import type { DoubleBookingConflict } from '../../core/sync';

/** One appointment of a double booking, as the inbox shows it. */
export interface ConflictAppointment {
  id: string;
  /** Null while the appointment has not reached this desk yet (it arrives with a later pull). */
  patientName: string | null;
  resourceNames: string[];
  /** Epoch ms. */
  start: number | null;
  end: number | null;
  /** The wall date/time the appointment was booked at (`YYYY-MM-DDTHH:mm`), for the reschedule form. */
  wallStart: string | null;
  status: AppointmentStatus | null;
  /** Booked, arrived or in the room: still holding the slot. */
  holdsSlot: boolean;
}

/** An open double booking with what a receptionist needs to settle it. */
export interface OpenConflict {
  id: string;
  /** The provider, room or equipment booked twice (null when the clash is the same patient twice). */
  resourceName: string | null;
  samePatient: boolean;
  /** The desks whose bookings collided; `own` marks this one, listed first. */
  desks: { id: string; own: boolean }[];
  appointments: ConflictAppointment[];
}

const holding: ReadonlySet<string> = new Set(['booked', 'arrived', 'in_room']);

/**
 * The open conflicts of the local database with the appointments, patients,
 * resources and desks they name, in the order the server found them. Run it
 * in a live query: a pull or a `conflict/resolve` on any desk re-runs it.
 *
 * @example (await readOpenConflicts(db, deviceId))[0]?.appointments.map((a) => a.patientName) // ['Ada Lovelace', 'Grace Hopper']
 */
export async function readOpenConflicts(db: TimedeskDb, ownDeviceId: string): Promise<OpenConflict[]> {
  return db.transaction('r', db.conflicts, db.appointments, db.patients, db.resources, async () => {
    const conflicts = (await db.conflicts.where('status').equals('open').toArray())
      // Concurrent edits have their own card (open-edits.ts).
      .filter((conflict): conflict is DoubleBookingConflict => conflict.kind === 'double-booking')
      .sort((a, b) => a.detectedAtChange - b.detectedAtChange);
    const appointmentIds = [...new Set(conflicts.flatMap((conflict) => conflict.appointmentIds))];
    const appointments = new Map((await db.appointments.bulkGet(appointmentIds)).flatMap((row) => (row ? [[row.id, row] as const] : [])));
    const patientIds = [...new Set([...appointments.values()].map((row) => row.patientId))];
    const patients = new Map((await db.patients.bulkGet(patientIds)).flatMap((row) => (row ? [[row.id, `${row.givenName} ${row.familyName}`] as const] : [])));
    const resourceIds = [...new Set([...appointments.values()].flatMap((row) => row.resourceIds).concat(conflicts.flatMap((c) => (c.resourceId ? [c.resourceId] : []))))];
    const resources = new Map((await db.resources.bulkGet(resourceIds)).flatMap((row) => (row ? [[row.id, row.name] as const] : [])));
    return conflicts.map((conflict) => ({
      id: conflict.id,
      resourceName: conflict.resourceId ? (resources.get(conflict.resourceId) ?? null) : null,
      samePatient: conflict.resourceId === undefined && conflict.patientId !== undefined,
      // This desk first: "booked on this desk, another desk (…)" reads the same everywhere.
      desks: conflict.deviceIds.map((id) => ({ id, own: id === ownDeviceId })).sort((a, b) => Number(b.own) - Number(a.own)),
      appointments: conflict.appointmentIds.map((id): ConflictAppointment => {
        const row = appointments.get(id);
        if (!row) return { id, patientName: null, resourceNames: [], start: null, end: null, wallStart: null, status: null, holdsSlot: false };
        return {
          id,
          patientName: patients.get(row.patientId) ?? null,
          resourceNames: row.resourceIds.map((resourceId) => resources.get(resourceId) ?? resourceId),
          start: Date.parse(row.start),
          end: Date.parse(row.end),
          wallStart: row.wallStart.slice(0, 16),
          status: row.status,
          holdsSlot: holding.has(row.status),
        };
      }),
    }));
  });
}
