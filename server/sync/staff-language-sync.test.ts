import { afterEach, describe, expect, it } from 'vitest';
import { deskFrontDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import { applyPush } from './apply-push';
import type { InProcessClinic } from './in-process-clinic.fixture';
import { inProcessClinic } from './in-process-clinic.fixture';

/** A staff member's language (issue 17) follows them to every desk, and the server checks it like the desk does. */

const now = Date.UTC(2026, 0, 2, 12);
const admin = { staffId: 'admin-a', displayName: 'Alex Admin', role: 'admin' as const };
let running: InProcessClinic | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function twoDesksWithDana() {
  running = await inProcessClinic(now);
  const a = await running.desk('desk-a', 11);
  const b = await running.desk('desk-b', 22);
  await setUpClinic(a.desk);
  await a.desk.must('staff/save', { id: deskFrontDesk.staffId, displayName: 'Dana Desk', username: 'dana', role: 'front_desk' }, admin);
  expect(await a.sync.syncNow()).toBe(true);
  expect(await b.sync.syncNow()).toBe(true);
  return { a, b };
}

describe('a staff member’s language through sync', () => {
  it('chosen on one desk, it is theirs on the other too', async () => {
    const { a, b } = await twoDesksWithDana();
    await b.desk.must('staff/set-language', { staffId: deskFrontDesk.staffId, language: 'es' }, deskFrontDesk);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await a.desk.db.staff.get(deskFrontDesk.staffId)).toMatchObject({ username: 'dana', language: 'es' });
  });

  it('refuses a language the desk has no words for, naming the field', async () => {
    const { a } = await twoDesksWithDana();
    const member = await a.desk.must('staff/set-language', { staffId: deskFrontDesk.staffId, language: 'fr' }, deskFrontDesk);
    const queued = await a.desk.db.outbox.orderBy('deviceSeq').last();
    const response = await applyPush(running!.storage, a.auth, {
      deviceId: a.auth.deviceId,
      mutations: [{ ...queued!, effects: [{ entity: 'staff', id: member.id, op: 'put', data: { ...member, language: 'de' } }] }],
      audit: [],
    });
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { field: 'effects.0.data.language' } });
  });
});
