import { afterEach, describe, expect, it } from 'vitest';
import { deskFrontDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import type { InProcessClinic } from './in-process-clinic.fixture';
import { inProcessClinic } from './in-process-clinic.fixture';
import { applyPush } from './apply-push';

/** Visit confirmations (issue 16) through sync: the real desk commands and sync client against the server's push and pull. */

const now = Date.UTC(2026, 0, 2, 12);
let running: InProcessClinic | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function twoDesksWithAVisit() {
  running = await inProcessClinic(now);
  const a = await running.desk('desk-a', 11);
  const b = await running.desk('desk-b', 22);
  await setUpClinic(a.desk);
  const { appointment } = await a.desk.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, deskFrontDesk);
  expect(await a.sync.syncNow()).toBe(true);
  expect(await b.sync.syncNow()).toBe(true);
  return { a, b, visit: { appointmentId: appointment.id } };
}

describe('confirmations through sync', () => {
  it('an answer recorded on one desk shows on the other', async () => {
    const { a, b, visit } = await twoDesksWithAVisit();
    await a.desk.must('confirmation/set', { visit, to: 'confirmed' }, deskFrontDesk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await b.desk.db.visitConfirmations.get(visit.appointmentId)).toMatchObject({ status: 'confirmed', patientId: 'p1' });
  });

  it('refuses a confirmation record that does not hold together, naming the field', async () => {
    const { a, visit } = await twoDesksWithAVisit();
    const record = await a.desk.must('confirmation/set', { visit, to: 'confirmed' }, deskFrontDesk);
    const queued = await a.desk.db.outbox.orderBy('deviceSeq').last();
    const response = await applyPush(running!.storage, a.auth, {
      deviceId: a.auth.deviceId,
      // The desk's own queued mutation with its record tampered with: the status no longer ends its history.
      mutations: [{ ...queued!, effects: [{ entity: 'visitConfirmation', id: record.id, op: 'put', data: { ...record, status: 'declined' } }] }],
      audit: [],
    });
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid-status-transition', field: 'effects.0.data.status' } });
  });

  it('two desks recording different answers offline end on Needs attention, the first answer kept on both; the same answer is no conflict', async () => {
    const { a, b, visit } = await twoDesksWithAVisit();
    await a.desk.must('confirmation/set', { visit, to: 'confirmed' }, deskFrontDesk);
    await b.desk.must('confirmation/set', { visit, to: 'declined' }, deskFrontDesk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    for (const side of [a, b]) {
      expect((await side.desk.db.visitConfirmations.get(visit.appointmentId))?.status).toBe('confirmed');
      expect((await side.desk.db.conflicts.toArray()).filter((row) => row.status === 'open')).toEqual([
        expect.objectContaining({
          kind: 'concurrent-edit',
          entity: 'visitConfirmation',
          recordId: visit.appointmentId,
          fields: ['status'],
          other: expect.objectContaining({ deviceId: b.auth.deviceId, values: expect.objectContaining({ status: 'declined' }) }),
        }),
      ]);
    }

    // Both desks mark a second visit no-answer: the same answer, no conflict.
    const { appointment } = await a.desk.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-01-05T11:00', timeZone: 'America/New_York', durationMinutes: 30 }, deskFrontDesk);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.desk.must('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'no_answer' }, deskFrontDesk);
    await b.desk.must('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'no_answer' }, deskFrontDesk);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect((await b.desk.db.conflicts.toArray()).filter((row) => row.kind === 'concurrent-edit' && row.recordId === appointment.id)).toEqual([]);
  });
});
