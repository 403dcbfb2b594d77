import { describe, expect, it } from 'vitest';
import { readIcs } from '../calendar-files';
import { calendarRange, importContext } from '../queries';
import { importCalendarDrafts } from './calendar-import';
import { admin, clinicFixture, dumpStoredState, frontDesk, manager } from './commands.fixture';
import type { CommandFixture } from './commands.fixture';

const zone = 'America/New_York';
// Mondays at 09:00 from 2 March 2026, across the clocks going forward on Sunday 8 March.
const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-03-02T09:00', timeZone: zone, durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4', exdates: [], rdates: [], visitReason: 'Physio' };
const single = { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-03-10T11:00', timeZone: zone, durationMinutes: 45, visitReason: 'Check-up' };
const env = (fixture: CommandFixture) => ({ db: fixture.db, clock: () => fixture.clock.now, newId: (() => { let n = 0; return () => `imp-${++n}`; })() });
const exportArgs = { what: { kind: 'resource', resourceId: 'dr-lee' }, from: '2026-03-01', to: '2026-03-31', format: 'ics', includePatientNames: false } as const;

async function bookedClinic() {
  const fixture = await clinicFixture();
  const { series } = await fixture.must('series/create', weekly, frontDesk);
  await fixture.must('occurrence/edit', { seriesId: series.id, originalStart: '2026-03-16T09:00', wallStart: '2026-03-17T14:00' }, frontDesk);
  await fixture.must('appointment/book', single, frontDesk);
  return fixture;
}

const walls = async (fixture: CommandFixture) =>
  (await calendarRange(fixture.db, { resourceIds: ['dr-lee'], from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).map((item) => {
    const visit = item.kind === 'appointment' ? item.appointment : item.occurrence;
    return `${visit.wallStart} ${visit.timeZone} ${visit.durationMinutes} ${visit.patientId}`;
  });

describe('calendar-file/export', () => {
  it('writes one provider’s visits as ICS without patient data, audited and not synced; the front desk may not', async () => {
    const fixture = await bookedClinic();
    const outbox = await fixture.db.outbox.count();
    expect(await fixture.commands.run('calendar-file/export', exportArgs, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    const result = await fixture.must('calendar-file/export', exportArgs, manager);
    expect(result).toMatchObject({ fileName: 'Dr-Lee-2026-03-01-2026-03-31.ics', mimeType: 'text/calendar', visitCount: 5 });
    expect(result.text.match(/BEGIN:VEVENT/g)).toHaveLength(3); // the series, its moved visit, the single visit
    expect(result.text).toContain('DTSTART;TZID=America/New_York:20260302T090000');
    expect(result.text).not.toMatch(/Lovelace|Turing|X-TIMEDESK-PATIENT/);
    expect(await fixture.db.outbox.count()).toBe(outbox);
    const entries = await fixture.db.audit.where('action').equals('CALENDAR_FILE_EXPORTED').toArray();
    // The front desk's attempt is recorded as refused; the manager's export as done.
    expect(entries.map((entry) => entry.outcome)).toEqual(['refused', 'success']);
    expect(entries[1]).toMatchObject({ actor: { staffId: manager.staffId }, entityType: 'calendar-file', entityId: '2026-03-01..2026-03-31', patientId: null });
  });

  it('names each patient on the file in the audit when names are included, and writes CSV with safe cells', async () => {
    const fixture = await bookedClinic();
    await fixture.must('appointment/book', { ...single, wallStart: '2026-03-11T11:00', visitReason: '=HYPERLINK("http://x","y")' }, frontDesk);
    const header = { start: 'Start', end: 'End', timeZone: 'Zone', minutes: 'Minutes', resources: 'With', status: 'Status', reason: 'Reason', visit: 'Visit', patient: 'Patient' };
    const csv = await fixture.must('calendar-file/export', { ...exportArgs, format: 'csv', includePatientNames: true, csvHeader: header }, manager);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.text).toContain('Ada Lovelace');
    expect((await fixture.db.audit.where('action').equals('CALENDAR_FILE_EXPORTED').filter((entry) => entry.outcome === 'success').toArray()).map((entry) => entry.patientId).sort()).toEqual(['p1', 'p2']);
    expect(await fixture.commands.run('calendar-file/export', { ...exportArgs, from: '2026-04-01' }, manager)).toMatchObject({ ok: false, error: { field: 'to' } });
  });
});

describe('importCalendarDrafts', () => {
  it('round trip: export → import into an empty clinic gives the same visits, occurrence by occurrence, across DST', async () => {
    const source = await bookedClinic();
    const { text } = await source.must('calendar-file/export', { ...exportArgs, includePatientNames: true }, admin);
    const target = await clinicFixture();
    const read = readIcs(text, await importContext(target.db, { resourceIds: [], patientId: null, defaultTimeZone: zone }));
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.preview.problems).toEqual([]);
    expect(await importCalendarDrafts(env(target), manager, read.preview.drafts)).toEqual({ ok: true, value: { appointments: 1, series: 1 } });
    expect(await walls(target)).toEqual(await walls(source));
    expect(await target.db.audit.where('action').anyOf(['SERIES_CREATED', 'APPOINTMENT_BOOKED']).count()).toBe(2);
    // The same file again: everything is already here.
    const again = readIcs(text, await importContext(source.db, { resourceIds: [], patientId: null, defaultTimeZone: zone }));
    expect(again).toMatchObject({ ok: true, preview: { drafts: [] } });
    if (again.ok) expect(again.preview.alreadyHere).toHaveLength(2);
  });

  it('books all of a file or nothing, naming the event that collided', async () => {
    const fixture = await clinicFixture();
    await fixture.must('appointment/book', single, frontDesk);
    const file = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//EN', 'BEGIN:VEVENT', 'UID:free', 'DTSTART;TZID=America/New_York:20260310T090000', 'DURATION:PT30M', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:clash', 'DTSTART;TZID=America/New_York:20260310T111500', 'DURATION:PT30M', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const read = readIcs(file, await importContext(fixture.db, { resourceIds: ['dr-lee'], patientId: 'p1', defaultTimeZone: zone }));
    if (!read.ok) throw new Error(read.problem.message);
    const before = await dumpStoredState(fixture.db);
    const result = await importCalendarDrafts(env(fixture), manager, read.preview.drafts);
    expect(result).toMatchObject({ ok: false, error: { code: 'booking-conflict' }, event: { uid: 'clash', line: 9 } });
    expect(await dumpStoredState(fixture.db)).toEqual(before);
    expect(await importCalendarDrafts(env(fixture), frontDesk, read.preview.drafts)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
  });
});
