import { describe, expect, it } from 'vitest';
import { decideScheduledBackup } from './backup-schedule';

const zone = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

describe('decideScheduledBackup', () => {
  it('waits for opening time, then for a quiet minute', () => {
    const base = { timeZone: zone, openingTime: '08:00', lastVerifiedAt: '2026-03-07T13:05:00.000Z' };
    expect(decideScheduledBackup({ ...base, now: at('2026-03-08T11:30:00.000Z'), lastActivityAt: null })).toMatchObject({ due: false, reason: 'before-opening' }); // 07:30 EDT (the change was at 02:00)
    expect(decideScheduledBackup({ ...base, now: at('2026-03-08T13:00:30.000Z'), lastActivityAt: at('2026-03-08T13:00:00.000Z') })).toMatchObject({ due: false, reason: 'busy', retryAfterMs: 30_000 });
    expect(decideScheduledBackup({ ...base, now: at('2026-03-08T13:02:00.000Z'), lastActivityAt: at('2026-03-08T13:00:00.000Z') })).toEqual({ due: true, reason: 'first-today' });
  });

  it('reads opening time on the clinic clock across the spring change', () => {
    // 9 March 2026 is after New York's change (8 March): 08:00 EDT is 12:00Z.
    const base = { timeZone: zone, openingTime: '08:00', lastVerifiedAt: '2026-03-08T13:05:00.000Z', lastActivityAt: null };
    expect(decideScheduledBackup({ ...base, now: at('2026-03-09T11:59:00.000Z') }).due).toBe(false);
    expect(decideScheduledBackup({ ...base, now: at('2026-03-09T12:00:00.000Z') }).due).toBe(true);
  });

  it('backs up once a day, and a day late does not wait for opening time', () => {
    const done = { timeZone: zone, openingTime: '08:00', lastVerifiedAt: '2026-03-09T12:10:00.000Z', lastActivityAt: null };
    expect(decideScheduledBackup({ ...done, now: at('2026-03-09T20:00:00.000Z') })).toMatchObject({ due: false, reason: 'done-today' });
    expect(decideScheduledBackup({ ...done, now: at('2026-03-10T12:20:00.000Z') })).toEqual({ due: true, reason: 'overdue' });
    expect(decideScheduledBackup({ ...done, openingTime: null, now: at('2026-03-10T05:00:00.000Z') })).toMatchObject({ due: false, reason: 'before-opening' });
    expect(decideScheduledBackup({ ...done, openingTime: null, lastVerifiedAt: null, now: at('2026-03-10T05:00:00.000Z') })).toEqual({ due: true, reason: 'first-today' });
  });
});
