import { describe, expect, it } from 'vitest';
import { parseWaitlistRequest } from '../model';
import { block } from '../schedule/schedule.fixture';
import { freedBySchedule } from './freed-by-schedule';
import { freedTime } from './freed-time';
import { daysWaited, matchFreedSlot } from './match-freed-slot';
import { nextWaitlistState } from './waitlist-transitions';
import { waitingEntry } from './waitlist.fixture';

const entry = waitingEntry;
// Dr Lee, Tuesday 12 January 2027 10:30–11:10 in New York (15:30–16:10Z).
const slot = { providerId: 'dr-lee', timeZone: 'America/New_York', start: Date.parse('2027-01-12T15:30:00Z'), end: Date.parse('2027-01-12T16:10:00Z') };
const now = Date.parse('2027-01-12T15:00:00Z');
const ids = (matches: ReturnType<typeof matchFreedSlot>) => matches.map((match) => match.entry.id);

describe('matchFreedSlot', () => {
  it('ranks the waiting patients who fit by priority, then who waited longest', () => {
    const entries = [
      entry('late-routine', { createdAt: '2027-01-05T09:00:00.000Z' }),
      entry('early-routine', { createdAt: '2026-12-01T09:00:00.000Z' }),
      entry('urgent', { priority: 'urgent', createdAt: '2027-01-10T09:00:00.000Z' }),
      entry('soon', { priority: 'soon' }),
    ];
    const matches = matchFreedSlot(entries, slot, now);
    expect(ids(matches)).toEqual(['urgent', 'soon', 'early-routine', 'late-routine']);
    expect(matches[0]).toMatchObject({ start: slot.start, end: slot.start + 30 * 60_000, waitedMs: now - Date.parse('2027-01-10T09:00:00Z') });
  });

  it('leaves out who does not fit: too long, another provider, outside their dates, days or times, not waiting', () => {
    const entries = [
      entry('fits'),
      entry('too-long', { durationMinutes: 45 }),
      entry('other-doctor', { providers: ['dr-chen'] }),
      entry('wants-lee', { providers: ['dr-chen', 'dr-lee'] }),
      entry('not-yet', { earliestDate: '2027-01-13' }),
      entry('too-late', { latestDate: '2027-01-11' }),
      entry('fridays', { weekdays: [5] }),
      entry('tuesdays', { weekdays: [2] }),
      entry('afternoons', { times: [{ start: '13:00', end: '17:00' }] }),
      entry('till-eleven', { times: [{ start: '09:00', end: '11:00' }] }),
      entry('from-ten-forty', { times: [{ start: '10:40', end: '12:00' }] }),
      entry('offered', { state: { kind: 'offered', slot: { start: '2027-01-12T15:30:00.000Z', end: '2027-01-12T16:00:00.000Z', providerId: 'dr-lee' }, at: '2027-01-12T14:00:00.000Z', by: 'staff-desk' } }),
    ];
    const matches = matchFreedSlot(entries, slot, now);
    expect(ids(matches).sort()).toEqual(['fits', 'from-ten-forty', 'till-eleven', 'tuesdays', 'wants-lee']);
    // 10:40 on Dr Lee's clock is where that patient's window starts.
    expect(matches.find((match) => match.entry.id === 'from-ten-forty')?.start).toBe(Date.parse('2027-01-12T15:40:00Z'));
  });

  it('reads dates and times on the provider’s clock (Sydney, the day before in UTC)', () => {
    const sydney = { providerId: 'dr-ng', timeZone: 'Australia/Sydney', start: Date.parse('2027-01-11T22:00:00Z'), end: Date.parse('2027-01-11T23:00:00Z') }; // Tue 12 Jan 09:00–10:00
    expect(ids(matchFreedSlot([entry('tue', { weekdays: [2], earliestDate: '2027-01-12', times: [{ start: '09:00', end: '10:00' }] }), entry('mon', { weekdays: [1] })], sydney, now))).toEqual(['tue']);
  });

  it('counts whole days waited', () => {
    expect(daysWaited(entry('a'), Date.parse('2027-01-13T08:59:00Z'))).toBe(11);
  });
});

describe('freedTime', () => {
  const visit = { start: 0, end: 60, resourceIds: ['dr-lee', 'room-1'] };
  it('frees all of a cancelled or no-show visit on every resource', () => {
    expect(freedTime(visit, null)).toEqual([
      { resourceId: 'dr-lee', start: 0, end: 60 },
      { resourceId: 'room-1', start: 0, end: 60 },
    ]);
  });
  it('frees what a move or a shortening left, and the whole span on a resource it left', () => {
    expect(freedTime(visit, { start: 30, end: 90, resourceIds: ['dr-lee', 'room-2'] })).toEqual([
      { resourceId: 'dr-lee', start: 0, end: 30 },
      { resourceId: 'room-1', start: 0, end: 60 },
    ]);
    expect(freedTime(visit, { start: 0, end: 45, resourceIds: visit.resourceIds })).toEqual([
      { resourceId: 'dr-lee', start: 45, end: 60 },
      { resourceId: 'room-1', start: 45, end: 60 },
    ]);
    expect(freedTime(visit, { start: 0, end: 90, resourceIds: visit.resourceIds })).toEqual([]);
  });

  // Dr Lee in Room 1, Tuesday 12 January 2027 10:30–11:10 in New York (15:30–16:10Z).
  const at = (iso: string) => Date.parse(iso);
  const tuesday = { start: at('2027-01-12T15:30:00Z'), end: at('2027-01-12T16:10:00Z'), resourceIds: ['dr-lee', 'room-1'] };
  it('frees the old time of a visit moved later the same day, and only the part the new time left', () => {
    expect(freedTime(tuesday, { start: at('2027-01-12T19:00:00Z'), end: at('2027-01-12T19:40:00Z'), resourceIds: tuesday.resourceIds })).toEqual([
      { resourceId: 'dr-lee', start: tuesday.start, end: tuesday.end },
      { resourceId: 'room-1', start: tuesday.start, end: tuesday.end },
    ]);
    // Moved 20 minutes later: 10:30–10:50 is free, 10:50–11:10 is still the visit's.
    expect(freedTime(tuesday, { start: at('2027-01-12T15:50:00Z'), end: at('2027-01-12T16:30:00Z'), resourceIds: ['dr-lee'] })).toEqual([
      { resourceId: 'dr-lee', start: tuesday.start, end: at('2027-01-12T15:50:00Z') },
      { resourceId: 'room-1', start: tuesday.start, end: tuesday.end },
    ]);
  });
  it('frees the whole old time of a visit moved to another day', () => {
    expect(freedTime(tuesday, { start: at('2027-01-14T15:30:00Z'), end: at('2027-01-14T16:10:00Z'), resourceIds: tuesday.resourceIds })).toEqual([
      { resourceId: 'dr-lee', start: tuesday.start, end: tuesday.end },
      { resourceId: 'room-1', start: tuesday.start, end: tuesday.end },
    ]);
  });
  it('frees the tail of a shortened visit, and nothing when it is lengthened or starts earlier over its own time', () => {
    expect(freedTime(tuesday, { ...tuesday, end: at('2027-01-12T15:50:00Z') })).toEqual([
      { resourceId: 'dr-lee', start: at('2027-01-12T15:50:00Z'), end: tuesday.end },
      { resourceId: 'room-1', start: at('2027-01-12T15:50:00Z'), end: tuesday.end },
    ]);
    expect(freedTime(tuesday, { ...tuesday, end: at('2027-01-12T16:30:00Z') })).toEqual([]);
    expect(freedTime(tuesday, { ...tuesday, start: at('2027-01-12T15:00:00Z') })).toEqual([]);
  });
});

describe('freedBySchedule', () => {
  const weekdays = (change: { wallEnd?: string } = {}) =>
    block({ id: 'week', kind: 'working', timeZone: 'America/New_York', wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', ...change });
  // Monday 11 to Wednesday 13 January 2027, New York (UTC−5).
  const range = { from: Date.parse('2027-01-11T05:00:00Z'), to: Date.parse('2027-01-14T05:00:00Z'), clinicTimeZone: 'America/New_York' };
  const change = (blocksBefore: ReturnType<typeof block>[], blocksAfter: ReturnType<typeof block>[], booked: { start: number; end: number }[] = []) =>
    freedBySchedule({ resourceId: 'dr-lee', blocksBefore, blocksAfter, closures: [], range, booked });
  const iso = (spans: { start: number; end: number }[]) => spans.map((span) => [new Date(span.start).toISOString(), new Date(span.end).toISOString()]);

  it('frees the hour added to each day when hours are extended, minus what is already booked', () => {
    const booked = [{ start: Date.parse('2027-01-12T22:00:00Z'), end: Date.parse('2027-01-12T22:30:00Z') }];
    const freed = change([weekdays()], [weekdays({ wallEnd: '2027-01-04T18:00' })], booked);
    expect(freed.every((span) => span.resourceId === 'dr-lee')).toBe(true);
    expect(iso(freed)).toEqual([
      ['2027-01-11T22:00:00.000Z', '2027-01-11T23:00:00.000Z'],
      ['2027-01-12T22:30:00.000Z', '2027-01-12T23:00:00.000Z'],
      ['2027-01-13T22:00:00.000Z', '2027-01-13T23:00:00.000Z'],
    ]);
  });

  it('frees a longer day set by changed hours, and a blockout or leave removed or ended', () => {
    const longTuesday = block({ id: 'tue', kind: 'override', timeZone: 'America/New_York', wallStart: '2027-01-12T08:00', wallEnd: '2027-01-12T19:00' });
    expect(iso(change([weekdays()], [weekdays(), longTuesday]))).toEqual([
      ['2027-01-12T13:00:00.000Z', '2027-01-12T14:00:00.000Z'],
      ['2027-01-12T22:00:00.000Z', '2027-01-13T00:00:00.000Z'],
    ]);
    const meeting = block({ id: 'meet', kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard', timeZone: 'America/New_York', wallStart: '2027-01-11T15:00', wallEnd: '2027-01-11T16:00', rrule: 'FREQ=DAILY' });
    expect(iso(change([weekdays(), meeting], [weekdays()]))).toEqual([
      ['2027-01-11T20:00:00.000Z', '2027-01-11T21:00:00.000Z'],
      ['2027-01-12T20:00:00.000Z', '2027-01-12T21:00:00.000Z'],
      ['2027-01-13T20:00:00.000Z', '2027-01-13T21:00:00.000Z'],
    ]);
    // Ended after Monday: Tuesday's and Wednesday's meetings are free time now.
    expect(iso(change([weekdays(), meeting], [weekdays(), { ...meeting, rrule: 'FREQ=DAILY;UNTIL=20270112T045959Z' }]))).toEqual([
      ['2027-01-12T20:00:00.000Z', '2027-01-12T21:00:00.000Z'],
      ['2027-01-13T20:00:00.000Z', '2027-01-13T21:00:00.000Z'],
    ]);
    const leave = block({ id: 'leave', kind: 'leave', reason: 'Course', timeZone: 'America/New_York', wallStart: '2027-01-13T00:00', wallEnd: '2027-01-14T00:00' });
    expect(iso(change([weekdays(), leave], [weekdays()]))).toEqual([['2027-01-13T14:00:00.000Z', '2027-01-13T22:00:00.000Z']]);
  });

  it('frees nothing when hours are cut, leave is added, or a blockout turns soft; a soft blockout removed is free', () => {
    expect(change([weekdays()], [weekdays({ wallEnd: '2027-01-04T16:00' })])).toEqual([]);
    const leave = block({ id: 'leave', kind: 'leave', reason: 'Course', timeZone: 'America/New_York', wallStart: '2027-01-13T00:00', wallEnd: '2027-01-14T00:00' });
    expect(change([weekdays()], [weekdays(), leave])).toEqual([]);
    const hard = block({ id: 'meet', kind: 'blockout', blockoutType: 'Emergencies', enforcement: 'hard', timeZone: 'America/New_York', wallStart: '2027-01-12T09:00', wallEnd: '2027-01-12T10:00' });
    const soft = { ...hard, enforcement: 'soft' } as typeof hard;
    expect(change([weekdays(), hard], [weekdays(), soft])).toEqual([]);
    expect(iso(change([weekdays(), soft], [weekdays()]))).toEqual([['2027-01-12T14:00:00.000Z', '2027-01-12T15:00:00.000Z']]);
  });

  it('keeps the wall-clock hours across a clock change (New York, 14 March 2027; London, 28 March 2027)', () => {
    const march = { from: Date.parse('2027-03-12T05:00:00Z'), to: Date.parse('2027-03-16T04:00:00Z'), clinicTimeZone: 'America/New_York' };
    const freed = freedBySchedule({ resourceId: 'dr-lee', blocksBefore: [weekdays()], blocksAfter: [weekdays({ wallEnd: '2027-01-04T18:00' })], closures: [], range: march, booked: [] });
    // Friday 17:00 EST is 22:00Z; Monday after the change 17:00 EDT is 21:00Z.
    expect(iso(freed)).toEqual([
      ['2027-03-12T22:00:00.000Z', '2027-03-12T23:00:00.000Z'],
      ['2027-03-15T21:00:00.000Z', '2027-03-15T22:00:00.000Z'],
    ]);
    const london = (wallEnd: string) => block({ id: 'sun', kind: 'working', timeZone: 'Europe/London', wallStart: '2027-03-27T09:00', wallEnd, rrule: 'FREQ=DAILY;COUNT=2' });
    const weekend = { from: Date.parse('2027-03-27T00:00:00Z'), to: Date.parse('2027-03-29T00:00:00Z'), clinicTimeZone: 'Europe/London' };
    expect(iso(freedBySchedule({ resourceId: 'dr-lee', blocksBefore: [london('2027-03-27T12:00')], blocksAfter: [london('2027-03-27T13:00')], closures: [], range: weekend, booked: [] }))).toEqual([
      ['2027-03-27T12:00:00.000Z', '2027-03-27T13:00:00.000Z'],
      ['2027-03-28T11:00:00.000Z', '2027-03-28T12:00:00.000Z'],
    ]);
  });

  it('frees a closure-free day only: a closed day stays closed whatever the hours', () => {
    const closed = [{ resourceId: null, startDate: '2027-01-12', endDate: '2027-01-12', reason: 'Inspection' }];
    const freed = freedBySchedule({ resourceId: 'dr-lee', blocksBefore: [weekdays()], blocksAfter: [weekdays({ wallEnd: '2027-01-04T18:00' })], closures: closed, range, booked: [] });
    expect(iso(freed)).toEqual([
      ['2027-01-11T22:00:00.000Z', '2027-01-11T23:00:00.000Z'],
      ['2027-01-13T22:00:00.000Z', '2027-01-13T23:00:00.000Z'],
    ]);
  });
});

describe('waitlist entries', () => {
  const request = { patientId: 'p1', providers: { kind: 'provider' }, durationMinutes: 30, reason: 'Sooner if possible' };
  it('refuses a missing patient, a bad length and an earliest date after the latest, by field', () => {
    const problem = (input: unknown) => {
      try {
        parseWaitlistRequest(input);
      } catch (error) {
        return error as { code: string; field: string };
      }
      return undefined;
    };
    expect(problem({ ...request, patientId: undefined })).toMatchObject({ code: 'required', field: 'patientId' });
    expect(problem({ ...request, durationMinutes: 0 })).toMatchObject({ code: 'invalid-duration', field: 'durationMinutes' });
    expect(problem({ ...request, durationMinutes: 1441 })).toMatchObject({ code: 'invalid-duration', field: 'durationMinutes' });
    expect(problem({ ...request, earliestDate: '2027-02-01', latestDate: '2027-01-31' })).toMatchObject({ code: 'end-not-after-start', field: 'latestDate' });
    expect(problem({ ...request, times: [{ start: '12:00', end: '09:00' }] })).toMatchObject({ code: 'end-not-after-start', field: 'times.0.end' });
    expect(parseWaitlistRequest(request).priority).toBe('routine');
  });

  it('moves waiting → offered → booked, back to waiting on a decline, and never out of booked or removed', () => {
    const at = '2027-01-12T15:01:00.000Z';
    const offered = nextWaitlistState(entry('a'), { kind: 'offer', slot: { start: '2027-01-12T15:30:00.000Z', end: '2027-01-12T16:00:00.000Z', providerId: 'dr-lee' }, at, by: 'staff-desk' });
    expect(offered.kind).toBe('offered');
    expect(nextWaitlistState({ state: offered }, { kind: 'decline', at, by: 'staff-desk' })).toEqual({ kind: 'waiting' });
    const booked = nextWaitlistState({ state: offered }, { kind: 'book', appointmentId: 'a9', at, by: 'staff-desk' });
    expect(booked).toEqual({ kind: 'booked', appointmentId: 'a9', at, by: 'staff-desk' });
    expect(() => nextWaitlistState({ state: booked }, { kind: 'remove', reason: 'Moved away', at, by: 'staff-desk' })).toThrow(expect.objectContaining({ code: 'invalid-status-transition', field: 'state' }));
    expect(() => nextWaitlistState(entry('b'), { kind: 'remove', reason: '  ', at, by: 'staff-desk' })).toThrow(expect.objectContaining({ code: 'reason-required' }));
    const removed = nextWaitlistState(entry('c'), { kind: 'remove', reason: 'Found another clinic', at, by: 'staff-desk' });
    expect(() => nextWaitlistState({ state: removed }, { kind: 'book', appointmentId: 'a1', at, by: 'staff-desk' })).toThrow(expect.objectContaining({ code: 'invalid-status-transition' }));
  });
});
