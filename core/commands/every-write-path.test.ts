import { describe, expect, it } from 'vitest';
import { readDevice } from '../db';
import { checkStoredAuditChain } from './audit-integrity';
import { exportAuditLog } from './audit-export';
import { admin, clinicFixture, dumpDatabase, frontDesk, injectWriteFailures, manager } from './commands.fixture';
import { commandHandlers } from './handlers';
import type { CommandArgs, CommandName } from './handlers';
import type { CommandSession } from './session';

/** One call of every command, each a real write against the state `busyClinic` sets up. */
type Case = { [Name in CommandName]: { name: Name; args: CommandArgs<Name>; session: CommandSession; metaWrites?: number } }[CommandName];

interface Ids {
  booked: string;
  arrived: string;
  seriesId: string;
  waiting: string;
  offered: string;
}

const casesFor = ({ booked, arrived, seriesId, waiting, offered }: Ids): Case[] => [
  { name: 'appointment/book', args: { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T11:00', timeZone: 'America/New_York', durationMinutes: 30 }, session: frontDesk },
  { name: 'appointment/move', args: { appointmentId: booked, wallStart: '2026-01-05T10:00' }, session: frontDesk },
  { name: 'appointment/edit', args: { appointmentId: booked, notes: 'Bring the brace' }, session: frontDesk },
  { name: 'appointment/cancel', args: { appointmentId: booked, reason: 'Patient called' }, session: frontDesk },
  { name: 'appointment/change-status', args: { appointmentId: booked, to: 'arrived' }, session: frontDesk },
  { name: 'appointment/undo-status', args: { appointmentId: arrived }, session: frontDesk },
  { name: 'series/create', args: { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-07T15:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4' }, session: frontDesk },
  { name: 'occurrence/edit', args: { seriesId, originalStart: '2026-01-13T09:00', wallStart: '2026-01-13T10:00' }, session: frontDesk },
  // busyClinic moved the 27 January visit once: Undo puts it back (the exception goes, a delete).
  { name: 'occurrence/undo-move', args: { seriesId, originalStart: '2026-01-27T09:00', movedVersion: 0, previous: null }, session: frontDesk },
  { name: 'occurrence/cancel', args: { seriesId, originalStart: '2026-01-20T09:00', reason: 'Provider ill' }, session: frontDesk },
  { name: 'occurrence/change-status', args: { seriesId, originalStart: '2026-01-06T09:00', to: 'arrived' }, session: frontDesk },
  { name: 'series/edit-following', args: { seriesId, fromOriginalStart: '2026-02-03T09:00', changes: { durationMinutes: 45 } }, session: frontDesk },
  { name: 'series/edit-all', args: { seriesId, changes: { notes: 'Bring the brace' } }, session: frontDesk },
  { name: 'series/cancel-following', args: { seriesId, fromOriginalStart: '2026-02-10T09:00', reason: 'Moved away' }, session: frontDesk },
  { name: 'series/cancel-all', args: { seriesId, reason: 'Treatment finished' }, session: frontDesk },
  { name: 'patient/register', args: { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }, session: frontDesk },
  { name: 'patient/update', args: { patientId: 'p1', changes: { phone: '555 0199' } }, session: frontDesk },
  { name: 'patient/view', args: { patientId: 'p1' }, session: frontDesk },
  { name: 'patient/set-consent', args: { patientId: 'p1', emailAllowed: false, smsAllowed: true, preferredChannel: 'sms', optedOut: false }, session: frontDesk },
  { name: 'day-sheet/print', args: { date: '2026-01-05', resourceIds: ['dr-lee', 'room-1'] }, session: frontDesk },
  { name: 'calendar-file/export', args: { what: { kind: 'clinic' }, from: '2026-01-05', to: '2026-01-11', format: 'ics', includePatientNames: true }, session: manager },
  { name: 'patient-file/export', args: { csvHeader: { mrn: 'Record number', givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', phone: 'Phone', email: 'Email', notes: 'Notes' } }, session: manager },
  { name: 'downtime/pack', args: { locale: 'en-GB', words: { daySheet: 'Day sheet', phoneList: 'Phone list', noBookings: 'No bookings', written: 'Written', date: 'Date', time: 'Time', end: 'End', provider: 'Provider', patient: 'Patient', phone: 'Phone', reason: 'Reason', visits: 'Visits' } }, session: manager },
  { name: 'resource/save', args: { kind: 'room', name: 'Room 2', timeZone: 'America/New_York' }, session: manager },
  // Leave over the booked 09:00 visit: the block and a "Needs attention" record in one transaction.
  { name: 'schedule/save-block', args: { block: { resourceId: 'dr-lee', kind: 'leave', wallStart: '2026-01-05T00:00', wallEnd: '2026-01-06T00:00', reason: 'Annual leave' } }, session: frontDesk },
  { name: 'closure/save', args: { resourceId: null, startDate: '2026-12-25', endDate: '2026-12-26', reason: 'Christmas' }, session: manager },
  { name: 'schedule/end-block', args: { id: 'hours-dr-lee', lastDate: '2026-03-31', reason: 'New rota from April' }, session: manager },
  { name: 'schedule/remove-block', args: { id: 'hours-room-1', reason: 'Room closed for good' }, session: manager },
  { name: 'closure/remove', args: { id: 'closure-1' }, session: manager },
  { name: 'staff/save', args: { displayName: 'Fran Desk', username: 'fran', role: 'front_desk' }, session: admin },
  { name: 'staff/set-language', args: { staffId: frontDesk.staffId, language: 'fr' }, session: frontDesk },
  // The settings row lives in `meta` too: its counters are the second meta write.
  { name: 'conflict/resolve', args: { conflictId: 'cf_1', action: 'kept-both', reason: 'Two-person visit' }, session: manager },
  { name: 'clinic/save-settings', args: { idleLockMinutes: 10 }, session: admin, metaWrites: 2 },
  // The backup key row lives in `meta` too.
  { name: 'backup/set-passphrase', args: { recipient: { kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 }, salt: '0'.repeat(32), publicKey: 'a'.repeat(64) } }, session: admin, metaWrites: 2 },
  { name: 'confirmation/set', args: { visit: { seriesId, originalStart: '2026-01-13T09:00' }, to: 'confirmed' }, session: frontDesk },
  { name: 'confirmation/undo', args: { visit: { appointmentId: booked } }, session: frontDesk },
  { name: 'waitlist/add', args: { request: { patientId: 'p2', providers: { kind: 'provider' }, durationMinutes: 30, reason: 'Wants sooner' } }, session: frontDesk },
  { name: 'waitlist/update', args: { id: waiting, request: { patientId: 'p1', providers: ['dr-lee'], durationMinutes: 45, reason: 'Wants sooner', priority: 'urgent' } }, session: frontDesk },
  { name: 'waitlist/offer', args: { id: waiting, slot: { start: '2026-01-05T15:00:00.000Z', end: '2026-01-05T15:30:00.000Z', providerId: 'dr-lee' } }, session: frontDesk },
  { name: 'waitlist/decline', args: { id: offered, reason: 'Cannot come then' }, session: frontDesk },
  { name: 'waitlist/remove', args: { id: waiting, reason: 'Found another clinic' }, session: frontDesk },
  // The booking and the entry marked booked: two records, one transaction.
  { name: 'waitlist/book', args: { id: offered, booking: { resourceIds: ['dr-lee'], wallStart: '2026-01-05T15:00', timeZone: 'America/New_York', durationMinutes: 30 } }, session: frontDesk },
  { name: 'backup/record', args: { kind: 'scheduled', createdAt: '2026-01-02T12:00:00.000Z', outcome: 'verified', rows: 42, targets: [{ target: 'app-data', outcome: 'verified' }] }, session: admin },
];

/** The clinic fixture plus a booked appointment, one marked arrived, a weekly series on Room 1 and an open double-booking conflict. */
async function busyClinic() {
  const fixture = await clinicFixture();
  const { must } = fixture;
  const booked = await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
  const { appointment } = await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p1', wallStart: '2026-01-05T13:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
  await must('appointment/change-status', { appointmentId: appointment.id, to: 'arrived' }, frontDesk);
  const { series } = await must('series/create', { resourceIds: ['room-1'], patientId: 'p2', dtstart: '2026-01-06T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' }, frontDesk);
  await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-01-27T09:00', wallStart: '2026-01-27T11:00' }, frontDesk);
  await must('confirmation/set', { visit: { appointmentId: booked.appointment.id }, to: 'no_answer' }, frontDesk);
  const waiting = await must('waitlist/add', { request: { patientId: 'p1', providers: ['dr-lee'], durationMinutes: 30, reason: 'Wants sooner' } }, frontDesk);
  const offered = await must('waitlist/add', { request: { patientId: 'p2', providers: { kind: 'provider' }, durationMinutes: 30, reason: 'Wants sooner' } }, frontDesk);
  await must('waitlist/offer', { id: offered.id, slot: { start: '2026-01-05T20:00:00.000Z', end: '2026-01-05T20:30:00.000Z', providerId: 'dr-lee' } }, frontDesk);
  await must('closure/save', { id: 'closure-1', resourceId: 'room-1', startDate: '2026-12-24', endDate: '2026-12-24', reason: 'Deep clean' }, manager);
  await must('staff/save', { id: frontDesk.staffId, displayName: 'Dana Desk', username: 'dana', role: 'front_desk' }, admin);
  await fixture.db.conflicts.put({
    id: 'cf_1',
    kind: 'double-booking',
    appointmentIds: [booked.appointment.id, appointment.id],
    resourceId: 'dr-lee',
    deviceIds: ['desk-a', 'desk-b'],
    detectedAtChange: 7,
    status: 'open',
    version: 1,
  });
  return { ...fixture, ids: { booked: booked.appointment.id, arrived: appointment.id, seriesId: series.id, waiting: waiting.id, offered: offered.id } };
}

describe('every write path is all-or-nothing', () => {
  it('the case table calls every command there is', () => {
    expect(casesFor({ booked: 'a', arrived: 'b', seriesId: 's', waiting: 'w', offered: 'o' }).map((call) => call.name).sort()).toEqual(Object.keys(commandHandlers).sort());
  });

  it('a failure on the audit write or on the final counters leaves every table as it was, for every command', async () => {
    const fixture = await busyClinic();
    const failure = await injectWriteFailures(fixture.db);
    const before = await dumpDatabase(fixture.db);
    for (const call of casesFor(fixture.ids)) {
      for (const [table, nth] of [
        ['audit', 1],
        ['meta', call.metaWrites ?? 1],
      ] as const) {
        failure.aim(table, nth);
        await expect(fixture.commands.run(call.name, call.args as never, call.session), `${call.name}, failing on ${table}`).rejects.toThrow(/Injected failure/);
        failure.armed = false;
        expect(await dumpDatabase(fixture.db), `${call.name}, failing on ${table}`).toEqual(before);
      }
    }
  });

  it('recording a broken chain and recording an export roll back the same way', async () => {
    const { db, clock } = await busyClinic();
    const env = { db, clock: () => clock.now, newId: () => `rec-${Math.random().toString(16).slice(2)}` };
    const device = await readDevice(db);
    // Counters that disagree with the stored head: the check records a break (re-anchoring the device row).
    await db.meta.put({ ...device, auditSeq: device.auditSeq + 3 });
    const failure = await injectWriteFailures(db);
    const before = await dumpDatabase(db);

    failure.aim('audit');
    await expect(checkStoredAuditChain(env)).rejects.toThrow(/Injected failure/);
    failure.aim('meta');
    await expect(checkStoredAuditChain(env)).rejects.toThrow(/Injected failure/);
    failure.armed = false;
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('an export whose record fails leaves no entry behind', async () => {
    const { db, clock } = await busyClinic();
    const env = { db, clock: () => clock.now, newId: () => `rec-${Math.random().toString(16).slice(2)}` };
    const failure = await injectWriteFailures(db);
    const before = await dumpDatabase(db);
    failure.aim('audit');
    await expect(exportAuditLog(env, manager, { fileName: 'audit.csv', write: () => undefined })).rejects.toThrow(/Injected failure/);
    failure.armed = false;
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
