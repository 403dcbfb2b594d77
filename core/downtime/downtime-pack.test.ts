import { describe, expect, it } from 'vitest';
import { wallTimeToInstant } from '../time';
import { downtimePack } from './downtime-pack';
import type { DowntimePackInput, DowntimeVisit } from './downtime-pack';

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

const visitAt = (id: string, wallStart: string, zone: string, minutes: number, extra: Partial<DowntimeVisit> = {}): DowntimeVisit => {
  const start = wallTimeToInstant(wallStart, zone);
  return { id, start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString(), resourceIds: ['dr-lee'], patientId: 'p1', status: 'booked', ...extra };
};

function input(zone: string, from: string, visits: DowntimeVisit[], overrides: Partial<DowntimePackInput> = {}): DowntimePackInput {
  return {
    clinic: { name: 'Test Clinic', timeZone: zone },
    from,
    resources: [
      { id: 'dr-lee', kind: 'provider', name: 'Dr Lee' },
      { id: 'dr-kim', kind: 'provider', name: 'Dr Kim' },
      { id: 'room-1', kind: 'room', name: 'Room 1' },
    ],
    visits,
    patients: new Map([
      ['p1', { givenName: 'Ada', familyName: 'Lovelace', phone: '555 0100' }],
      ['p2', { givenName: 'Alan', familyName: 'Turing' }],
    ]),
    locale: 'en-GB',
    words,
    now: Date.UTC(2026, 2, 7, 13, 55),
    ...overrides,
  };
}

const file = (pack: ReturnType<typeof downtimePack>, name: string) => pack.files.find((entry) => entry.name === name)!.text;

describe('downtimePack', () => {
  it('America/New_York, the week of 8 March 2026 (clocks go forward): seven local days, wall times kept on both sides', () => {
    const zone = 'America/New_York';
    const pack = downtimePack(
      input(zone, '2026-03-07', [
        visitAt('a1', '2026-03-07T09:00', zone, 30),
        visitAt('a2', '2026-03-09T09:00', zone, 30, { patientId: 'p2', resourceIds: ['dr-kim', 'room-1'] }),
        // 23:30 on the 13th is still the 13th locally, though the 14th in UTC.
        visitAt('a3', '2026-03-13T23:30', zone, 30),
        visitAt('outside', '2026-03-14T09:00', zone, 30),
      ]),
    );
    expect(pack.files.map((entry) => entry.name)).toEqual([
      '2026-03-07-day-sheet.html',
      '2026-03-08-day-sheet.html',
      '2026-03-09-day-sheet.html',
      '2026-03-10-day-sheet.html',
      '2026-03-11-day-sheet.html',
      '2026-03-12-day-sheet.html',
      '2026-03-13-day-sheet.html',
      'visits.csv',
      'phone-list.html',
      'phone-list.csv',
    ]);
    expect(pack).toMatchObject({ from: '2026-03-07', to: '2026-03-13', visitCount: 3, patientIds: ['p1', 'p2'] });
    expect(file(pack, '2026-03-07-day-sheet.html')).toContain('<td>09:00–09:30</td><td>Ada Lovelace</td>');
    expect(file(pack, '2026-03-09-day-sheet.html')).toContain('<td>09:00–09:30</td><td>Alan Turing</td>');
    expect(file(pack, '2026-03-09-day-sheet.html')).toContain('Monday, 9 March 2026');
    expect(file(pack, '2026-03-13-day-sheet.html')).toContain('<td>23:30–00:00</td>');
    const csv = file(pack, 'visits.csv');
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFDate,Time,End,Provider,Patient,Phone,Reason',
      '2026-03-07,09:00,09:30,Dr Lee,Ada Lovelace,555 0100,',
      '2026-03-09,09:00,09:30,Dr Kim,Alan Turing,,',
      '2026-03-13,23:30,00:00,Dr Lee,Ada Lovelace,555 0100,',
      '',
    ]);
    expect(file(pack, 'visits.csv')).not.toContain('Room 1');
  });

  it('Europe/London, 25 October 2026 (clocks go back): the 25-hour day keeps its visits, and the last hour’s one is on it', () => {
    const zone = 'Europe/London';
    const pack = downtimePack(input(zone, '2026-10-25', [visitAt('a1', '2026-10-25T01:30', zone, 30), visitAt('a2', '2026-10-25T23:30', zone, 20)]));
    const day = file(pack, '2026-10-25-day-sheet.html');
    expect(day).toContain('<td>01:30–01:00</td>'); // the first 01:30 (BST), 30 real minutes later it is 01:00 GMT
    expect(day).toContain('<td>23:30–23:50</td>');
  });

  it('leaves a cancelled visit out of every file', () => {
    const zone = 'Australia/Sydney';
    const pack = downtimePack(input(zone, '2026-04-05', [visitAt('a1', '2026-04-05T10:00', zone, 30, { status: 'cancelled', patientId: 'p2' }), visitAt('a2', '2026-04-06T10:00', zone, 30)]));
    for (const entry of pack.files) expect(entry.text).not.toContain('Turing');
    expect(pack.patientIds).toEqual(['p1']);
    expect(pack.visitCount).toBe(1);
  });

  it('says "No bookings" for a provider with nothing that day, and for a day with no providers at all', () => {
    const zone = 'Asia/Kolkata';
    const pack = downtimePack(input(zone, '2026-03-09', [visitAt('a1', '2026-03-09T10:00', zone, 30)]));
    const monday = file(pack, '2026-03-09-day-sheet.html');
    expect(monday.match(/<section>/g)).toHaveLength(2);
    expect(monday).toContain('<h1>Dr Kim</h1><p>Monday, 9 March 2026</p></header><p>No bookings</p>');
    expect(file(pack, '2026-03-10-day-sheet.html').match(/<p>No bookings<\/p>/g)).toHaveLength(2);
    const empty = downtimePack(input(zone, '2026-03-09', [], { resources: [] }));
    expect(file(empty, '2026-03-09-day-sheet.html')).toContain('<h1>Day sheet</h1><p>Monday, 9 March 2026</p></header><p>No bookings</p>');
    expect(file(empty, 'phone-list.html')).toContain('<p>No bookings</p>');
  });

  it('escapes every text in HTML and guards formulas in CSV: hostile names, reasons and the clinic’s name stay words', () => {
    const zone = 'America/New_York';
    const hostile = '<script>alert("x")</script>';
    const pack = downtimePack(
      input(zone, '2026-03-09', [visitAt('a1', '2026-03-09T10:00', zone, 30, { visitReason: '=HYPERLINK("http://x","y")' })], {
        clinic: { name: 'Clinic <b>&</b>', timeZone: zone },
        resources: [{ id: 'dr-lee', kind: 'provider', name: '<img src=x onerror=alert(1)>' }],
        patients: new Map([['p1', { givenName: hostile, familyName: "O'Brien\"", phone: '+1 555' }]]),
      }),
    );
    for (const entry of pack.files.filter((candidate) => candidate.mimeType === 'text/html')) {
      expect(entry.text).not.toMatch(/<script|<img|<b>/);
      expect(entry.text).toContain("default-src 'none'");
    }
    const day = file(pack, '2026-03-09-day-sheet.html');
    expect(day).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien&quot;');
    expect(day).toContain('Clinic &lt;b&gt;&amp;&lt;/b&gt;');
    expect(day).toContain('@media print');
    expect(day).toContain('break-after: page');
    expect(file(pack, 'visits.csv')).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(file(pack, 'phone-list.csv')).toContain(`,'+1 555,`);
  });

  it('lists each patient once on the phone list, by family name, with every visit of theirs in the days', () => {
    const zone = 'America/New_York';
    const pack = downtimePack(
      input(zone, '2026-03-09', [visitAt('a1', '2026-03-10T10:00', zone, 30), visitAt('a2', '2026-03-09T11:00', zone, 30, { patientId: 'p2' }), visitAt('a3', '2026-03-12T08:15', zone, 30, { resourceIds: ['dr-lee', 'dr-kim'] })]),
    );
    expect(file(pack, 'phone-list.csv').split('\r\n')).toEqual([
      '\uFEFFPatient,Phone,Visits',
      'Ada Lovelace,555 0100,"Tue 10 Mar 10:00 Dr Lee; Thu 12 Mar 08:15 Dr Lee, Dr Kim"',
      'Alan Turing,,Mon 9 Mar 11:00 Dr Lee',
      '',
    ]);
  });
});
