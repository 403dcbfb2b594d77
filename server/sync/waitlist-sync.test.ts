import { afterEach, describe, expect, it } from 'vitest';
import { deskFrontDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import { applyPush } from './apply-push';
import type { InProcessClinic } from './in-process-clinic.fixture';
import { inProcessClinic } from './in-process-clinic.fixture';

/** The waitlist (issue 13) through sync: the real desk commands and sync client against the server's push and pull. */

const now = Date.UTC(2026, 0, 2, 12);
const request = { patientId: 'p2', providers: ['dr-lee'], durationMinutes: 30, reason: 'Knee pain, wants sooner' };
const booking = { resourceIds: ['dr-lee'], wallStart: '2026-01-05T10:30', timeZone: 'America/New_York', durationMinutes: 30 };
let running: InProcessClinic | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function twoDesksWithAnEntry() {
  running = await inProcessClinic(now);
  const a = await running.desk('desk-a', 11);
  const b = await running.desk('desk-b', 22);
  await setUpClinic(a.desk);
  const entry = await a.desk.must('waitlist/add', { request }, deskFrontDesk);
  expect(await a.sync.syncNow()).toBe(true);
  expect(await b.sync.syncNow()).toBe(true);
  return { a, b, entry };
}

describe('the waitlist through sync', () => {
  it('an entry added on one desk is on the other, and a change made there comes back', async () => {
    const { a, b, entry } = await twoDesksWithAnEntry();
    expect(await b.desk.db.waitlist.get(entry.id)).toMatchObject({ patientId: 'p2', state: { kind: 'waiting' }, addedBy: 'staff-desk' });
    await b.desk.must('waitlist/update', { id: entry.id, request: { ...request, priority: 'urgent' } }, deskFrontDesk);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await a.desk.db.waitlist.get(entry.id)).toMatchObject({ priority: 'urgent', state: { kind: 'waiting' } });
  });

  it('refuses an entry record that does not hold together, naming the field', async () => {
    const { a, entry } = await twoDesksWithAnEntry();
    const updated = await a.desk.must('waitlist/update', { id: entry.id, request: { ...request, note: 'Mornings' } }, deskFrontDesk);
    const queued = await a.desk.db.outbox.orderBy('deviceSeq').last();
    const response = await applyPush(running!.storage, a.auth, {
      deviceId: a.auth.deviceId,
      // The desk's own queued mutation with its record tampered with: a visit of no length.
      mutations: [{ ...queued!, effects: [{ entity: 'waitlistEntry', id: entry.id, op: 'put', data: { ...updated, durationMinutes: 0 } }] }],
      audit: [],
    });
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid-duration', field: 'effects.0.data.durationMinutes' } });
  });

  it('an entry booked on one desk and removed on the other offline ends on Needs attention, the first change kept on both', async () => {
    const { a, b, entry } = await twoDesksWithAnEntry();
    await a.desk.must('waitlist/book', { id: entry.id, booking }, deskFrontDesk);
    await b.desk.must('waitlist/remove', { id: entry.id, reason: 'Found another clinic' }, deskFrontDesk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    for (const side of [a, b]) {
      expect((await side.desk.db.waitlist.get(entry.id))?.state).toMatchObject({ kind: 'booked' });
      expect((await side.desk.db.conflicts.toArray()).filter((row) => row.status === 'open')).toEqual([
        expect.objectContaining({
          kind: 'concurrent-edit',
          entity: 'waitlistEntry',
          recordId: entry.id,
          fields: ['state'],
          kept: expect.objectContaining({ deviceId: a.auth.deviceId }),
          other: expect.objectContaining({ deviceId: b.auth.deviceId, values: expect.objectContaining({ state: expect.objectContaining({ kind: 'removed', reason: 'Found another clinic' }) }) }),
        }),
      ]);
    }
  });

  it('a note changed on one desk and the priority on the other merge without a conflict', async () => {
    const { a, b, entry } = await twoDesksWithAnEntry();
    await a.desk.must('waitlist/update', { id: entry.id, request: { ...request, note: 'Call after 5pm' } }, deskFrontDesk);
    await b.desk.must('waitlist/update', { id: entry.id, request: { ...request, priority: 'urgent' } }, deskFrontDesk);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const side of [a, b]) {
      expect(await side.desk.db.waitlist.get(entry.id)).toMatchObject({ note: 'Call after 5pm', priority: 'urgent' });
      expect(await side.desk.db.conflicts.count()).toBe(0);
    }
  });
});
