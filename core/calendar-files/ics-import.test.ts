import { describe, expect, it } from 'vitest';
import { emptyClinic } from './calendar-files.fixture';
import { maxImportEvents, readIcs } from './ics-import';

const chosen = { ...emptyClinic, resourceIds: ['dr-lee'], patientId: 'p1' };

/** A file as another calendar writes it, CRLF, with the given VEVENT bodies. */
function file(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', ...events.flatMap((body) => ['BEGIN:VEVENT', ...body.split('\n'), 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
}

describe('readIcs', () => {
  it('drafts a Google event in UTC and an Outlook event with a Windows zone name in the zones they mean', () => {
    const read = readIcs(file('UID:g1@google.com\nDTSTART:20260310T140000Z\nDTEND:20260310T143000Z\nSUMMARY:Follow-up', 'UID:o1\nDTSTART;TZID=GMT Standard Time:20260330T091500\nDURATION:PT45M'), chosen);
    expect(read).toMatchObject({
      ok: true,
      preview: {
        problems: [],
        drafts: [
          // 14:00Z on 10 March is 10:00 in New York (EDT since 8 March): the clinic's zone for UTC times.
          { kind: 'appointment', uid: 'g1@google.com', line: 4, args: { wallStart: '2026-03-10T10:00:00', timeZone: 'America/New_York', durationMinutes: 30, resourceIds: ['dr-lee'], patientId: 'p1', visitReason: 'Follow-up' } },
          { kind: 'appointment', uid: 'o1', args: { wallStart: '2026-03-30T09:15:00', timeZone: 'Europe/London', durationMinutes: 45 } },
        ],
      },
    });
  });

  it('names the line, UID and property of each event it cannot book, and drafts the good ones', () => {
    const read = readIcs(
      file(
        'UID:good\nDTSTART;TZID=Europe/London:20260310T090000\nDTEND;TZID=Europe/London:20260310T093000',
        'UID:no-start\nDTEND:20260310T093000Z',
        'UID:mars\nDTSTART;TZID=Mars/Olympus_Mons:20260310T090000\nDURATION:PT30M',
        'UID:all-day\nDTSTART;VALUE=DATE:20260310',
        'UID:too-long\nDTSTART:20260310T090000Z\nDURATION:PT25H',
      ),
      chosen,
    );
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.preview.drafts.map((draft) => draft.uid)).toEqual(['good']);
    expect(read.preview.problems).toEqual([
      { line: 9, uid: 'no-start', field: 'DTSTART', message: 'The event has no start (DTSTART).' },
      { line: 13, uid: 'mars', field: 'DTSTART;TZID', message: 'The time zone "Mars/Olympus_Mons" is not one we know.' },
      { line: 18, uid: 'all-day', field: 'DTSTART', message: 'DTSTART is a whole day; only visits with a start time can be booked.' },
      expect.objectContaining({ line: 22, uid: 'too-long', field: 'DURATION' }),
    ]);
  });

  it('names the line of a value ical.js cannot read at all', () => {
    const read = readIcs(file('UID:ok\nDTSTART:20260310T090000Z\nDURATION:PT30M', 'UID:bad-rule\nDTSTART:20260310T090000Z\nRRULE:FREQ=SOMETIMES'), chosen);
    expect(read).toMatchObject({ ok: false, problem: { line: 12, field: 'RRULE', message: expect.stringContaining('SOMETIMES') } });
  });

  it('refuses a file that is not a calendar, naming the file', () => {
    for (const garbage of ['hello, world', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026', '{"events":[]}']) {
      const read = readIcs(garbage, chosen);
      expect(read).toMatchObject({ ok: false, problem: { field: 'file', line: 1 } });
    }
  });

  it('needs a provider or room and a patient for another calendar’s events', () => {
    const read = readIcs(file('UID:g1\nDTSTART:20260310T140000Z\nDURATION:PT30M'), emptyClinic);
    expect(read).toMatchObject({ ok: true, preview: { drafts: [], problems: [{ uid: 'g1', field: 'X-TIMEDESK-RESOURCES' }] } });
  });

  it('refuses an override whose series is not in the file, and two events with one UID', () => {
    const read = readIcs(
      file('UID:twice\nDTSTART:20260310T140000Z\nDURATION:PT30M', 'UID:twice\nDTSTART:20260311T140000Z\nDURATION:PT30M', 'UID:lonely\nRECURRENCE-ID:20260310T140000Z\nDTSTART:20260310T150000Z\nDURATION:PT30M'),
      chosen,
    );
    expect(read).toMatchObject({ ok: true, preview: { problems: [{ uid: 'twice', field: 'UID' }, { uid: 'lonely', field: 'RECURRENCE-ID' }] } });
  });

  it(`refuses a file of more than ${maxImportEvents} events whole`, () => {
    const events = Array.from({ length: maxImportEvents + 1 }, (_, index) => `UID:e${index}\nDTSTART:20260310T140000Z\nDURATION:PT30M`);
    expect(readIcs(file(...events), chosen)).toMatchObject({ ok: false, problem: { field: 'file' } });
  });
});
