import { describe, expect, it } from 'vitest';
import { backupWhen } from './backup-when';

describe('backupWhen', () => {
  it('says today and yesterday on the clinic clock, the date otherwise', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    expect(backupWhen('2026-12-05T08:02:00.000Z', now, 'en-GB', 'Europe/London')).toBe('today 8:02');
    // 23:30 UTC on the 4th is already the 5th in Sydney.
    expect(backupWhen('2026-12-04T23:30:00.000Z', now, 'en-GB', 'Australia/Sydney')).toBe('today 10:30');
    expect(backupWhen('2026-12-04T23:30:00.000Z', now, 'en-GB', 'Europe/London')).toBe('yesterday 23:30');
    expect(backupWhen('2026-11-20T08:02:00.000Z', now, 'en-GB', 'Europe/London')).toBe('20 Nov 2026, 8:02');
  });
});
