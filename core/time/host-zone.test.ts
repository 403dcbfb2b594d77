import { describe, expect, it } from 'vitest';
import { instantToWallTime } from './index';

/**
 * The engine's host-zone independence is tested by running the unit tests
 * under two host zones (vitest.config.ts: TZ=UTC and TZ=Australia/Adelaide).
 * That only proves something if the zone really reaches Date and Intl, so
 * this checks the harness itself.
 */
describe('the host zone a vitest project names is the one Date and Intl use', () => {
  it('matches process.env.TZ', () => {
    const zone = process.env.TZ;
    expect(zone, 'each vitest project sets TZ').toBeTruthy();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    // Date's own local-time arithmetic follows it too: getTimezoneOffset is minutes behind UTC.
    const instant = Date.UTC(2025, 0, 1, 12);
    const minutesBehindUtc = (instant - Date.parse(`${instantToWallTime(instant, zone as string)}Z`)) / 60_000;
    expect(new Date(instant).getTimezoneOffset()).toBe(minutesBehindUtc);
  });
});
