import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from './commands.fixture';
import { nobodySignedIn } from './session';

const words = {
  daySheet: 'Day sheet',
  phoneList: 'Phone list',
  noBookings: 'No bookings',
  written: 'Written',
  date: 'Date',
  time: 'Time',
  end: 'End',
  provider: 'Provider',
  patient: 'Patient',
  phone: 'Phone',
  reason: 'Reason',
  visits: 'Visits',
};
const zone = 'America/New_York';

// Saturday 7 March 2026, 09:00 in New York: the pack runs to Friday the 13th, across the clocks going forward on the 8th.
async function bookedWeek() {
  const fixture = await clinicFixture(Date.UTC(2026, 2, 7, 14));
  await fixture.must('series/create', { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-03-02T09:00', timeZone: zone, durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4', exdates: [], rdates: [], visitReason: 'Physio' }, frontDesk);
  await fixture.must('appointment/book', { resourceIds: ['dr-lee', 'room-1'], patientId: 'p2', wallStart: '2026-03-10T11:00', timeZone: zone, durationMinutes: 45, visitReason: 'Check-up' }, frontDesk);
  const cancelled = await fixture.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-03-11T11:00', timeZone: zone, durationMinutes: 30, visitReason: 'Cancelled one' }, frontDesk);
  await fixture.must('appointment/cancel', { appointmentId: cancelled.appointment.id, reason: 'Called in' }, frontDesk);
  return fixture;
}

describe('downtime/pack', () => {
  it('writes the next seven days with a series visit in and a cancelled one out, audited per patient, not synced; the front desk may not', async () => {
    const fixture = await bookedWeek();
    const outbox = await fixture.db.outbox.count();
    expect(await fixture.commands.run('downtime/pack', { locale: 'en-GB', words }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    const pack = await fixture.must('downtime/pack', { locale: 'en-GB', words }, manager);
    expect(pack).toMatchObject({ from: '2026-03-07', to: '2026-03-13', visitCount: 2, patientIds: ['p1', 'p2'] });
    const monday = pack.files.find((file) => file.name === '2026-03-09-day-sheet.html')!.text;
    expect(monday).toContain('<td>09:00–09:30</td><td>Ada Lovelace</td><td>Physio</td>');
    const csv = pack.files.find((file) => file.name === 'visits.csv')!.text;
    expect(csv).toContain('2026-03-10,11:00,11:45,Dr Lee,Alan Turing,555 0101,Check-up');
    expect(csv).not.toContain('Cancelled one');
    expect(csv).not.toContain('Room 1');
    expect(await fixture.db.outbox.count()).toBe(outbox);
    const entries = await fixture.db.audit.where('action').equals('DOWNTIME_PACK_WRITTEN').toArray();
    expect(entries.map((entry) => [entry.outcome, entry.patientId])).toEqual([
      ['refused', null],
      ['success', 'p1'],
      ['success', 'p2'],
    ]);
    expect(entries[1]).toMatchObject({ actor: { staffId: manager.staffId }, entityType: 'downtime-pack', entityId: '2026-03-07..2026-03-13' });
  });

  it('names the automatic backup as actor for the refresh after the daily backup, and refuses a language tag it cannot write', async () => {
    const fixture = await bookedWeek();
    await fixture.must('downtime/pack', { locale: 'fr-FR', words }, nobodySignedIn);
    const [entry] = await fixture.db.audit.where('action').equals('DOWNTIME_PACK_WRITTEN').toArray();
    expect(entry).toMatchObject({ actor: { kind: 'system', systemId: 'backup' }, outcome: 'success' });
    expect(await fixture.commands.run('downtime/pack', { locale: 'not a tag!', words }, manager)).toMatchObject({ ok: false, error: { field: 'locale' } });
    expect(await fixture.commands.run('downtime/pack', { locale: 'en-GB', words: { ...words, noBookings: ' ' } }, manager)).toMatchObject({ ok: false, error: { field: 'words.noBookings' } });
  });
});
