import { z } from 'zod';
import { clinicSettingsSchema } from '../db/device-meta';
import type { ClinicSettings } from '../db/device-meta';
import type { StaffCredential } from '../db/records';
import { idSchema } from '../model';

/**
 * The wire shapes of the two records that are not core/model entities: the
 * clinic settings (local: `meta` row `clinic`) and a staff member's
 * passphrase credential (local: `staffCredentials`). Both sides parse with
 * these schemas — the desk when it captures a write, the server when it
 * stores one — so there is one copy of the rules. This file imports nothing
 * browser-bound, so the server may import it directly.
 */

/** The one id the clinic record has (there is one clinic per server clinic). */
export const clinicRecordId = 'clinic';

/**
 * The clinic settings as they sync: the editable settings plus `id: 'clinic'`.
 *
 * @example clinicRecordSchema.parse({ id: 'clinic', name: 'Northside', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 }).name // 'Northside'
 */
export const clinicRecordSchema = clinicSettingsSchema.extend({ id: z.literal(clinicRecordId) }).strict();

/** A synced clinic record; see {@link clinicRecordSchema}. */
export type ClinicRecord = z.infer<typeof clinicRecordSchema>;

const hex = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[0-9a-f]+$/, 'lower-case hex');

/**
 * A passphrase credential as it syncs: the PBKDF2 parameters, salt and
 * derived key — never the passphrase, and never the desk-local throttle
 * state (`failedAttempts`, `lockedUntil`), which stays on the desk where the
 * attempts were made. `id` is the staff member's id. Strict: any other key
 * (a stray `passphrase`) is refused, not dropped, so a leaking client is
 * noticed. 1,000 iterations is the floor so tests can run quickly; desks
 * hash with 600,000 (core/auth).
 *
 * @example staffCredentialRecordSchema.parse({ id: 'jo', algorithm: 'PBKDF2-SHA256', iterations: 600000, salt: '00'.repeat(16), hash: 'ab'.repeat(32) }).id // 'jo'
 */
export const staffCredentialRecordSchema = z
  .object({
    id: idSchema,
    algorithm: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(1_000).max(10_000_000),
    salt: hex(32, 128),
    hash: hex(64, 64),
  })
  .strict();

/** A synced credential; see {@link staffCredentialRecordSchema}. */
export type StaffCredentialRecord = z.infer<typeof staffCredentialRecordSchema>;

/**
 * The clinic settings row as it goes on the wire.
 *
 * @example clinicRecordFromSettings({ key: 'clinic', name: 'Northside', timeZone: 'UTC', locale: 'en-US', idleLockMinutes: 5 }).id // 'clinic'
 */
export function clinicRecordFromSettings(settings: ClinicSettings): ClinicRecord {
  const { key: _key, ...rest } = settings;
  return { ...rest, id: clinicRecordId };
}

/**
 * A pulled clinic record as the local `meta` row.
 *
 * @example settingsFromClinicRecord({ id: 'clinic', name: 'Northside', timeZone: 'UTC', locale: 'en-US', idleLockMinutes: 5 }).key // 'clinic'
 */
export function settingsFromClinicRecord(record: Record<string, unknown>): ClinicSettings {
  // Only the settings' own keys: the server's copy may carry bookkeeping such as `version`.
  const settings = record as unknown as ClinicRecord;
  return { key: 'clinic', name: settings.name, timeZone: settings.timeZone, locale: settings.locale, idleLockMinutes: settings.idleLockMinutes };
}

/**
 * A stored credential as it goes on the wire: the staff id becomes `id`, the
 * throttle state stays behind.
 *
 * @example credentialRecordFromRow({ staffId: 'jo', algorithm: 'PBKDF2-SHA256', iterations: 1000, salt, hash, failedAttempts: 3, lockedUntil: 0 }) // { id: 'jo', algorithm, iterations, salt, hash }
 */
export function credentialRecordFromRow(row: StaffCredential): StaffCredentialRecord {
  return { id: row.staffId, algorithm: row.algorithm, iterations: row.iterations, salt: row.salt, hash: row.hash };
}

/**
 * A pulled credential as the local row. The desk's own throttle state is
 * kept while the passphrase is the same one; a new passphrase (another salt
 * or hash: an admin reset it on another desk) starts with a clean count, as
 * it does on the desk where it was set.
 *
 * @example credentialRowFromRecord(record, existingRow).failedAttempts // existingRow's count when the hash is unchanged
 */
export function credentialRowFromRecord(record: Record<string, unknown>, existing: StaffCredential | undefined): StaffCredential {
  const wire = record as StaffCredentialRecord;
  const samePassphrase = existing !== undefined && existing.hash === wire.hash && existing.salt === wire.salt;
  return {
    staffId: wire.id,
    algorithm: wire.algorithm,
    iterations: wire.iterations,
    salt: wire.salt,
    hash: wire.hash,
    failedAttempts: samePassphrase ? existing.failedAttempts : 0,
    lockedUntil: samePassphrase ? existing.lockedUntil : 0,
  };
}
