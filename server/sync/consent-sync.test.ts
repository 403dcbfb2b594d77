import { afterEach, describe, expect, it } from 'vitest';
import { deskAdmin, deskFrontDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import { applyPush } from './apply-push';
import type { InProcessClinic } from './in-process-clinic.fixture';
import { inProcessClinic } from './in-process-clinic.fixture';

/** Contact consent (issue 16) through sync: the real desk commands and sync client against the server's push and pull. */

const now = Date.UTC(2026, 0, 2, 12);
const textsOnly = { patientId: 'p1', emailAllowed: false, smsAllowed: true, preferredChannel: 'sms', optedOut: false } as const;
const optedOut = { ...textsOnly, optedOut: true, optOutReason: 'Asked for no messages' } as const;
let running: InProcessClinic | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function twoDesks() {
  running = await inProcessClinic(now);
  const a = await running.desk('desk-a', 11);
  const b = await running.desk('desk-b', 22);
  await setUpClinic(a.desk);
  expect(await a.sync.syncNow()).toBe(true);
  expect(await b.sync.syncNow()).toBe(true);
  return { a, b };
}

describe('contact consent through sync', () => {
  it('an answer recorded on one desk is on the other, with who recorded it', async () => {
    const { a, b } = await twoDesks();
    await a.desk.must('patient/set-consent', optedOut, deskFrontDesk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await b.desk.db.contactConsents.get('p1')).toMatchObject({ optedOut: true, optOutReason: 'Asked for no messages', smsAllowed: true, recordedBy: deskFrontDesk.staffId });
  });

  it('refuses a consent record that does not hold together, naming the field', async () => {
    const { a } = await twoDesks();
    const record = await a.desk.must('patient/set-consent', textsOnly, deskFrontDesk);
    const queued = await a.desk.db.outbox.orderBy('deviceSeq').last();
    const push = (data: object) =>
      applyPush(running!.storage, a.auth, { deviceId: a.auth.deviceId, mutations: [{ ...queued!, effects: [{ entity: 'contactConsent', id: 'p1', op: 'put', data }] }], audit: [] });
    // The desk's own queued mutation with its record tampered with: texts preferred but not allowed.
    expect((await push({ ...record, smsAllowed: false })).results[0]).toMatchObject({ status: 'rejected', reason: { code: 'invalid-format', field: 'effects.0.data.preferredChannel' } });
  });

  it('refuses an opt-out without a reason, naming the field', async () => {
    const { a } = await twoDesks();
    const record = await a.desk.must('patient/set-consent', optedOut, deskFrontDesk);
    const queued = await a.desk.db.outbox.orderBy('deviceSeq').last();
    const { optOutReason: _reason, ...withoutReason } = record;
    const response = await applyPush(running!.storage, a.auth, { deviceId: a.auth.deviceId, mutations: [{ ...queued!, effects: [{ entity: 'contactConsent', id: 'p1', op: 'put', data: withoutReason }] }], audit: [] });
    expect(response.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'reason-required', field: 'effects.0.data.optOutReason' } });
  });

  it('two desks asking the same patient offline: different answers end on Needs attention, an opt-out pushed first kept on both; the same answer in other words is none', async () => {
    const { a, b } = await twoDesks();
    await a.desk.must('patient/set-consent', optedOut, deskFrontDesk);
    await b.desk.must('patient/set-consent', textsOnly, deskAdmin);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    for (const side of [a, b]) {
      expect(await side.desk.db.contactConsents.get('p1')).toMatchObject({ optedOut: true, recordedBy: deskFrontDesk.staffId });
      expect((await side.desk.db.conflicts.toArray()).filter((row) => row.status === 'open')).toEqual([
        expect.objectContaining({
          kind: 'concurrent-edit',
          entity: 'contactConsent',
          recordId: 'p1',
          fields: ['optedOut'],
          kept: expect.objectContaining({ deviceId: a.auth.deviceId, values: expect.objectContaining({ optedOut: true }) }),
          other: expect.objectContaining({ deviceId: b.auth.deviceId, staffId: deskAdmin.staffId, values: expect.objectContaining({ optedOut: false, smsAllowed: true }) }),
        }),
      ]);
    }

    // Both desks record an opt-out for p2, in their own words: the same answer, no conflict; the later words stand.
    await a.desk.must('patient/set-consent', { ...optedOut, patientId: 'p2', optOutReason: 'No texts' }, deskFrontDesk);
    await b.desk.must('patient/set-consent', { ...optedOut, patientId: 'p2', optOutReason: 'Does not want reminders' }, deskAdmin);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const side of [a, b]) {
      expect((await side.desk.db.conflicts.toArray()).filter((row) => row.kind === 'concurrent-edit' && row.recordId === 'p2')).toEqual([]);
      // The answer and who recorded it go together: desk a's, applied first; the words merge.
      expect(await side.desk.db.contactConsents.get('p2')).toMatchObject({ optedOut: true, optOutReason: 'Does not want reminders', recordedBy: deskFrontDesk.staffId });
    }
  });

  it('an opt-out pushed after another desk’s "texts allowed" still stands: never messaged while the conflict waits, the allowed answer kept aside', async () => {
    const { a, b } = await twoDesks();
    await a.desk.must('patient/set-consent', textsOnly, deskFrontDesk);
    await b.desk.must('patient/set-consent', optedOut, deskAdmin);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    const stored = await running!.storage.write(a.auth.clinicId, a.auth.deviceId, (tx) => tx.getEntity('contactConsent', 'p1'));
    for (const side of [a, b]) {
      expect(await side.desk.db.contactConsents.get('p1')).toMatchObject({ optedOut: true, optOutReason: 'Asked for no messages', recordedBy: deskAdmin.staffId });
      expect((await side.desk.db.conflicts.toArray()).filter((row) => row.status === 'open')).toEqual([
        expect.objectContaining({
          entity: 'contactConsent',
          recordId: 'p1',
          fields: ['optedOut'],
          kept: expect.objectContaining({ deviceId: b.auth.deviceId, staffId: deskAdmin.staffId, version: stored?.version, values: expect.objectContaining({ optedOut: true }) }),
          other: expect.objectContaining({
            deviceId: a.auth.deviceId,
            staffId: deskFrontDesk.staffId,
            values: expect.objectContaining({ optedOut: false, smsAllowed: true }),
            effects: [expect.objectContaining({ entity: 'contactConsent', id: 'p1', op: 'put', data: expect.objectContaining({ optedOut: false, recordedBy: deskFrontDesk.staffId }) })],
          }),
        }),
      ]);
    }
  });
});
