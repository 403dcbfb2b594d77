import { describe, expect, it } from 'vitest';
import { calendarRange } from '../queries';
import { clinicFixture, frontDesk } from './commands.fixture';

const year = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };

async function starts(db: Awaited<ReturnType<typeof clinicFixture>>['db']) {
  return (await calendarRange(db, { resourceIds: ['dr-lee'], ...year, includeCancelled: false })).map((item) => (item.kind === 'occurrence' ? item.occurrence.wallStart : `appointment ${item.appointment.wallStart}`));
}

describe('moving a weekly series to other weekdays (series/edit-all, series/edit-following)', () => {
  it('"all" from Monday to Wednesday moves Mon/Thu to Wed/Sat, keeps COUNT, and keeps a moved visit where it was and a cancelled one cancelled', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must(
      'series/create',
      { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8' },
      frontDesk,
    );
    await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-01-15T09:00', wallStart: '2026-01-16T14:00' }, frontDesk);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-22T09:00', reason: 'Away' }, frontDesk);

    const edited = await must('series/edit-all', { seriesId: series.id, changes: { dtstart: '2026-01-07T09:00' } }, frontDesk);
    expect(edited.series).toMatchObject({ dtstart: '2026-01-07T09:00:00', rrule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=8' });
    // Eight visits as before, two days later; the Thursday moved to Friday 16 Jan 14:00 stays there, the cancelled Thursday 22 Jan is now the cancelled Saturday 24 Jan.
    expect(await starts(db)).toEqual(['2026-01-07T09:00:00', '2026-01-10T09:00:00', '2026-01-14T09:00:00', '2026-01-16T14:00:00', '2026-01-21T09:00:00', '2026-01-28T09:00:00', '2026-01-31T09:00:00']);
    const exceptions = await db.seriesExceptions.where('seriesId').equals(series.id).sortBy('originalStart');
    expect(exceptions).toMatchObject([
      { kind: 'moved', originalStart: '2026-01-17T09:00:00', wallStart: '2026-01-16T14:00:00' },
      { kind: 'cancelled', originalStart: '2026-01-24T09:00:00', reason: 'Away' },
    ]);
    const entry = await db.audit.orderBy('[deviceId+seq]').last();
    expect(entry).toMatchObject({ action: 'SERIES_EDITED', changes: { rrule: { before: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8', after: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=8' } } });
    expect(entry?.changes).not.toHaveProperty('droppedExceptions');
  });

  it('"this and following" from a Monday to Tuesday 10:00: the new series repeats on Tuesdays up to the same last visit (UNTIL a day later)', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must(
      'series/create',
      { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260223' },
      frontDesk,
    );
    const split = await must('series/edit-following', { seriesId: series.id, fromOriginalStart: '2026-01-19T09:00', changes: { dtstart: '2026-01-20T10:00' } }, frontDesk);
    expect(split.series).toMatchObject({ dtstart: '2026-01-20T10:00:00', rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260224' });
    expect(await starts(db)).toEqual([
      '2026-01-05T09:00:00',
      '2026-01-12T09:00:00',
      '2026-01-20T10:00:00',
      '2026-01-27T10:00:00',
      '2026-02-03T10:00:00',
      '2026-02-10T10:00:00',
      '2026-02-17T10:00:00',
      '2026-02-24T10:00:00',
    ]);
  });

  it('a monthly series keeps its dates: its start moved to another date changes the rule not at all', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must(
      'series/create',
      { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=MONTHLY;BYMONTHDAY=5;COUNT=3' },
      frontDesk,
    );
    const edited = await must('series/edit-all', { seriesId: series.id, changes: { dtstart: '2026-01-06T09:00' } }, frontDesk);
    expect(edited.series.rrule).toBe('FREQ=MONTHLY;BYMONTHDAY=5;COUNT=3');
    expect(await starts(db)).toEqual(['2026-01-06T09:00:00', '2026-02-05T09:00:00', '2026-03-05T09:00:00']);
  });
});
