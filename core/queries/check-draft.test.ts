import { describe, expect, it } from 'vitest';
import { clinicFixture, dumpDatabase, frontDesk, manager } from '../commands/commands.fixture';
import type { Conflict } from '../overlap';
import { ValidationError } from '../validation';
import { checkDraft } from './check-draft';

const zone = 'America/New_York';
const now = { now: Date.UTC(2026, 0, 2, 12) };
const single = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: zone, durationMinutes: 30 };
const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: zone, durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' };
const weeklyDraft = { resourceIds: weekly.resourceIds, patientId: weekly.patientId, wallStart: weekly.dtstart, timeZone: zone, durationMinutes: 30, rrule: weekly.rrule };

/** Conflicts without the ids the engine invents (the draft's `draft` vs the command's new id); occurrence ids keep their time stamp. */
function comparable(conflicts: readonly Conflict[]) {
  const stamp = (id: string) => (id.includes(':') ? id.slice(id.lastIndexOf(':') + 1) : 'the new appointment');
  return conflicts.map(({ candidateId, candidateIds, ...rest }) => ({ ...rest, candidate: stamp(candidateId), candidateIds: candidateIds.map(stamp) }));
}

describe('checkDraft: a single appointment', () => {
  it('finds what appointment/book refuses, and writes nothing', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('appointment/book', { ...single, patientId: 'p2', wallStart: '2026-01-05T09:15' }, frontDesk);
    const before = await dumpDatabase(db);
    const draft = await checkDraft(db, single, now);
    expect(await dumpDatabase(db)).toEqual(before);
    expect(draft.ok).toBe(false);
    expect(draft.hard).toMatchObject([{ kind: 'resource-double-booked', resourceId: 'dr-lee', candidateStart: '2026-01-05T14:00:00.000Z' }]);
    expect(draft.occurrences).toEqual([
      { id: 'draft', start: '2026-01-05T14:00:00.000Z', end: '2026-01-05T14:30:00.000Z', wallStart: '2026-01-05T09:00:00', hard: draft.hard, warnings: [] },
    ]);
    const refused = await commands.run('appointment/book', single, frontDesk);
    if (refused.ok || refused.error.code !== 'booking-conflict') throw new Error('expected a booking conflict');
    expect(comparable(draft.hard)).toEqual(comparable(refused.error.hard));
    expect(comparable(draft.warnings)).toEqual(comparable(refused.error.warnings));
  });

  it('returns the warnings the command saves with (outside working hours), and no hard conflict', async () => {
    const { db, must } = await clinicFixture();
    const late = { ...single, wallStart: '2026-01-05T17:45' };
    const draft = await checkDraft(db, late, now);
    expect(draft).toMatchObject({ ok: true, hard: [] });
    expect(draft.warnings).toMatchObject([{ kind: 'outside-working-hours', hours: 'not-covered', resourceId: 'dr-lee' }]);
    const booked = await must('appointment/book', late, frontDesk);
    expect(comparable(draft.warnings)).toEqual(comparable(booked.warnings));
  });

  it('checks resources without a patient, and the patient once chosen', async () => {
    const { db, must } = await clinicFixture();
    await must('appointment/book', { ...single, resourceIds: ['room-1'] }, frontDesk);
    const noPatient = await checkDraft(db, { ...single, patientId: null }, now);
    expect(noPatient).toMatchObject({ ok: true, hard: [], warnings: [] });
    const withPatient = await checkDraft(db, single, now);
    expect(withPatient.hard).toMatchObject([{ kind: 'patient-double-booked', patientId: 'p1' }]);
  });

  it('excluding the appointment being moved: it does not collide with itself, as appointment/move sees it', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', single, frontDesk);
    const moved = { ...single, wallStart: '2026-01-05T09:15' };
    expect((await checkDraft(db, moved, now)).hard).toHaveLength(2); // the stored one, counted as someone else: resource and patient
    const draft = await checkDraft(db, { ...moved, excluding: { appointmentId: appointment.id } }, now);
    expect(draft).toMatchObject({ ok: true, hard: [], warnings: [], occurrences: [{ id: appointment.id }] });
    expect(await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: moved.wallStart }, frontDesk)).toMatchObject({ ok: true });
  });

  it('gives the wall time the clock will show for a time that does not exist (spring forward)', async () => {
    const { db } = await clinicFixture();
    const draft = await checkDraft(db, { ...single, wallStart: '2026-03-08T02:30' }, now);
    expect(draft.occurrences).toMatchObject([{ start: '2026-03-08T07:30:00.000Z', wallStart: '2026-03-08T03:30:00' }]);
  });
});

describe('checkDraft: a series', () => {
  it('flags the visit on a closure and the one that collides, per visit, exactly as series/create refuses', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('closure/save', { resourceId: null, startDate: '2026-01-19', endDate: '2026-01-19', reason: 'MLK Day' }, manager);
    await must('appointment/book', { ...single, patientId: 'p2', wallStart: '2026-02-16T09:15' }, frontDesk);
    const before = await dumpDatabase(db);
    const draft = await checkDraft(db, weeklyDraft, now);
    expect(await dumpDatabase(db)).toEqual(before);
    expect(draft.occurrences).toHaveLength(10);
    const flagged = draft.occurrences.filter((occurrence) => occurrence.hard.length > 0);
    expect(flagged.map((occurrence) => [occurrence.wallStart, occurrence.hard.map((conflict) => conflict.kind)])).toEqual([
      ['2026-01-19T09:00:00', ['closed']],
      ['2026-02-16T09:00:00', ['resource-double-booked']],
    ]);
    const refused = await commands.run('series/create', weekly, frontDesk);
    if (refused.ok || refused.error.code !== 'booking-conflict') throw new Error('expected a booking conflict');
    expect(comparable(draft.hard)).toEqual(comparable(refused.error.hard));
    expect(comparable(draft.warnings)).toEqual(comparable(refused.error.warnings));
  });

  it('warns for the visits outside working hours (a Saturday) and the command saves with the same warnings', async () => {
    const { db, must } = await clinicFixture();
    const monAndSat = { ...weeklyDraft, rrule: 'FREQ=WEEKLY;BYDAY=MO,SA;COUNT=4' };
    const draft = await checkDraft(db, monAndSat, now);
    expect(draft.ok).toBe(true);
    expect(draft.occurrences.map((occurrence) => occurrence.warnings.map((warning) => warning.kind))).toEqual([[], ['outside-working-hours'], [], ['outside-working-hours']]);
    const saved = await must('series/create', { ...weekly, rrule: monAndSat.rrule }, frontDesk);
    expect(comparable(draft.warnings)).toEqual(comparable(saved.warnings));
  });

  it('excluding the series being edited: its own visits are not counted, as series/edit-all sees it', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const longer = { ...weeklyDraft, durationMinutes: 45 };
    expect((await checkDraft(db, longer, now)).ok).toBe(false);
    const draft = await checkDraft(db, { ...longer, excluding: { seriesId: series.id } }, now);
    expect(draft).toMatchObject({ ok: true, hard: [], warnings: [] });
    expect(draft.occurrences[0]?.id).toBe(`${series.id}:20260105T090000`);
    expect(await commands.run('series/edit-all', { seriesId: series.id, changes: { durationMinutes: 45 } }, frontDesk)).toMatchObject({ ok: true });
  });

  it('one visit of a series being edited does not collide with the series, as occurrence/edit sees it', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const later = { ...single, wallStart: '2026-01-12T09:15' };
    expect((await checkDraft(db, later, now)).hard.map((conflict) => conflict.kind)).toEqual(['resource-double-booked', 'patient-double-booked']);
    expect(await checkDraft(db, { ...later, excluding: { seriesId: series.id } }, now)).toMatchObject({ ok: true, hard: [] });
    const occurrenceId = `${series.id}:20260112T090000`;
    expect(await checkDraft(db, { ...later, excluding: { appointmentId: occurrenceId } }, now)).toMatchObject({ ok: true, hard: [], occurrences: [{ id: occurrenceId }] });
    expect(await commands.run('occurrence/edit', { seriesId: series.id, originalStart: '2026-01-12T09:00', wallStart: later.wallStart }, frontDesk)).toMatchObject({ ok: true });
  });

  it('sees a series booked on the same resource', async () => {
    const { db, must } = await clinicFixture();
    await must('series/create', { ...weekly, patientId: 'p2', rrule: 'FREQ=WEEKLY;COUNT=3' }, frontDesk);
    const draft = await checkDraft(db, { ...single, wallStart: '2026-01-12T09:00' }, now);
    expect(draft.hard).toMatchObject([{ kind: 'resource-double-booked', existingIds: [expect.stringMatching(/:20260112T090000$/)] }]);
  });
});

describe('checkDraft: bad input', () => {
  it('names the field, as the commands do', async () => {
    const { db } = await clinicFixture();
    const problem = async (draft: Parameters<typeof checkDraft>[1]) => {
      try {
        await checkDraft(db, draft, now);
      } catch (error) {
        if (error instanceof ValidationError) return error.toJSON();
        throw error;
      }
      throw new Error('expected a ValidationError');
    };
    expect(await problem({ ...single, durationMinutes: 0 })).toMatchObject({ field: 'durationMinutes' });
    expect(await problem({ ...single, wallStart: '2026-02-30T09:00' })).toMatchObject({ field: 'wallStart' });
    expect(await problem({ ...single, resourceIds: ['dr-nobody'] })).toMatchObject({ code: 'unknown-entity', field: 'resourceIds.0' });
    expect(await problem({ ...weeklyDraft, rrule: 'WEEKLY' })).toMatchObject({ code: 'invalid-rrule', field: 'rrule' });
    expect(await problem({ ...weeklyDraft, rrule: 'FREQ=WEEKLY;COUNT=1', exdates: ['2026-01-05T09:00'] })).toMatchObject({ code: 'invalid-rrule', field: 'rrule' });
  });
});
