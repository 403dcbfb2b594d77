import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../core/sync/sync-desk.fixture';
import { deskFrontDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import { applyPush } from './apply-push';
import type { InProcessClinic } from './in-process-clinic.fixture';
import { inProcessClinic } from './in-process-clinic.fixture';

/** A series split by "this and following" through sync: the parts' link (`lineageId`) travels, and "all visits" on another desk reaches every part. */

const now = Date.UTC(2026, 0, 2, 12);
// Mondays 09:00 New York from 5 Jan 2026, ten visits.
const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' };
let running: InProcessClinic | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** What of a desk's series and exceptions must agree between desks (versions are each desk's own count). */
async function seriesState(desk: Desk) {
  const series = (await desk.db.series.toArray()).map(({ id, dtstart, rrule, notes, visitReason, lineageId }) => ({ id, dtstart, rrule, notes, visitReason, lineageId }));
  const exceptions = (await desk.db.seriesExceptions.toArray()).map(({ id, seriesId, originalStart, kind }) => ({ id, seriesId, originalStart, kind }));
  return { series: series.sort((a, b) => a.id.localeCompare(b.id)), exceptions: exceptions.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** Two desks sharing a series split on 2 Feb on desk A. */
async function twoDesksWithASplitSeries() {
  running = await inProcessClinic(now);
  const a = await running.desk('desk-a', 11);
  const b = await running.desk('desk-b', 22);
  await setUpClinic(a.desk);
  const { series } = await a.desk.must('series/create', weekly, deskFrontDesk);
  const split = await a.desk.must('series/edit-following', { seriesId: series.id, fromOriginalStart: '2026-02-02T09:00', changes: { visitReason: 'Hydrotherapy' } }, deskFrontDesk);
  expect(await a.sync.syncNow()).toBe(true);
  expect(await b.sync.syncNow()).toBe(true);
  return { a, b, root: split.head!, tail: split.series };
}

describe('split series through sync', () => {
  it('the link reaches the other desk, whose "cancel all" from the first part cancels the tail on both desks', async () => {
    const { a, b, root, tail } = await twoDesksWithASplitSeries();
    expect(await b.desk.db.series.get(tail.id)).toMatchObject({ lineageId: root.id });
    b.desk.clock.now = Date.parse('2026-01-20T15:00:00Z');
    await b.desk.must('series/cancel-all', { seriesId: root.id, reason: 'Moved away' }, deskFrontDesk);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await b.desk.db.syncRejections.count()).toBe(0);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await a.desk.db.series.get(tail.id)).toBeUndefined();
    expect(await a.desk.db.series.get(root.id)).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=3' });
    expect(await seriesState(a.desk)).toEqual(await seriesState(b.desk));
  });

  it('refuses a series record whose link is not an id, naming the field', async () => {
    const { a, tail } = await twoDesksWithASplitSeries();
    const edited = await a.desk.must('series/edit-all', { seriesId: tail.id, changes: { notes: 'Level 2' } }, deskFrontDesk);
    const queued = await a.desk.db.outbox.orderBy('deviceSeq').last();
    const response = await applyPush(running!.storage, a.auth, {
      deviceId: a.auth.deviceId,
      mutations: [{ ...queued!, effects: [{ entity: 'series', id: tail.id, op: 'put', data: { ...edited.series, lineageId: 'not an id' } }, ...queued!.effects.slice(1)] }],
      audit: [],
    });
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid-format', field: 'effects.0.data.lineageId' } });
  });

  it('two desks changing different parts offline converge: notes for all visits on one, a visit of the tail cancelled and the tail split again on the other', async () => {
    const { a, b, root, tail } = await twoDesksWithASplitSeries();
    await a.desk.must('series/edit-all', { seriesId: root.id, changes: { notes: 'Bring the referral letter' } }, deskFrontDesk);
    await b.desk.must('occurrence/cancel', { seriesId: tail.id, originalStart: '2026-02-09T09:00', reason: 'Away' }, deskFrontDesk);
    const again = await b.desk.must('series/edit-following', { seriesId: tail.id, fromOriginalStart: '2026-02-23T09:00', changes: { durationMinutes: 45 } }, deskFrontDesk);
    for (const desk of [a, b, a]) expect(await desk.sync.syncNow()).toBe(true);
    const state = await seriesState(a.desk);
    expect(state).toEqual(await seriesState(b.desk));
    expect(await a.desk.db.conflicts.count()).toBe(0);
    // The notes (words) merge into the tail B shortened (its rule); the part B split off offline was made from B's copy, before the notes,
    // as for any series edited on one desk and split on another; every part is still in the root's lineage.
    expect(state.series).toEqual([
      { id: root.id, dtstart: '2026-01-05T09:00:00', rrule: 'FREQ=WEEKLY;COUNT=4', notes: 'Bring the referral letter', visitReason: undefined, lineageId: undefined },
      { id: tail.id, dtstart: '2026-02-02T09:00:00', rrule: 'FREQ=WEEKLY;COUNT=3', notes: 'Bring the referral letter', visitReason: 'Hydrotherapy', lineageId: root.id },
      { id: again.series.id, dtstart: '2026-02-23T09:00:00', rrule: 'FREQ=WEEKLY;COUNT=3', notes: undefined, visitReason: 'Hydrotherapy', lineageId: root.id },
    ]);
    expect(state.exceptions).toMatchObject([{ seriesId: tail.id, originalStart: '2026-02-09T09:00:00', kind: 'cancelled' }]);
  });
});
