import fc from 'fast-check';
import { DateTime, type IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localMsToInstant, localMsToWallTime, zoneFor } from './index';

const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Apia', 'Asia/Tehran', 'UTC'];
const wallFormat = "yyyy-MM-dd'T'HH:mm:ss";
const dayMs = 86_400_000;

/** Local ms anywhere from 1970 to 2040, minute-aligned. */
const anyLocalMs = fc.integer({ min: 0, max: 36_500_000 }).map((minutes) => minutes * 60_000);
const firstChanges = new Map<string, number>();

/** Local ms within a day of a DST change in the zone, so gaps and repeats are hit often. */
function nearTransition(zone: IANAZone) {
  return fc.tuple(fc.integer({ min: 1971, max: 2037 }), fc.integer({ min: -26 * 60, max: 26 * 60 })).map(([year, minutes]) => {
    // The first offset change of that year, found by Luxon directly (not through core/time's cache).
    const key = `${zone.name} ${year}`;
    let change = firstChanges.get(key);
    if (change === undefined) {
      let at = Date.UTC(year, 0, 1);
      const start = zone.offset(at);
      while (at < Date.UTC(year, 11, 31) && zone.offset(at) === start) at += 6 * 3_600_000; // a few hours off is fine: callers add ±26 h
      change = at + start * 60_000;
      firstChanges.set(key, change);
    }
    return change + minutes * 60_000;
  });
}

function checkAgainstLuxon(tzid: string, localMs: number) {
  const zone = zoneFor(tzid);
  const wall = localMsToWallTime(localMs);
  const ours = localMsToInstant(localMs, zone);
  // Which instants show this wall time, judged by Luxon's instant → wall direction (Intl), not by core/time.
  const offsetBefore = zone.offset(localMs - dayMs);
  const shows = (instant: number) => DateTime.fromMillis(instant, { zone: tzid }).toFormat(wallFormat) === wall;
  const candidates = [...new Set([offsetBefore, zone.offset(localMs + dayMs)].map((offset) => localMs - offset * 60_000))].filter(shows);
  const luxon = DateTime.fromISO(wall, { zone: tzid });
  if (candidates.length === 0) {
    // In a gap: the offset from before the gap; Luxon agrees the time does not exist.
    expect(ours).toBe(localMs - offsetBefore * 60_000);
    expect(luxon.toFormat(wallFormat)).not.toBe(wall);
  } else {
    // The wall time exists: we land on it, on its first pass if it occurs twice (a fold).
    expect(ours).toBe(Math.min(...candidates));
    // Outside folds Luxon gives the same instant, whenever its own answer shows the asked-for wall
    // time (fromISO's two-step offset guess can miss next to a change, e.g. Pacific/Apia 2010-09-26T01:00).
    if (candidates.length === 1 && luxon.toFormat(wallFormat) === wall) expect(ours).toBe(luxon.toMillis());
  }
}

describe('core/time agrees with Luxon except where the RFC 5545 policy decides', () => {
  // Each random year builds a fresh offset span (~400 Luxon calls), so these are slower than a unit test usually is.
  it('for any wall time from 1970 to 2040', { timeout: 60_000 }, () => {
    fc.assert(fc.property(fc.constantFrom(...zones), anyLocalMs, checkAgainstLuxon), { numRuns: 300 });
  });

  it.each(zones.filter((tzid) => tzid !== 'UTC'))('for wall times around the DST changes of %s', { timeout: 60_000 }, (tzid) => {
    fc.assert(fc.property(nearTransition(zoneFor(tzid)), (localMs) => checkAgainstLuxon(tzid, localMs)), { numRuns: 100 });
  });
});
