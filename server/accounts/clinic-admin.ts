import { randomUUID } from 'node:crypto';
import { ValidationError, timeZoneSchema, toValidationError } from '../../core';
import type { ClinicRecord, DeviceRecord, Storage } from '../storage/storage';
import type { Clock } from '../sync/sync-auth';
import { hashSecret, newEnrollmentCode, normaliseEnrollmentCode } from './secrets';

/**
 * Creates a clinic. `zone` must be an IANA zone (core/model's check).
 *
 * @example await createClinic(storage, { name: 'North Street', zone: 'Europe/London' }, Date.now) // { id: 'c_…', … }
 */
export async function createClinic(storage: Storage, input: { name: string; zone: string }, clock: Clock): Promise<ClinicRecord> {
  const name = input.name.trim();
  if (name === '') throw new ValidationError('required', 'name', 'A clinic needs a name.');
  if (name.length > 200) throw new ValidationError('too-long', 'name', 'A clinic name is at most 200 characters.');
  const zone = timeZoneSchema.safeParse(input.zone);
  if (!zone.success) throw toValidationError(zone.error, 'zone');
  return storage.createClinic({ id: `c_${randomUUID().replace(/-/g, '')}`, name, timeZone: zone.data, createdAt: new Date(clock()).toISOString() });
}

/**
 * Issues a one-time enrollment code for a clinic, valid for `ttlMinutes`
 * (default 60). Only its hash is stored: the code is shown once.
 *
 * @example await issueEnrollmentCode(storage, { clinicId, ttlMinutes: 30 }, Date.now) // { code: '7K3QD-M2XWP-0RTVA', expiresAt: '…' }
 */
export async function issueEnrollmentCode(storage: Storage, input: { clinicId: string; ttlMinutes?: number }, clock: Clock): Promise<{ code: string; expiresAt: string }> {
  const ttl = input.ttlMinutes ?? 60;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 7 * 24 * 60) throw new ValidationError('invalid-duration', 'ttlMinutes', 'The code must live between 1 minute and 7 days.');
  if (!(await storage.getClinic(input.clinicId))) throw new ValidationError('unknown-entity', 'clinic', `No clinic with id ${input.clinicId}.`);
  const code = newEnrollmentCode();
  const now = clock();
  const expiresAt = new Date(now + ttl * 60_000).toISOString();
  await storage.createEnrollmentCode({ codeHash: hashSecret(normaliseEnrollmentCode(code)), clinicId: input.clinicId, createdAt: new Date(now).toISOString(), expiresAt });
  return { code, expiresAt };
}

/**
 * A clinic's devices (token hashes are never read back: they live only in `device_tokens`).
 *
 * @example await listClinicDevices(storage, clinicId) // [{ id: 'desk-1', name: 'Front desk', revokedAt: null, … }]
 */
export async function listClinicDevices(storage: Storage, clinicId: string): Promise<DeviceRecord[]> {
  if (!(await storage.getClinic(clinicId))) throw new ValidationError('unknown-entity', 'clinic', `No clinic with id ${clinicId}.`);
  return storage.listDevices(clinicId);
}

/**
 * Revokes a device: its token stops working at once (every request re-reads it).
 *
 * @example await revokeDevice(storage, 'desk-1', Date.now)
 */
export async function revokeDevice(storage: Storage, deviceId: string, clock: Clock): Promise<void> {
  if (!(await storage.revokeDevice(deviceId, new Date(clock()).toISOString()))) {
    throw new ValidationError('unknown-entity', 'device', `No device with id ${deviceId}.`);
  }
}
