import { describe, expect, it } from 'vitest';
import { clinicPlanSteps } from '../../core/clinic-plan';
import { expandRule } from '../../core/recurrence';
import { findOverlaps } from '../../core/overlap';
import { instantToWallTime, wallTimeToInstant } from '../../core/time';
import { readDaySheet } from './day-sheet';
import { setUpClinic } from './first-run-setup';
import { nextOffsetChange, sampleClinic } from './sample-clinic';
import { firstRunForm, openTestAppData } from './test-app-data.fixture';

const now = Date.parse('2026-10-28T15:00:00Z'); // Wednesday 11:00 in New York; clocks go back on Sunday 1 November

function counter() {
  let next = 0;
  return () => `id-${String(++next).padStart(5, '0')}`;
}

describe('nextOffsetChange', () => {
  it('finds the daylight-saving change, and none in a zone without one', () => {
    expect(nextOffsetChange('2026-10-20', 'America/New_York', 30)).toBe('2026-11-01');
    expect(nextOffsetChange('2026-03-01', 'Europe/London', 40)).toBe('2026-03-29');
    expect(nextOffsetChange('2026-03-01', 'Asia/Kolkata', 300)).toBeNull();
  });
});

describe('sampleClinic', () => {
  // The plan is loaded in one transaction that any refusal undoes, so it must never double-book anyone, in any zone, on any day.
  const cases = [
    { zone: 'America/New_York', at: now },
    { zone: 'America/New_York', at: Date.parse('2026-03-09T13:00:00Z') }, // the Monday after spring forward
    { zone: 'Europe/London', at: Date.parse('2026-10-23T08:00:00Z') },
    { zone: 'Australia/Sydney', at: Date.parse('2026-10-01T23:00:00Z') },
    { zone: 'Asia/Kolkata', at: Date.parse('2026-06-14T04:00:00Z') }, // a Sunday
  ];
  it.each(cases)('books nobody twice at once ($zone)', ({ zone, at }) => {
    const { plan } = sampleClinic({ now: at, timeZone: zone, newId: counter() });
    const items = plan.visits.map((visit, index) => {
      const start = wallTimeToInstant(visit.book.wallStart, zone);
      return { id: `v${index}`, keys: [...visit.book.resourceIds, visit.book.patientId], start, end: start + visit.book.durationMinutes * 60_000 };
    });
    for (const [index, series] of plan.series.entries()) {
      const { create } = series;
      for (const occurrence of expandRule({ dtstart: create.dtstart, tzid: zone, rrule: create.rrule })) {
        const start = Date.parse(occurrence.utc);
        items.push({ id: `s${index} ${occurrence.local}`, keys: [...create.resourceIds, create.patientId], start, end: start + create.durationMinutes * 60_000 });
      }
    }
    expect(findOverlaps(items)).toEqual([]);
    expect(plan.visits.length).toBeGreaterThan(600);
  });

  it('looks lived in: what is over was completed, missed or cancelled; what is under way has arrived; the rest is booked', () => {
    const { plan } = sampleClinic({ now, timeZone: 'America/New_York', newId: counter() });
    const played = { past: 0, completed: 0, noShow: 0, cancelled: 0 };
    for (const visit of plan.visits) {
      const start = wallTimeToInstant(visit.book.wallStart, 'America/New_York');
      const end = start + visit.book.durationMinutes * 60_000;
      const steps = visit.statuses.map((status) => status.to);
      if (start > now) expect(steps).toEqual([]);
      else if (end > now) expect(steps).toEqual(['arrived']);
      else {
        played.past += 1;
        expect([['arrived', 'in_room', 'completed'], ['no_show'], ['cancelled']]).toContainEqual(steps);
        if (steps.at(-1) === 'completed') played.completed += 1;
        if (steps[0] === 'no_show') played.noShow += 1;
        if (steps[0] === 'cancelled') played.cancelled += 1;
      }
    }
    // Last week and this week so far: a few hundred visits, most completed.
    expect(played.past).toBeGreaterThan(250);
    expect(played.completed / played.past).toBeGreaterThan(0.8);
    expect(played.noShow).toBeGreaterThan(0);
    expect(played.cancelled).toBeGreaterThan(0);
    // The series' visits before today were played out too.
    const seriesSteps = plan.series.flatMap((series) => series.occurrences);
    expect(seriesSteps.length).toBeGreaterThan(0);
    for (const occurrence of seriesSteps) expect(wallTimeToInstant(occurrence.originalStart, 'America/New_York')).toBeLessThan(now);
  });

  it('keeps 16:30–17:00 free and every visit inside its session', () => {
    const { plan } = sampleClinic({ now, timeZone: 'America/New_York', newId: counter() });
    for (const visit of plan.visits) {
      const start = visit.book.wallStart.slice(11, 16);
      const endMs = wallTimeToInstant(visit.book.wallStart, 'America/New_York') + visit.book.durationMinutes * 60_000;
      const end = instantToWallTime(endMs, 'America/New_York').slice(11, 16);
      expect(start >= '08:00' && end <= '16:30', visit.book.wallStart).toBe(true);
      expect(start < '12:00' ? end <= '12:00' : start >= '13:00', `lunch ${visit.book.wallStart}`).toBe(true);
    }
  });

  it('is the same sample every time for the same day and seed', () => {
    const first = sampleClinic({ now, timeZone: 'America/New_York', seed: 7, newId: counter() });
    const second = sampleClinic({ now, timeZone: 'America/New_York', seed: 7, newId: counter() });
    expect(second).toEqual(first);
  });
});

// The whole sample (some 2,500 commands) through first run, on fake-indexeddb: several seconds, more on a busy machine.
describe('the sample clinic through first run', { timeout: 120_000 }, () => {
  it('loads every planned record — nothing refused — with each change audited, in one go', async () => {
    const data = await openTestAppData(now);
    const progress: number[] = [];
    const result = await setUpClinic(data, { ...firstRunForm, sample: true }, (done) => progress.push(done));
    expect(result.ok).toBe(true);
    const { plan } = sampleClinic({ now, timeZone: 'America/New_York', newId: counter() });
    expect(await data.db.resources.count()).toBe(9);
    expect(await data.db.patients.count()).toBe(300);
    expect(await data.db.series.count()).toBe(3);
    const stored = await data.db.appointments.toArray();
    const single = stored.filter((row) => !row.seriesId);
    expect(single).toHaveLength(plan.visits.length);
    expect(await data.db.audit.where('action').equals('APPOINTMENT_BOOKED').count()).toBe(plan.visits.length);
    // The bar moved step by step up to every command of the plan plus first run's own.
    expect(progress.at(-1)).toBe(clinicPlanSteps(plan) + 1);
    expect(progress.length).toBeGreaterThan(1000);

    // The day view of today: what is over is done with, nothing before now still booked.
    const today = await readDaySheet(data.db, '2026-10-28', 'America/New_York');
    const over = today.items.filter((item) => item.end <= now);
    expect(over.length).toBeGreaterThan(10);
    for (const item of over) expect(['completed', 'no_show', 'cancelled']).toContain(item.status);
    const lastWeek = await readDaySheet(data.db, '2026-10-21', 'America/New_York');
    expect(lastWeek.items.filter((item) => item.status === 'booked')).toEqual([]);
  });
});
