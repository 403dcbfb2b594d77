import { describe, expect, it } from 'vitest';
import { calendarRange } from '../queries';
import { clinicFixture, dumpStoredState, frontDesk } from './commands.fixture';
import type { CommandArgs } from './handlers';

// Mondays 09:00 New York from 5 Jan 2026, ten visits (5 Jan – 9 Mar, the last after the 8 Mar clock change).
const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' };
const year = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };

type Fixture = Awaited<ReturnType<typeof clinicFixture>>;

/** Dr Lee's booked visits as the day sheet shows them: `seriesId wallStart` (minutes), or `… notes` when asked. */
async function visits(db: Fixture['db'], show: 'time' | 'notes' = 'time') {
  return (await calendarRange(db, { resourceIds: ['dr-lee'], ...year, includeCancelled: false })).flatMap((item) =>
    item.kind === 'occurrence' ? [`${item.occurrence.seriesId} ${item.occurrence.wallStart.slice(0, 16)}${show === 'notes' ? ` ${item.occurrence.notes ?? '-'}` : ''}`] : [],
  );
}

const lastEntries = async (db: Fixture['db'], count: number) => (await db.audit.orderBy('[deviceId+seq]').toArray()).slice(-count);
const lastMutation = (db: Fixture['db']) => db.outbox.orderBy('deviceSeq').last();

/** A weekly series split on 2 Feb ("this and following", reason changed from there): root 5–26 Jan, tail 2 Feb – 9 Mar. */
async function splitOnce(fixture: Fixture) {
  const { series: root } = await fixture.must('series/create', weekly, frontDesk);
  const split = await fixture.must('series/edit-following', { seriesId: root.id, fromOriginalStart: '2026-02-02T09:00', changes: { visitReason: 'Hydrotherapy' } }, frontDesk);
  return { root: split.head!, tail: split.series };
}

describe('"all visits" reaches every part of a split series', () => {
  it('the split links the tail to the series it was cut from', async () => {
    const fixture = await clinicFixture();
    const { root, tail } = await splitOnce(fixture);
    expect(tail.lineageId).toBe(root.id);
    expect(root).not.toHaveProperty('lineageId');
    expect((await lastEntries(fixture.db, 1))[0]).toMatchObject({ action: 'SERIES_CREATED', entityId: tail.id, changes: { lineageId: { before: null, after: root.id } } });
  });

  it('cancel-all from a visit before the split cancels the tail too: one entry per part, one mutation, the kept part first', async () => {
    const fixture = await clinicFixture();
    const { db, clock, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    clock.now = Date.parse('2026-01-20T15:00:00Z'); // 10:00 on Tuesday 20 Jan: 19 Jan is over
    const result = await must('series/cancel-all', { seriesId: root.id, reason: 'Treatment finished early' }, frontDesk);
    expect(result).toMatchObject({ cancelledFrom: '2026-01-26T09:00:00', series: { id: root.id, rrule: 'FREQ=WEEKLY;COUNT=3' }, otherParts: [{ series: null, cancelledFrom: '2026-02-02T09:00:00' }] });
    expect(await visits(db)).toEqual([`${root.id} 2026-01-05T09:00`, `${root.id} 2026-01-12T09:00`, `${root.id} 2026-01-19T09:00`]);
    expect(await db.series.get(tail.id)).toBeUndefined();
    expect((await lastEntries(db, 2)).map((entry) => [entry.action, entry.entityId, entry.reason])).toEqual([
      ['SERIES_CANCELLED', root.id, 'Treatment finished early'],
      ['SERIES_CANCELLED', tail.id, 'Treatment finished early'],
    ]);
    const mutation = await lastMutation(db);
    expect(mutation).toMatchObject({ name: 'series/cancel-all', baseVersion: root.version, args: { seriesId: root.id, cancelledFrom: '2026-01-26T09:00:00', otherParts: [{ seriesId: tail.id, cancelledFrom: '2026-02-02T09:00:00' }] } });
    expect(mutation?.effects.map((effect) => `${effect.entity} ${effect.id} ${effect.op}`)).toEqual([`series ${root.id} put`, `series ${tail.id} delete`]);
  });

  it('split twice, cancel-all from the middle part: the part that is over is left alone, the others are cancelled', async () => {
    const fixture = await clinicFixture();
    const { db, clock, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    const last = await must('series/edit-following', { seriesId: tail.id, fromOriginalStart: '2026-02-23T09:00', changes: { notes: 'Pool on level 2' } }, frontDesk);
    expect(last.series.lineageId).toBe(root.id);
    clock.now = Date.parse('2026-02-10T12:00:00Z'); // Tuesday 10 Feb: January's part is over, 9 Feb too
    const rootBefore = await db.series.get(root.id);
    const result = await must('series/cancel-all', { seriesId: last.series.id, reason: 'Moved away' }, frontDesk);
    // The chosen part (from 23 Feb) is removed whole; the middle one keeps 2 and 9 Feb.
    expect(result).toMatchObject({ series: null, cancelledFrom: '2026-02-23T09:00:00', otherParts: [{ series: { id: tail.id, rrule: 'FREQ=WEEKLY;COUNT=2' }, cancelledFrom: '2026-02-16T09:00:00' }] });
    expect(await db.series.get(root.id)).toEqual(rootBefore);
    expect(await visits(db)).toEqual([
      ...['05', '12', '19', '26'].map((day) => `${root.id} 2026-01-${day}T09:00`),
      `${tail.id} 2026-02-02T09:00`,
      `${tail.id} 2026-02-09T09:00`,
    ]);
    expect((await lastEntries(db, 2)).map((entry) => [entry.action, entry.entityId])).toEqual([
      ['SERIES_CANCELLED', tail.id],
      ['SERIES_CANCELLED', last.series.id],
    ]);
    // The part that stays is the mutation's first put, and its version is the mutation's baseVersion.
    const mutation = await lastMutation(db);
    expect(mutation?.effects.map((effect) => `${effect.id} ${effect.op}`)).toEqual([`${tail.id} put`, `${last.series.id} delete`]);
    expect(mutation?.baseVersion).toBe(last.head?.version);
  });

  it('cancel-all refuses only when no part has anything left, and then writes nothing', async () => {
    const fixture = await clinicFixture();
    const { db, clock, commands } = fixture;
    const { root } = await splitOnce(fixture);
    clock.now = Date.parse('2026-03-10T12:00:00Z');
    const before = await dumpStoredState(db);
    expect(await commands.run('series/cancel-all', { seriesId: root.id, reason: 'Done' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'nothing-to-cancel', field: 'seriesId' } });
    expect(await dumpStoredState(db)).toEqual(before);
  });

  it('parts split before the link existed stay separate: nothing guesses a link', async () => {
    const fixture = await clinicFixture();
    const { db, clock, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    const { lineageId: _link, ...unlinked } = tail;
    await db.series.put(unlinked);
    clock.now = Date.parse('2026-01-20T15:00:00Z');
    const result = await must('series/cancel-all', { seriesId: root.id, reason: 'Finished' }, frontDesk);
    expect(result.otherParts).toEqual([]);
    expect(await db.series.get(tail.id)).toEqual(unlinked);
  });

  it('edit-all changes the notes of every part: one SERIES_EDITED entry per part, one mutation, the chosen series first', async () => {
    const fixture = await clinicFixture();
    const { db, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    const saved = await must('series/edit-all', { seriesId: tail.id, changes: { notes: 'Bring the referral letter' } }, frontDesk);
    expect(saved).toMatchObject({ series: { id: tail.id, notes: 'Bring the referral letter', version: 1 }, otherParts: [{ id: root.id, notes: 'Bring the referral letter', version: 2 }], occurrenceCount: 10 });
    expect(new Set((await visits(db, 'notes')).map((visit) => visit.slice(visit.indexOf(' ', visit.indexOf(' ') + 1) + 1)))).toEqual(new Set(['Bring the referral letter']));
    // The reason stays each part's own: only the notes were changed.
    expect([(await db.series.get(root.id))?.visitReason, (await db.series.get(tail.id))?.visitReason]).toEqual([undefined, 'Hydrotherapy']);
    expect((await lastEntries(db, 2)).map((entry) => [entry.action, entry.entityId, entry.changes])).toEqual([
      ['SERIES_EDITED', tail.id, expect.objectContaining({ notes: { before: null, after: 'Bring the referral letter' } })],
      ['SERIES_EDITED', root.id, expect.objectContaining({ notes: { before: null, after: 'Bring the referral letter' }, editedWith: { before: null, after: tail.id } })],
    ]);
    const mutation = await lastMutation(db);
    expect(mutation).toMatchObject({ name: 'series/edit-all', baseVersion: 0, args: { seriesId: tail.id, otherSeriesIds: [root.id] } });
    expect(mutation?.effects.map((effect) => `${effect.entity} ${effect.id}`)).toEqual([`series ${tail.id}`, `series ${root.id}`]);
  });

  it('edit-all leaves a part that is already over alone', async () => {
    const fixture = await clinicFixture();
    const { db, clock, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    clock.now = Date.parse('2026-02-03T12:00:00Z'); // the January part is over
    const rootBefore = await db.series.get(root.id);
    const saved = await must('series/edit-all', { seriesId: tail.id, changes: { durationMinutes: 45 } }, frontDesk);
    expect(saved.otherParts).toEqual([]);
    expect(await db.series.get(root.id)).toEqual(rootBefore);
    expect((await lastEntries(db, 1))[0]).toMatchObject({ action: 'SERIES_EDITED', entityId: tail.id });
    expect((await lastMutation(db))?.effects.map((effect) => effect.id)).toEqual([tail.id]);
  });

  it('edit-all checks every part: a clash in the other part refuses the whole change and writes nothing', async () => {
    const fixture = await clinicFixture();
    const { db, commands, must } = fixture;
    const { root } = await splitOnce(fixture);
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-02-16T10:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    const before = await dumpStoredState(db);
    const refused = await commands.run('series/edit-all', { seriesId: root.id, changes: { dtstart: '2026-01-05T10:00' } }, frontDesk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'resource-double-booked', candidateStart: '2026-02-16T15:00:00.000Z' }] } });
    expect(await dumpStoredState(db)).toEqual(before);
  });

  it('edit-all refuses a new rule or new dates across parts (each part has its own); reach "series" edits the one series only', async () => {
    const fixture = await clinicFixture();
    const { db, commands, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    const before = await dumpStoredState(db);
    const partOwn: [CommandArgs<'series/edit-all'>['changes'], string][] = [
      [{ rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=5' }, 'changes.rrule'],
      [{ exdates: ['2026-01-12T09:00'] }, 'changes.exdates'],
      [{ rdates: ['2026-01-13T09:00'] }, 'changes.rdates'],
    ];
    for (const [changes, field] of partOwn) {
      expect(await commands.run('series/edit-all', { seriesId: root.id, changes }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted', field } });
    }
    expect(await dumpStoredState(db)).toEqual(before);
    const saved = await must('series/edit-all', { seriesId: root.id, changes: { rrule: 'FREQ=WEEKLY;COUNT=2', notes: 'Short course' }, reach: 'series' }, frontDesk);
    expect(saved).toMatchObject({ series: { rrule: 'FREQ=WEEKLY;COUNT=2' }, otherParts: [] });
    expect(await db.series.get(tail.id)).toEqual(tail);
  });

  it('"this and following" from a later part\'s first visit changes that part only, not the earlier ones', async () => {
    const fixture = await clinicFixture();
    const { db, must } = fixture;
    const { root, tail } = await splitOnce(fixture);
    const rootBefore = await db.series.get(root.id);
    const result = await must('series/edit-following', { seriesId: tail.id, fromOriginalStart: '2026-02-02T09:00', changes: { notes: 'Level 2' } }, frontDesk);
    expect(result).toMatchObject({ head: null, series: { id: tail.id, notes: 'Level 2' } });
    expect(result).not.toHaveProperty('otherParts');
    expect(await db.series.get(root.id)).toEqual(rootBefore);
  });

  // Each zone's clock change falls inside the series: New York 8 Mar, London 29 Mar, Sydney 5 Apr (back), Kolkata none.
  it.each(['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'])(
    'edit-all an hour later moves every part by the same wall-clock hour, and their exceptions with them (%s)',
    async (timeZone) => {
      const fixture = await clinicFixture();
      const { db, must } = fixture;
      const { series: root } = await must('series/create', { ...weekly, timeZone, dtstart: '2026-03-02T09:00', rrule: 'FREQ=WEEKLY;COUNT=6' }, frontDesk);
      const { series: tail } = await must('series/edit-following', { seriesId: root.id, fromOriginalStart: '2026-03-23T09:00', changes: { visitReason: 'Review' } }, frontDesk);
      await must('occurrence/cancel', { seriesId: root.id, originalStart: '2026-03-09T09:00', reason: 'Away' }, frontDesk);
      await must('occurrence/cancel', { seriesId: tail.id, originalStart: '2026-03-30T09:00', reason: 'Away' }, frontDesk);
      await must('series/edit-all', { seriesId: tail.id, changes: { dtstart: '2026-03-23T10:00' } }, frontDesk);
      expect(await visits(db)).toEqual([
        `${root.id} 2026-03-02T10:00`,
        `${root.id} 2026-03-16T10:00`,
        `${tail.id} 2026-03-23T10:00`,
        `${tail.id} 2026-04-06T10:00`,
      ]);
      expect((await db.seriesExceptions.toArray()).map((exception) => `${exception.seriesId} ${exception.originalStart}`).sort()).toEqual(
        [`${root.id} 2026-03-09T10:00:00`, `${tail.id} 2026-03-30T10:00:00`].sort(),
      );
    },
  );
});
