import { hashSecret } from '../accounts/secrets';
import type { Storage } from '../storage/storage';
import type { SyncAuth } from '../sync/sync-auth';
import { ApiError } from './api-error';

/**
 * Resolves `Authorization: Bearer <token>` to the clinic and device it was
 * issued to, re-reading the device on every request so a revocation takes
 * effect at once. Missing, unknown and revoked tokens are all 401 (the
 * codes differ so a desk can tell the user to re-enroll).
 *
 * @example await authenticate(storage, 'Bearer 3q2…') // { clinicId: 'c_…', deviceId: 'desk-1', tokenHash: '…' }
 */
export async function authenticate(storage: Storage, header: string | undefined): Promise<SyncAuth & { tokenHash: string }> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  if (!match?.[1]) throw new ApiError(401, 'missing-token', 'Send the device token as "Authorization: Bearer <token>".');
  const tokenHash = hashSecret(match[1]);
  const device = await storage.findDeviceByTokenHash(tokenHash);
  if (!device) throw new ApiError(401, 'invalid-token', 'This device token is not known. Enroll the desk again.');
  if (device.revokedAt !== null) throw new ApiError(401, 'device-revoked', 'This device was revoked by an administrator.');
  return { clinicId: device.clinicId, deviceId: device.id, tokenHash };
}
