import { describe, expect, it } from 'vitest';
import { instantToWallTime } from '../../core/time';
import { readDaySheet } from './day-sheet';
import { setUpClinic } from './first-run-setup';
import { loadSampleClinic, nextOffsetChange } from './sample-clinic';
import { firstRunForm, openTestAppData } from './test-app-data.fixture';

const now = Date.parse('2026-10-28T15:00:00Z'); // Wednesday 11:00 in New York; clocks go back on Sunday 1 November

async function sample(seed = 1) {
  const data = await openTestAppData(now);
  const setup = await setUpClinic(data, { ...firstRunForm, providerNames: [], roomNames: [] });
  if (!setup.ok) throw new Error('setup refused');
  const session = { staffId: setup.admin.id, displayName: setup.admin.displayName, role: setup.admin.role };
  const summary = await loadSampleClinic(data, session, { now, timeZone: 'America/New_York', weeks: 1, patients: 12, density: 0.2, seed });
  return { data, summary };
}

describe('nextOffsetChange', () => {
  it('finds the daylight-saving change, and none in a zone without one', () => {
    expect(nextOffsetChange('2026-10-20', 'America/New_York', 30)).toBe('2026-11-01');
    expect(nextOffsetChange('2026-03-01', 'Europe/London', 40)).toBe('2026-03-29');
    expect(nextOffsetChange('2026-03-01', 'Asia/Kolkata', 300)).toBeNull();
  });
});

// A few hundred commands against fake-indexeddb: seconds, more on a busy machine.
describe('loadSampleClinic', { timeout: 60_000 }, () => {
  it('fills a week of bookings inside working hours, with weekly series across the DST change', async () => {
    const { data, summary } = await sample();
    expect(summary).toMatchObject({ resources: 9, patients: 12, series: 3, dstChange: '2026-11-01' });
    expect(summary.appointments).toBeGreaterThan(20);

    const appointments = await data.db.appointments.toArray();
    for (const appointment of appointments) {
      const start = instantToWallTime(Date.parse(appointment.start), 'America/New_York').slice(11, 16);
      const end = instantToWallTime(Date.parse(appointment.end), 'America/New_York').slice(11, 16);
      expect(start >= '08:00' && end <= '17:00', `${appointment.wallStart}`).toBe(true);
      expect(start < '12:00' ? end <= '12:00' || start >= '13:00' : start >= '13:00', `lunch ${appointment.wallStart}`).toBe(true);
    }
    const series = await data.db.series.toArray();
    for (const row of series) expect(row.dtstart < '2026-11-01').toBe(true); // eight weekly visits from before the change run past it

    // Today's visits that are over have been played out; the rest are booked.
    const today = await readDaySheet(data.db, '2026-10-28', 'America/New_York');
    for (const item of today.items.filter((entry) => entry.source === 'appointment')) {
      if (item.end <= now) expect(['completed', 'no_show']).toContain(item.status);
      else if (item.start > now) expect(item.status).toBe('booked');
    }
    // Every sample change went through the commands, so every one is in the audit log.
    expect(await data.db.audit.where('action').equals('APPOINTMENT_BOOKED').count()).toBe(appointments.length);
  });

  it('is the same sample every time for the same day and seed', async () => {
    const first = await sample(7);
    const second = await sample(7);
    expect(second.summary).toEqual(first.summary);
    const wallStarts = async (data: typeof first.data) => (await data.db.appointments.toArray()).map((row) => row.wallStart).sort();
    expect(await wallStarts(second.data)).toEqual(await wallStarts(first.data));
  });
});
