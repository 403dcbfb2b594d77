import type { ClinicRecord, DeviceRecord } from './storage';

/**
 * A counter column as a driver hands it back: SQLite gives a number, pg gives
 * BIGINT as a string (it may pass 2^53; ours never do).
 */
export type StoredInteger = number | string;

/** A `clinics` row as both adapters read it. */
export interface ClinicRow {
  id: string;
  name: string;
  time_zone: string;
  created_at: string;
  last_change: StoredInteger;
}

/** A `devices` row as both adapters read it. */
export interface DeviceRow {
  id: string;
  clinic_id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
  last_device_seq: StoredInteger;
}

/**
 * A `clinics` row as the storage interface's record.
 *
 * @example toClinic({ id: 'c1', name: 'North Street', time_zone: 'Europe/London', created_at: '…', last_change: '12' }).lastChange // 12
 */
export function toClinic(row: ClinicRow): ClinicRecord {
  return { id: row.id, name: row.name, timeZone: row.time_zone, createdAt: row.created_at, lastChange: Number(row.last_change) };
}

/**
 * A `devices` row as the storage interface's record.
 *
 * @example toDevice(row).lastDeviceSeq // 7 (from '7' or 7)
 */
export function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastDeviceSeq: Number(row.last_device_seq),
  };
}
