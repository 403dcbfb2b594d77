import { describe, expect, it } from 'vitest';
import { deviceRefusal, redeemableCode, setUpElsewhereRefusal } from './enrollment-checks';

const now = '2026-11-25T10:00:00.000Z';
const fresh = { clinic_id: 'clinic-1', expires_at: '2026-11-25T11:00:00.000Z', used_at: null };

describe('redeemableCode', () => {
  it('accepts an unused code before its expiry and hands it back', () => {
    expect(redeemableCode(fresh, now)).toEqual({ ok: true, code: fresh });
  });

  it('refuses a code that was never issued', () => {
    expect(redeemableCode(undefined, now)).toEqual({ ok: false, problem: 'unknown-code' });
  });

  it('refuses a used code, even one still inside its lifetime', () => {
    expect(redeemableCode({ ...fresh, used_at: '2026-11-25T09:00:00.000Z' }, now)).toEqual({ ok: false, problem: 'code-used' });
  });

  it('refuses a code at and after its expiry instant', () => {
    expect(redeemableCode({ ...fresh, expires_at: now }, now)).toEqual({ ok: false, problem: 'code-expired' });
    expect(redeemableCode({ ...fresh, expires_at: '2026-11-25T09:59:59.999Z' }, now)).toEqual({ ok: false, problem: 'code-expired' });
  });

  it('names a used and expired code as used', () => {
    expect(redeemableCode({ ...fresh, used_at: '2026-11-24T09:00:00.000Z', expires_at: '2026-11-24T10:00:00.000Z' }, now)).toEqual({ ok: false, problem: 'code-used' });
  });
});

describe('deviceRefusal', () => {
  it('lets a new device, or one re-enrolling in its own clinic, through', () => {
    expect(deviceRefusal(undefined, 'clinic-1')).toBeNull();
    expect(deviceRefusal({ clinic_id: 'clinic-1', revoked_at: null }, 'clinic-1')).toBeNull();
  });

  it("refuses another clinic's device", () => {
    expect(deviceRefusal({ clinic_id: 'clinic-2', revoked_at: null }, 'clinic-1')).toEqual({ ok: false, problem: 'device-taken' });
  });

  it('refuses a revoked device of the same clinic', () => {
    expect(deviceRefusal({ clinic_id: 'clinic-1', revoked_at: '2026-11-20T08:00:00.000Z' }, 'clinic-1')).toEqual({ ok: false, problem: 'device-revoked' });
  });
});

describe('setUpElsewhereRefusal', () => {
  const refused = { ok: false, problem: 'clinic-set-up-elsewhere' };

  it('refuses a set-up desk from another device once one claimed the clinic, even before anything was pushed', () => {
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: 'desk-a', deviceId: 'desk-b', clinicHasRecord: false, enrolledHere: false })).toEqual(refused);
    // The claiming desk re-enrolling (a lost token), a desk that joined, and a fresh desk all pass.
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: 'desk-a', deviceId: 'desk-a', clinicHasRecord: true, enrolledHere: true })).toBeNull();
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: 'desk-a', deviceId: 'desk-a', clinicHasRecord: false, enrolledHere: false })).toBeNull();
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: 'desk-a', deviceId: 'desk-j', clinicHasRecord: true, enrolledHere: true })).toBeNull();
    expect(setUpElsewhereRefusal({ deskSetUp: false, setUpBy: 'desk-a', deviceId: 'desk-b', clinicHasRecord: true, enrolledHere: false })).toBeNull();
  });

  it('lets the first set-up desk in; a clinic set up before the claim existed falls back to its clinic record', () => {
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: null, deviceId: 'desk-a', clinicHasRecord: false, enrolledHere: false })).toBeNull();
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: null, deviceId: 'desk-b', clinicHasRecord: true, enrolledHere: false })).toEqual(refused);
    expect(setUpElsewhereRefusal({ deskSetUp: true, setUpBy: null, deviceId: 'desk-a', clinicHasRecord: true, enrolledHere: true })).toBeNull();
  });
});
