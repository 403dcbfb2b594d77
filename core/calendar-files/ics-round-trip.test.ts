import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { instantToWallTime } from '../time';
import { bookFor, emptyClinic, patients, resources } from './calendar-files.fixture';
import { exportIcs } from './ics-export';
import { readIcs } from './ics-import';

// Each zone's first Monday is ~4 weeks before its clocks change, so weeks 4–7 are on the other side.
const zones = [
  { zone: 'America/New_York', firstMonday: '2026-02-16' }, // DST starts 8 Mar
  { zone: 'Europe/London', firstMonday: '2026-03-02' }, // BST starts 29 Mar
  { zone: 'Australia/Sydney', firstMonday: '2026-03-09' }, // DST ends 5 Apr
  { zone: 'Asia/Kolkata', firstMonday: '2026-03-02' }, // no DST: the control
];

function exportBook(zone: string, firstMonday: string, includePatientDetails = false) {
  const book = bookFor(zone, firstMonday);
  const text = exportIcs({ ...book, resources, patients, includePatientDetails, range: { from: Date.parse(`${firstMonday}T00:00:00Z`), to: Date.parse(`${firstMonday}T00:00:00Z`) + 70 * 86_400_000 }, now: Date.parse('2026-02-01T12:00:00Z'), calendarName: 'Dr Lee' });
  return { book, text };
}

/** The instants another calendar (ical.js, reading only the file and its VTIMEZONEs) gives the series' visits. */
function readerInstants(text: string): number[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  try {
    const master = calendar.getAllSubcomponents('vevent').find((event) => event.hasProperty('rrule'))!;
    const event = new ICAL.Event(master, { exceptions: calendar.getAllSubcomponents('vevent').filter((candidate) => candidate.hasProperty('recurrence-id') && candidate.getFirstPropertyValue('uid') === master.getFirstPropertyValue('uid')) });
    const iterator = event.iterator();
    const instants: number[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      instants.push(event.getOccurrenceDetails(next).startDate.toJSDate().getTime());
    }
    return instants;
  } finally {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
  }
}

describe('ICS round trip across DST', () => {
  for (const { zone, firstMonday } of zones) {
    it(`keeps every wall time in ${zone}`, () => {
      // The desk's own schedule into an empty clinic: patients named so each visit goes back to its patient.
      const { book, text } = exportBook(zone, firstMonday, true);
      const read = readIcs(text, emptyClinic);
      if (!read.ok) throw new Error(read.problem.message);
      expect(read.preview.problems).toEqual([]);
      const series = read.preview.drafts.find((draft) => draft.kind === 'series');
      const single = read.preview.drafts.find((draft) => draft.kind === 'appointment');
      expect(series).toMatchObject({
        uid: `${book.series[0]!.id}@timedesk`,
        args: { dtstart: book.series[0]!.dtstart, timeZone: zone, durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=8', exdates: [book.exceptions[0]!.originalStart], resourceIds: ['dr-lee'], patientId: 'p1', visitReason: 'Physio' },
        overrides: [{ originalStart: book.exceptions[1]!.originalStart, wallStart: (book.exceptions[1] as { wallStart: string }).wallStart, timeZone: zone, durationMinutes: 45 }],
      });
      expect(single).toMatchObject({ args: { wallStart: book.appointments[0]!.wallStart, timeZone: zone, durationMinutes: 60, resourceIds: ['dr-lee', 'room-1'], patientId: 'p2', visitReason: 'Check-up' } });
    });

    it(`places the visits at the same wall times in another calendar reading ${zone}'s VTIMEZONE`, () => {
      const { text } = exportBook(zone, firstMonday);
      expect(text).toContain(`TZID=${zone}:`);
      const walls = readerInstants(text).map((instant) => instantToWallTime(instant, zone).slice(11, 16));
      // 8 weekly visits, one cancelled (EXDATE), one moved to 14:30 (RECURRENCE-ID): the rest at 09:00 on both sides of the change.
      expect(walls).toEqual(['09:00', '09:00', '09:00', '09:00', '14:30', '09:00', '09:00']);
    });
  }

  it('names no patient unless asked, and does when asked', () => {
    const plain = exportBook('Europe/London', '2026-03-02').text;
    expect(plain).not.toMatch(/Ana|Silva|Ben|Okafor|X-TIMEDESK-PATIENT/);
    expect(plain.match(/BEGIN:VEVENT/g)).toHaveLength(3); // series, its moved visit, the single visit
    expect(plain.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    const named = exportBook('Europe/London', '2026-03-02', true).text;
    expect(named).toContain('SUMMARY:Ana Silva — Physio');
    expect(named).toContain('X-TIMEDESK-PATIENT:p1');
  });

  it('counts the events already on the desk by UID instead of drafting them again', () => {
    const { book, text } = exportBook('America/New_York', '2026-02-16');
    const read = readIcs(text, { ...emptyClinic, existingIds: new Set([book.series[0]!.id, book.appointments[0]!.id]) });
    expect(read).toMatchObject({ ok: true, preview: { drafts: [], problems: [] } });
    if (read.ok) expect(read.preview.alreadyHere.map((entry) => entry.uid).sort()).toEqual([`${book.appointments[0]!.id}@timedesk`, `${book.series[0]!.id}@timedesk`].sort());
  });
});
