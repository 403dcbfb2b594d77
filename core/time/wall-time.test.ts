import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { instantToWallTime, wallTimeToInstant } from './index';

const utc = (iso: string) => Date.parse(iso);

describe('wallTimeToInstant: the DST policy of RFC 5545 §3.3.5', () => {
  const cases: [zone: string, wall: string, expectedUtc: string, why: string][] = [
    ['America/New_York', '2025-03-09T02:30', '2025-03-09T07:30:00Z', 'gap: offset from before the gap (03:30 EDT)'],
    ['America/New_York', '2025-11-02T01:30', '2025-11-02T05:30:00Z', 'repeated hour: the first (EDT) one'],
    ['America/New_York', '2025-07-01T09:00', '2025-07-01T13:00:00Z', 'summer'],
    ['America/New_York', '2025-01-15T09:00', '2025-01-15T14:00:00Z', 'winter'],
    ['Europe/London', '2025-03-30T01:30', '2025-03-30T01:30:00Z', 'gap: GMT from before the gap (02:30 BST)'],
    ['Europe/London', '2025-10-26T01:30', '2025-10-26T00:30:00Z', 'repeated hour: the first (BST) one'],
    ['Australia/Sydney', '2025-10-05T02:30', '2025-10-04T16:30:00Z', 'gap: AEST from before the gap'],
    ['Australia/Sydney', '2025-04-06T02:30', '2025-04-05T15:30:00Z', 'repeated hour: the first (AEDT) one'],
    ['Asia/Kolkata', '2025-03-09T02:30', '2025-03-08T21:00:00Z', 'no DST, +05:30'],
    ['Australia/Lord_Howe', '2025-10-05T02:15', '2025-10-04T15:45:00Z', '30-minute gap: +10:30 from before it'],
    ['Australia/Lord_Howe', '2025-04-06T01:45', '2025-04-05T14:45:00Z', '30-minute repeat: the first (+11:00) one'],
  ];
  it.each(cases)('%s %s → %s (%s)', (zone, wall, expected) => {
    expect(new Date(wallTimeToInstant(wall, zone)).toISOString()).toBe(new Date(utc(expected)).toISOString());
  });

  it('shows a gap time as the real wall time after the jump', () => {
    expect(instantToWallTime(wallTimeToInstant('2025-03-09T02:30', 'America/New_York'), 'America/New_York')).toBe('2025-03-09T03:30:00');
  });

  it('round-trips every quarter hour of a year in Sydney except inside the gap', () => {
    let gapHits = 0;
    for (let t = utc('2025-01-01T00:00:00Z'); t < utc('2026-01-01T00:00:00Z'); t += 15 * 60_000) {
      const wall = instantToWallTime(t, 'Australia/Sydney');
      const back = wallTimeToInstant(wall, 'Australia/Sydney');
      // Instants in the second pass of the repeated hour map back to the first pass.
      if (back !== t) {
        expect(t - back).toBe(3_600_000);
        gapHits++;
      }
    }
    expect(gapHits).toBe(4); // 02:00–02:59 on 2025-04-06, second pass
  });
});

describe('wall time validation', () => {
  it.each([
    ['2025-02-30T09:00', 'invalid-date'],
    ['2025-04-31T09:00', 'invalid-date'],
    ['2025-13-01T09:00', 'invalid-date'],
    ['2025-01-01T24:00', 'invalid-time'],
    ['2025-01-01 09:00', 'invalid-format'],
    ['tomorrow', 'invalid-format'],
  ])('%s is refused as %s', (wall, code) => {
    expect(() => wallTimeToInstant(wall, 'Europe/London', 'dtstart')).toThrow(
      expect.objectContaining({ code, field: 'dtstart' }) as ValidationError,
    );
  });

  it('refuses an unknown zone, naming the field', () => {
    expect(() => wallTimeToInstant('2025-01-01T09:00', 'Mars/Olympus_Mons')).toThrow(expect.objectContaining({ code: 'unknown-zone', field: 'tzid' }) as ValidationError);
  });

  it('accepts 29 February only in leap years', () => {
    expect(() => wallTimeToInstant('2024-02-29T09:00', 'UTC')).not.toThrow();
    expect(() => wallTimeToInstant('2025-02-29T09:00', 'UTC')).toThrow(ValidationError);
  });
});
