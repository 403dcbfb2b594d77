import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMinutesAt, zoneFor } from './index';

// Amsterdam (+00:19:32 until 1937) and Monrovia (-00:44:30 until 1972) had offsets with seconds.
describe('offsetMinutesAt (cached) equals Luxon’s IANAZone.offset', () => {
  it.each(['America/New_York', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kolkata', 'Europe/Dublin', 'Europe/Amsterdam', 'Africa/Monrovia'])('%s at random instants, 1900–2100', (tzid) => {
    const zone = zoneFor(tzid);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (instant) => {
        expect(offsetMinutesAt(zone, instant)).toBe(zone.offset(instant));
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('America/New_York 2025-03-09: switches at exactly 07:00Z, not a millisecond earlier', () => {
    const zone = zoneFor('America/New_York');
    expect(offsetMinutesAt(zone, Date.parse('2025-03-09T06:59:59.999Z'))).toBe(-300);
    expect(offsetMinutesAt(zone, Date.parse('2025-03-09T07:00:00.000Z'))).toBe(-240);
  });
});
