import type { HlcState } from '../sync/hlc';

/**
 * The per-device bookkeeping row in `meta` (key `device`). The write wrapper
 * reads and rewrites it inside every command's transaction, so its counters
 * move exactly when a command commits:
 * - `auditSeq`/`auditHead`: the last audit entry's seq and hash (the chain head);
 * - `deviceSeq`: the last outbox mutation's gapless sequence number;
 * - `hlc`: the hybrid logical clock's persisted state.
 */
export interface DeviceMeta {
  key: 'device';
  deviceId: string;
  appVersion: string;
  /** When this database first opened on this device (UTC instant). */
  firstRunAt: string;
  auditSeq: number;
  auditHead: string;
  deviceSeq: number;
  hlc: HlcState;
}

/**
 * Clinic-wide settings (meta key `clinic`): the name on printouts, the zone a
 * day sheet is read in, the locale for formatting, and how many idle minutes
 * lock the screen.
 */
export interface ClinicSettings {
  key: 'clinic';
  name: string;
  timeZone: string;
  locale: string;
  idleLockMinutes: number;
}

/** Settings a new (or upgraded v1) database starts with until an admin saves its own. */
export const defaultClinicSettings: ClinicSettings = {
  key: 'clinic',
  name: 'Clinic',
  timeZone: 'UTC',
  locale: 'en-US',
  idleLockMinutes: 5,
};

/** Every row the `meta` table can hold, told apart by `key`. */
export type MetaRow = DeviceMeta | ClinicSettings;

/** The `prevHash` of a device's first audit entry (same value as core/audit's GENESIS_HASH). */
export const genesisHash = '0'.repeat(64);
