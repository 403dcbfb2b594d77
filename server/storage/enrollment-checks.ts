import type { RedeemProblem } from './storage';

/** The stored columns of an enrollment code that decide whether it can be redeemed. */
export interface StoredEnrollmentCode {
  clinic_id: string;
  expires_at: string;
  used_at: string | null;
}

/** The stored columns of an already enrolled device that decide whether it may enroll again. */
export interface StoredDeviceEnrollment {
  clinic_id: string;
  revoked_at: string | null;
}

/** A refused redemption, as `Storage.redeemEnrollmentCode` returns it. */
export interface RedeemRefusal {
  ok: false;
  problem: RedeemProblem;
}

/**
 * Whether a looked-up code can be redeemed at `now` (ISO instants compare as
 * text): unknown, already used, or expired (its expiry instant is already past)
 * are refused. Both adapters run this inside their redeem transaction.
 *
 * @example redeemableCode(undefined, now) // { ok: false, problem: 'unknown-code' }
 * @example redeemableCode({ clinic_id: 'c1', expires_at: '2026-01-02T00:00:00Z', used_at: null }, '2026-01-01T00:00:00Z') // { ok: true, code: … }
 */
export function redeemableCode<Code extends StoredEnrollmentCode>(code: Code | undefined, now: string): { ok: true; code: Code } | RedeemRefusal {
  if (!code) return { ok: false, problem: 'unknown-code' };
  if (code.used_at !== null) return { ok: false, problem: 'code-used' };
  if (code.expires_at <= now) return { ok: false, problem: 'code-expired' };
  return { ok: true, code };
}

/**
 * Whether a desk that already holds its own clinic (`deskSetUp`) may enroll.
 * The first such device is recorded on the clinic (`setUpBy`, claimed in the
 * redeem transaction); a set-up desk from any other device is then refused,
 * even before either desk pushed anything: two separately set-up desks
 * would mix two sets of staff, providers and bookings. The recorded device
 * re-enrolling (a lost token) passes, and so does a device already enrolled
 * in this clinic (a desk that joined it: its data is the clinic's). A
 * clinic set up before `setUpBy` existed (null) falls back to its clinic
 * record: present means another desk set it up. A fresh desk joins instead
 * ("Join your clinic").
 *
 * @example setUpElsewhereRefusal({ deskSetUp: true, setUpBy: 'desk-a', deviceId: 'desk-b', clinicHasRecord: false, enrolledHere: false }) // { ok: false, problem: 'clinic-set-up-elsewhere' }
 * @example setUpElsewhereRefusal({ deskSetUp: true, setUpBy: 'desk-a', deviceId: 'desk-a', clinicHasRecord: true, enrolledHere: true }) // null
 */
export function setUpElsewhereRefusal(state: { deskSetUp: boolean; setUpBy: string | null; deviceId: string; clinicHasRecord: boolean; enrolledHere: boolean }): RedeemRefusal | null {
  if (!state.deskSetUp || state.enrolledHere) return null;
  const setUpElsewhere = state.setUpBy === null ? state.clinicHasRecord : state.setUpBy !== state.deviceId;
  return setUpElsewhere ? { ok: false, problem: 'clinic-set-up-elsewhere' } : null;
}

/**
 * Whether a device id that is already enrolled may take a code of `clinicId`:
 * another clinic's device, or a revoked one, is refused; a device re-enrolling
 * in its own clinic (a reinstalled desk) is not. `null` when it may.
 *
 * @example deviceRefusal({ clinic_id: 'c2', revoked_at: null }, 'c1') // { ok: false, problem: 'device-taken' }
 * @example deviceRefusal(undefined, 'c1') // null
 */
export function deviceRefusal(existing: StoredDeviceEnrollment | undefined, clinicId: string): RedeemRefusal | null {
  if (existing && existing.clinic_id !== clinicId) return { ok: false, problem: 'device-taken' };
  if (existing && existing.revoked_at !== null) return { ok: false, problem: 'device-revoked' };
  return null;
}
