import { describe, expect, it } from 'vitest';
import { previewScheduleChange } from '../queries';
import { clinicFixture, frontDesk, manager } from './commands.fixture';

// The fixture's clock: Friday 2 January 2026, 12:00 UTC. Dr Lee works Mon–Fri 08:00–18:00 New York time.
const leaveMonday = { resourceId: 'dr-lee', kind: 'leave', reason: 'Annual leave', wallStart: '2026-01-05T00:00', wallEnd: '2026-01-06T00:00' } as const;
const book = (wallStart: string) => ({ resourceIds: ['dr-lee'], patientId: 'p1', wallStart, timeZone: 'America/New_York', durationMinutes: 30 });

describe('schedule commands', () => {
  it('saves a block as a command: zone from the resource, audited with before/after and reason, queued with its effect and base version', async () => {
    const { db, commands } = await clinicFixture();
    const saved = await commands.run(
      'schedule/save-block',
      { block: { resourceId: 'dr-lee', kind: 'working', wallStart: '2026-01-10T09:00', wallEnd: '2026-01-10T13:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', label: 'Saturday clinic' }, reason: 'Winter rota' },
      manager,
    );
    expect(saved).toMatchObject({ ok: true, value: { change: 'saved', displaced: [], block: { timeZone: 'America/New_York', version: 0, wallStart: '2026-01-10T09:00:00' } } });
    if (!saved.ok || saved.value.block === undefined) return;
    const id = saved.value.block.id;
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'SCHEDULE_BLOCK_SAVED',
      entityType: 'schedule-block',
      entityId: id,
      reason: 'Winter rota',
      changes: { kind: { before: null, after: 'working' }, rrule: { before: null, after: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA' } },
    });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'schedule/save-block', baseVersion: null, effects: [{ entity: 'scheduleBlock', id, op: 'put' }] });

    const edited = await commands.run('schedule/save-block', { block: { id, resourceId: 'dr-lee', kind: 'working', wallStart: '2026-01-10T09:00', wallEnd: '2026-01-10T12:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', label: 'Saturday clinic' } }, manager);
    expect(edited).toMatchObject({ ok: true, value: { block: { version: 1 } } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ baseVersion: 0 });
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toEqual({ wallEnd: { before: '2026-01-10T13:00:00', after: '2026-01-10T12:00:00' } });
  });

  it('lets the desk record one-day changes, and keeps rotas to managers', async () => {
    const { commands } = await clinicFixture();
    expect((await commands.run('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'override', wallStart: '2026-01-07T08:00', wallEnd: '2026-01-07T15:00', label: 'Leaves at 15:00' } }, frontDesk)).ok).toBe(true);
    expect(await commands.run('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'working', wallStart: '2026-01-10T09:00', wallEnd: '2026-01-10T12:00', rrule: 'FREQ=WEEKLY' } }, frontDesk)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted', field: 'session' },
    });
    expect(await commands.run('schedule/end-block', { id: 'hours-dr-lee', lastDate: '2026-03-31' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const { db, commands, must } = await clinicFixture();
    const queued = await db.outbox.count();
    const run = (block: Record<string, unknown>) => commands.run('schedule/save-block', { block: { ...leaveMonday, ...block } as never }, manager);
    expect(await run({ resourceId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'block.resourceId' } });
    expect(await run({ wallEnd: '2026-01-04T00:00' })).toMatchObject({ ok: false, error: { code: 'end-not-after-start', field: 'block.wallEnd' } });
    expect(await run({ wallEnd: '2026-01-05T00:00' })).toMatchObject({ ok: false, error: { code: 'zero-length', field: 'block.wallEnd' } });
    expect(await run({ rrule: 'FREQ=WEEKLY' })).toMatchObject({ ok: false, error: { code: 'end-required', field: 'block.rrule' } });
    expect(await run({ rrule: 'FREQ=WEEKLY;BYDAY=ZZ;COUNT=2' })).toMatchObject({ ok: false, error: { code: 'invalid-rrule', field: 'block.rrule' } });
    await must('resource/save', { id: 'dr-gone', kind: 'provider', name: 'Dr Gone', timeZone: 'America/New_York', active: false }, manager);
    expect(await run({ resourceId: 'dr-gone' })).toMatchObject({ ok: false, error: { code: 'inactive-resource', field: 'block.resourceId' } });
    expect(await commands.run('schedule/remove-block', { id: 'nothing' }, manager)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'id' } });
    expect(await db.outbox.count()).toBe(queued + 1); // only the resource
    expect(await db.scheduleBlocks.count()).toBe(2);
  });

  it('lists the booked visits new leave leaves outside the hours, keeps them booked, and files them on Needs attention', async () => {
    const { db, commands, must } = await clinicFixture();
    const nine = await must('appointment/book', book('2026-01-05T09:00'), frontDesk);
    await must('appointment/book', book('2026-01-06T09:00'), frontDesk); // the next day: not affected
    const { series } = await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p2', dtstart: '2025-12-29T11:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4' }, frontDesk);

    const preview = await previewScheduleChange(db, { kind: 'save', block: leaveMonday }, { now: Date.UTC(2026, 0, 2, 12), today: '2026-01-02' });
    expect(preview.displaced.map((visit) => visit.id)).toEqual([nine.appointment.id, `${series.id}:20260105T110000`]);
    expect(preview.displaced[0]?.conflicts).toEqual([expect.objectContaining({ kind: 'schedule-blocked', block: expect.objectContaining({ blockKind: 'leave', name: 'Annual leave' }) })]);
    expect(preview.hours.filter((span) => span.start.startsWith('2026-01-05'))).toEqual([]);

    const saved = await commands.run('schedule/save-block', { block: leaveMonday }, frontDesk);
    if (!saved.ok) throw new Error('refused');
    // The dry run and the command find the same visits (the preview's block is called "draft" until saved).
    expect(saved.value.displaced.map((visit) => [visit.id, visit.start])).toEqual(preview.displaced.map((visit) => [visit.id, visit.start]));
    const record = await db.conflicts.get(saved.value.needsAttentionId as string);
    expect(record).toMatchObject({ kind: 'schedule-displaced', resourceId: 'dr-lee', change: 'saved', status: 'open', bookings: [{ id: nine.appointment.id }, { id: `${series.id}:20260105T110000` }] });
    expect((await db.appointments.get(nine.appointment.id))?.status).toBe('booked');
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ effects: [expect.objectContaining({ entity: 'scheduleBlock' }), expect.objectContaining({ entity: 'conflict', op: 'put' })] });
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes['displacedBookings']).toEqual({ before: null, after: [nine.appointment.id, `${series.id}:20260105T110000`] });

    // Resolving before the visits are dealt with is refused; after moving one and cancelling the other it is not.
    const resolve = () => commands.run('conflict/resolve', { conflictId: record?.id as string, action: 'handled', reason: 'Rebooked for Tuesday' }, frontDesk);
    expect(await resolve()).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'action' } });
    await must('appointment/move', { appointmentId: nine.appointment.id, wallStart: '2026-01-06T10:00' }, frontDesk);
    expect(await resolve()).toMatchObject({ ok: false });
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-05T11:00', reason: 'Provider on leave' }, frontDesk);
    expect(await resolve()).toMatchObject({ ok: true, value: { status: 'resolved', resolution: { action: 'handled' } } });
  });

  it('refuses a booking into leave or a hard blockout even from a manager; a soft blockout takes a manager’s reason', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('schedule/save-block', { block: leaveMonday }, manager);
    const intoLeave = await commands.run('appointment/book', book('2026-01-05T09:00'), frontDesk);
    expect(intoLeave).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [expect.objectContaining({ kind: 'schedule-blocked' })] } });
    expect(await commands.run('appointment/book', { ...book('2026-01-05T09:00'), override: { reason: 'Came in anyway' } }, manager)).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'override' } });

    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Emergencies only', enforcement: 'soft', wallStart: '2026-01-07T08:00', wallEnd: '2026-01-07T10:00' } }, manager);
    expect(await commands.run('appointment/book', book('2026-01-07T08:30'), frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [expect.objectContaining({ kind: 'soft-blockout' })] } });
    expect(await commands.run('appointment/book', { ...book('2026-01-07T08:30'), override: { reason: 'Urgent review' } }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect((await commands.run('appointment/book', { ...book('2026-01-07T08:30'), override: { reason: 'Urgent review' } }, manager)).ok).toBe(true);
    const entries = await db.audit.orderBy('[deviceId+seq]').reverse().limit(2).toArray();
    expect(entries.map((entry) => entry.action)).toEqual(['APPOINTMENT_BOOKED', 'CONFLICT_OVERRIDDEN']);
    expect(entries[1]).toMatchObject({ reason: 'Urgent review' });
  });

  it('says when leave wins over an override of the same day', async () => {
    const { must } = await clinicFixture();
    await must('schedule/save-block', { block: leaveMonday }, manager);
    const override = await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'override', wallStart: '2026-01-05T09:00', wallEnd: '2026-01-05T12:00' } }, manager);
    expect(override.leaveWins).toEqual([{ resourceId: 'dr-lee', day: '2026-01-05', overrideId: override.block?.id, leaveId: expect.any(String) }]);
  });

  it('returns the time a change frees and nobody has booked, for the waitlist; a change that takes time frees nothing', async () => {
    const { must } = await clinicFixture();
    const iso = (spans: { resourceId: string; start: number; end: number }[]) => spans.map((span) => [span.resourceId, new Date(span.start).toISOString(), new Date(span.end).toISOString()]);
    // Wednesday 7 January: Dr Lee stays until 20:00 (New York, UTC−5).
    const late = await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'override', wallStart: '2026-01-07T08:00', wallEnd: '2026-01-07T20:00', label: 'Late clinic' } }, frontDesk);
    expect(iso(late.freed)).toEqual([['dr-lee', '2026-01-07T23:00:00.000Z', '2026-01-08T01:00:00.000Z']]);
    // A visit booked before a blockout stays booked through it: removing the blockout frees only the time around it.
    await must('appointment/book', book('2026-01-08T10:30'), frontDesk);
    const meeting = await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard', wallStart: '2026-01-08T10:00', wallEnd: '2026-01-08T12:00' } }, frontDesk);
    expect(meeting.freed).toEqual([]);
    const removed = await must('schedule/remove-block', { id: meeting.block?.id as string, reason: 'Meeting moved' }, frontDesk);
    expect(iso(removed.freed)).toEqual([
      ['dr-lee', '2026-01-08T15:00:00.000Z', '2026-01-08T15:30:00.000Z'],
      ['dr-lee', '2026-01-08T16:00:00.000Z', '2026-01-08T17:00:00.000Z'],
    ]);
    expect((await must('schedule/end-block', { id: 'hours-dr-lee', lastDate: '2026-01-30' }, manager)).freed).toEqual([]);
  });

  it('ends a rota after a day and removes a block, each audited and synced', async () => {
    const { db, must } = await clinicFixture();
    const ended = await must('schedule/end-block', { id: 'hours-dr-lee', lastDate: '2026-01-30', reason: 'New rota in February' }, manager);
    expect(ended).toMatchObject({ change: 'ended', block: { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260130', version: 1 } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'schedule/end-block', baseVersion: 0 });
    const removed = await must('schedule/remove-block', { id: 'hours-room-1', reason: 'Room closed' }, manager);
    expect(removed).toMatchObject({ change: 'removed', block: undefined });
    expect(await db.scheduleBlocks.get('hours-room-1')).toBeUndefined();
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'SCHEDULE_BLOCK_REMOVED', reason: 'Room closed', changes: { kind: { before: 'working', after: null } } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ effects: [{ entity: 'scheduleBlock', id: 'hours-room-1', op: 'delete' }] });
  });
});
