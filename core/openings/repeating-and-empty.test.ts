import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import { findRepeatingOpening } from './repeating-opening';
import { whyNoOpenings } from './why-no-openings';

const monday = '2026-01-05T05:00:00.000Z'; // 00:00 in New York

describe('findRepeatingOpening', () => {
  it('gives the first weekly time free for all the visits, the same wall time across DST', async () => {
    const { db, must } = await clinicFixture(Date.UTC(2026, 1, 20));
    // Monday 2 March 08:00 is free, but 9 March (after the change) is booked at 08:00: the series starts at 09:00.
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-03-09T08:00', timeZone: 'America/New_York', durationMinutes: 60 }, frontDesk);
    const series = await findRepeatingOpening(db, { durationMinutes: 60, providers: ['dr-lee'], from: '2026-03-02T05:00:00.000Z', to: '2026-03-03T05:00:00.000Z', stepMinutes: 60, visits: 3 });
    expect(series.map((visit) => visit.start)).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']);
  });

  it('finds nothing when a later week is never free, and checks its own fields', async () => {
    const { db, must } = await clinicFixture();
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Conference', wallStart: '2026-01-12T00:00', wallEnd: '2026-01-17T00:00' } }, manager);
    expect(await findRepeatingOpening(db, { durationMinutes: 30, providers: ['dr-lee'], from: monday, to: '2026-01-10T05:00:00.000Z', visits: 2 })).toEqual([]);
    await expect(findRepeatingOpening(db, { durationMinutes: 30, providers: ['dr-lee'], from: monday, visits: 1 })).rejects.toMatchObject({ code: 'invalid-count', field: 'visits' });
    await expect(findRepeatingOpening(db, { durationMinutes: 30, providers: ['dr-lee'], from: monday, visits: 4, everyWeeks: 0 })).rejects.toMatchObject({ code: 'invalid-interval', field: 'everyWeeks' });
  });
});

describe('whyNoOpenings', () => {
  it('says which condition leaves a provider without time', async () => {
    const { db, must } = await clinicFixture();
    const base = { durationMinutes: 30, providers: ['dr-lee'], from: monday, to: '2026-01-19T05:00:00.000Z' };
    expect(await whyNoOpenings(db, { ...base, weekdays: [6, 7] })).toEqual([{ resourceId: 'dr-lee', reason: 'no-hours-on-days', weekdays: [6, 7] }]);
    expect(await whyNoOpenings(db, { ...base, timeOfDay: [{ start: '18:00', end: '21:00' }] })).toEqual([{ resourceId: 'dr-lee', reason: 'no-hours-at-times' }]);
    expect(await whyNoOpenings(db, { ...base, durationMinutes: 660 })).toEqual([{ resourceId: 'dr-lee', reason: 'too-short', longestMinutes: 600 }]);
    await must('resource/save', { id: 'dr-new', kind: 'provider', name: 'Dr New', timeZone: 'America/New_York' }, manager);
    expect(await whyNoOpenings(db, { ...base, providers: ['dr-new', 'dr-lee'] })).toEqual([
      { resourceId: 'dr-new', reason: 'no-hours' },
      { resourceId: 'dr-lee', reason: 'fully-booked' },
    ]);
  });
});
