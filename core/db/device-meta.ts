import { z } from 'zod';
import { clinicLocaleSchema, timeZoneSchema } from '../model';
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

/** Longest idle-lock setting: a screen showing the day sheet unattended for more than 4 h is no lock at all. */
export const maxIdleLockMinutes = 240;

/**
 * The editable clinic settings, checked at the edge (`clinic/save-settings`):
 * a name of 1–120 characters, an IANA zone, one of the locales the app
 * formats (core/model `clinicLocales`), and 1–240 idle
 * minutes before the screen locks.
 *
 * @example clinicSettingsSchema.parse({ name: 'Northside', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 10 })
 */
export const clinicSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  timeZone: timeZoneSchema,
  locale: clinicLocaleSchema,
  idleLockMinutes: z.number().int().min(1).max(maxIdleLockMinutes),
});

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
