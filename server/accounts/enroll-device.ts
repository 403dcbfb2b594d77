import { ApiError, badRequestFromZod } from '../http/api-error';
import type { RedeemProblem, Storage } from '../storage/storage';
import type { Clock } from '../sync/sync-auth';
import { enrollRequestSchema } from '../sync/wire-schemas';
import { hashSecret, newDeviceToken, normaliseEnrollmentCode } from './secrets';

/** The body of a successful POST /v1/enroll. */
export interface EnrollResponse {
  token: string;
  clinicId: string;
  clinicName: string;
  deviceId: string;
}

const refusals: Record<RedeemProblem, ApiError> = {
  // One answer for unknown, used and expired codes: a guesser learns nothing.
  'unknown-code': new ApiError(401, 'invalid-enrollment-code', 'This enrollment code is unknown, expired or already used. Ask for a new one.', { field: 'code' }),
  'code-used': new ApiError(401, 'invalid-enrollment-code', 'This enrollment code is unknown, expired or already used. Ask for a new one.', { field: 'code' }),
  'code-expired': new ApiError(401, 'invalid-enrollment-code', 'This enrollment code is unknown, expired or already used. Ask for a new one.', { field: 'code' }),
  'device-taken': new ApiError(409, 'device-id-taken', 'Another clinic already uses this device id.', { field: 'deviceId' }),
  'device-revoked': new ApiError(403, 'device-revoked', 'This device was revoked; it cannot enroll again under the same id.', { field: 'deviceId' }),
  // The code is not used up: the same code works from a fresh desk's "Join your clinic".
  'clinic-set-up-elsewhere': new ApiError(
    409,
    'clinic-already-set-up',
    'This clinic was already set up on another desk, and this desk holds a clinic of its own. Use "Join your clinic" on a desk that has not been set up instead.',
    { field: 'code' },
  ),
};

/**
 * POST /v1/enroll as a plain function: redeems a one-time code and returns a
 * fresh device token (only its SHA-256 is stored). Re-enrolling an active
 * device of the same clinic replaces its token and keeps its sequence and
 * audit chain. A desk that already holds its own clinic (`deskSetUp`) is
 * refused (409 `clinic-already-set-up`) by a clinic another desk set up.
 *
 * @example await enrollDevice(storage, { code: '7K3QD-M2XWP-0RTVA', deviceId: 'desk-1', deviceName: 'Front desk' }, Date.now)
 */
export async function enrollDevice(storage: Storage, body: unknown, clock: Clock): Promise<EnrollResponse> {
  const parsed = enrollRequestSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw badRequestFromZod(parsed.error);
  const token = newDeviceToken();
  const outcome = await storage.redeemEnrollmentCode({
    codeHash: hashSecret(normaliseEnrollmentCode(parsed.data.code)),
    now: new Date(clock()).toISOString(),
    device: { id: parsed.data.deviceId, name: parsed.data.deviceName, tokenHash: hashSecret(token) },
    deskSetUp: parsed.data.deskSetUp,
  });
  if (!outcome.ok) throw refusals[outcome.problem];
  return { token, clinicId: outcome.clinic.id, clinicName: outcome.clinic.name, deviceId: parsed.data.deviceId };
}
