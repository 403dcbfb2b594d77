import type { Transaction } from 'dexie';
import { instantToWallTime } from '../time';
import { defaultClinicSettings, genesisHash } from './device-meta';
import type { DeviceMeta } from './device-meta';
import type { AppointmentRow, StaffCredential } from './records';
import { appointmentDay, bookingRows } from './records';

/** A v1 appointment: one resource, epoch-ms times, no history. */
export interface V1Appointment {
  id: string;
  resourceId: string;
  patientId: string;
  start: number;
  end: number;
  timeZone: string;
  status: 'booked' | 'cancelled';
  notes?: string;
  createdAt: number;
}

/** A v1 staff row, which still carried its passphrase hash. */
export interface V1Staff {
  id: string;
  username: string;
  displayName: string;
  role: 'front_desk' | 'manager' | 'admin';
  passphraseHash: string;
  passphraseSalt: string;
  iterations: number;
}

/** A v1 device row: just the id. */
export interface V1DeviceMeta {
  key: 'device';
  deviceId: string;
}

/** Who the upgrade names in the status history it has to invent for v1 rows. */
const upgradeActor = 'system-upgrade';

/**
 * v1 → v2, run by Dexie inside the version-change transaction:
 * - appointments: `resourceId` → `resourceIds`; epoch ms → ISO instants plus
 *   the wall time in their zone, `durationMinutes`, a status history, `day`,
 *   `version`; and their rows in the new `bookings` index;
 * - staff: passphrase fields move to `staffCredentials`;
 * - meta: the device row gains its counters (audit head from the audit
 *   table, which the upgrade only reads: entries are immutable), and clinic
 *   settings get their defaults.
 *
 * @example this.version(2).stores(v2Stores).upgrade(upgradeToV2);
 */
export async function upgradeToV2(transaction: Transaction): Promise<void> {
  const appointments = transaction.table('appointments');
  const oldAppointments = (await appointments.toArray()) as V1Appointment[];
  const converted = oldAppointments.map(convertAppointment);
  await appointments.bulkPut(converted);
  await transaction.table('bookings').bulkPut(converted.flatMap(bookingRows));

  const staff = transaction.table('staff');
  const oldStaff = (await staff.toArray()) as V1Staff[];
  await staff.bulkPut(oldStaff.map(({ id, username, displayName, role }) => ({ id, username, displayName, role, active: true })));
  await transaction.table('staffCredentials').bulkPut(
    oldStaff.map(
      (row): StaffCredential => ({
        staffId: row.id,
        algorithm: 'PBKDF2-SHA256',
        iterations: row.iterations,
        salt: row.passphraseSalt,
        hash: row.passphraseHash,
        failedAttempts: 0,
        lockedUntil: 0,
      }),
    ),
  );

  const meta = transaction.table('meta');
  const device = (await meta.get('device')) as V1DeviceMeta | undefined;
  if (device) {
    const audit = transaction.table('audit');
    const head = (await audit.where('[deviceId+seq]').between([device.deviceId, 0], [device.deviceId, Infinity]).last()) as
      | { seq: number; hash: string }
      | undefined;
    const upgraded: DeviceMeta = {
      key: 'device',
      deviceId: device.deviceId,
      appVersion: 'v1',
      firstRunAt: new Date(0).toISOString(),
      auditSeq: head?.seq ?? 0,
      auditHead: head?.hash ?? genesisHash,
      deviceSeq: 0,
      hlc: { millis: 0, counter: 0 },
    };
    await meta.put(upgraded);
  }
  if (!(await meta.get('clinic'))) await meta.put(defaultClinicSettings);
}

function convertAppointment(old: V1Appointment): AppointmentRow {
  const at = new Date(old.createdAt).toISOString();
  const booked = { kind: 'transition' as const, from: null, to: 'booked' as const, at, by: upgradeActor };
  const history =
    old.status === 'cancelled'
      ? [booked, { kind: 'transition' as const, from: 'booked' as const, to: 'cancelled' as const, at, by: upgradeActor, reason: 'Cancelled before the v2 upgrade (no reason was recorded then).' }]
      : [booked];
  const appointment = {
    id: old.id,
    resourceIds: [old.resourceId],
    patientId: old.patientId,
    wallStart: instantToWallTime(old.start, old.timeZone),
    timeZone: old.timeZone,
    durationMinutes: Math.round((old.end - old.start) / 60_000),
    ...(old.notes === undefined ? {} : { notes: old.notes }),
    start: new Date(old.start).toISOString(),
    end: new Date(old.end).toISOString(),
    status: old.status,
    statusHistory: history,
    version: 0,
    createdAt: at,
    updatedAt: at,
  };
  return { ...appointment, day: appointmentDay(appointment) };
}
