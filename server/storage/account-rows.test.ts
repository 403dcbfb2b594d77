import { describe, expect, it } from 'vitest';
import { toClinic, toDevice } from './account-rows';

describe('account rows', () => {
  it('reads a clinic row with the counter as pg (string) or SQLite (number) returns it', () => {
    const row = { id: 'clinic-1', name: 'North Street', time_zone: 'Europe/London', created_at: '2026-11-25T10:00:00.000Z' };
    const record = { id: 'clinic-1', name: 'North Street', timeZone: 'Europe/London', createdAt: '2026-11-25T10:00:00.000Z', lastChange: 12 };
    expect(toClinic({ ...row, last_change: '12' })).toEqual(record);
    expect(toClinic({ ...row, last_change: 12 })).toEqual(record);
  });

  it('reads a device row, keeping an unrevoked device unrevoked', () => {
    const row = { id: 'desk-1', clinic_id: 'clinic-1', name: 'Front desk', created_at: '2026-11-25T10:00:00.000Z', revoked_at: null };
    const record = { id: 'desk-1', clinicId: 'clinic-1', name: 'Front desk', createdAt: '2026-11-25T10:00:00.000Z', revokedAt: null, lastDeviceSeq: 7 };
    expect(toDevice({ ...row, last_device_seq: '7' })).toEqual(record);
    expect(toDevice({ ...row, last_device_seq: 7 })).toEqual(record);
    expect(toDevice({ ...row, last_device_seq: 0, revoked_at: '2026-11-26T00:00:00.000Z' })).toMatchObject({ revokedAt: '2026-11-26T00:00:00.000Z', lastDeviceSeq: 0 });
  });
});
