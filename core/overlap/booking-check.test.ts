import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Appointment, AppointmentStatus, Closure, Resource, ScheduleBlock, SeriesOccurrence } from '../model';
import type { ClosureDays } from '../schedule';
import type { ValidationError } from '../validation';
import { checkBooking, unoverridableKinds } from './booking-check';
import type { BookingCheckInput, BookingInterval, BookingResource, ExistingBooking } from './booking-check';

const stamp = { exdates: [], version: 0, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };

/** A block repeating by `rrule` from `date`, `HH:mm`–`HH:mm` (`24:00`: the next midnight; an earlier end: the next day). */
function repeating(resourceId: string, rrule: string, date: string, start: string, end: string, kind: 'working' | 'break' = 'working', timeZone = 'UTC'): ScheduleBlock {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const wallEnd = end === '24:00' || end <= start ? `${next}T${end === '24:00' ? '00:00' : end}` : `${date}T${end}`;
  return { id: `${resourceId}-${kind}-${date}-${start}`, resourceId, kind, timeZone, wallStart: `${date}T${start}`, wallEnd, rrule, ...stamp };
}

/** Every day from 2025-01-01. */
const everyDay = (resourceId: string, start: string, end: string, kind: 'working' | 'break' = 'working', timeZone = 'UTC'): ScheduleBlock[] => [
  repeating(resourceId, 'FREQ=DAILY', '2025-01-01', start, end, kind, timeZone),
];

const resources: BookingResource[] = [
  { id: 'dr-a', kind: 'provider', timeZone: 'UTC' },
  { id: 'dr-b', kind: 'provider', timeZone: 'UTC' },
  { id: 'room-1', kind: 'room', capacity: 1, timeZone: 'UTC' },
  { id: 'group-room', kind: 'room', capacity: 2, timeZone: 'UTC' },
];
const allHours = resources.flatMap((resource) => everyDay(resource.id, '00:00', '24:00'));

/** Monday 2025-03-10, UTC, `HH:mm`–`HH:mm`. */
const at = (from: string, to: string) => ({ start: `2025-03-10T${from}:00Z`, end: `2025-03-10T${to}:00Z` });

const candidate = (id: string, times: { start: string; end: string }, resourceIds: string[], patientId: string | null = 'patient-new'): BookingInterval => ({
  id,
  ...times,
  resourceIds,
  patientId,
});
const stored = (id: string, times: { start: string; end: string }, resourceIds: string[], patientId = `patient-of-${id}`, status: AppointmentStatus = 'booked'): ExistingBooking => ({
  id,
  ...times,
  resourceIds,
  patientId,
  status,
});

function check(partial: Partial<BookingCheckInput> & Pick<BookingCheckInput, 'candidates'>) {
  return checkBooking({ existing: [], resources, schedule: allHours, closures: [], clinicTimeZone: 'UTC', ...partial });
}

describe('checkBooking: double booking', () => {
  it('refuses a provider already booked at that time, naming the appointment', () => {
    const result = check({
      candidates: [candidate('new', at('09:00', '09:30'), ['dr-a'])],
      existing: [stored('old', at('09:15', '09:45'), ['dr-a']), stored('elsewhere', at('09:00', '09:30'), ['dr-b'])],
    });
    expect(result.ok).toBe(false);
    expect(result.hard).toEqual([
      {
        kind: 'resource-double-booked',
        severity: 'hard',
        candidateId: 'new',
        candidateStart: '2025-03-10T09:00:00.000Z',
        resourceId: 'dr-a',
        resourceKind: 'provider',
        existingIds: ['old'],
        candidateIds: [],
      },
    ]);
  });

  it('allows back-to-back appointments (the end is exclusive)', () => {
    const result = check({
      candidates: [candidate('new', at('09:30', '10:00'), ['dr-a'])],
      existing: [stored('before', at('09:00', '09:30'), ['dr-a']), stored('after', at('10:00', '10:30'), ['dr-a'])],
    });
    expect(result).toEqual({ ok: true, hard: [], warnings: [] });
  });

  it('lets a room with capacity 2 take two concurrent appointments but not a third', () => {
    const one = stored('one', at('09:00', '10:00'), ['group-room']);
    const two = stored('two', at('09:30', '10:30'), ['group-room']);
    expect(check({ candidates: [candidate('new', at('09:00', '09:30'), ['group-room'])], existing: [one, two] }).ok).toBe(true);
    const third = check({ candidates: [candidate('new', at('09:45', '10:15'), ['group-room'])], existing: [one, two] });
    expect(third.hard).toEqual([expect.objectContaining({ kind: 'resource-double-booked', resourceId: 'group-room', resourceKind: 'room', existingIds: ['one', 'two'] })]);
  });

  it('treats equipment like any resource: two ultrasound machines, a third concurrent scan is refused', () => {
    const withEquipment: BookingResource[] = [...resources, { id: 'ultrasound', kind: 'equipment', capacity: 2, timeZone: 'UTC' }];
    const hours = [...allHours, ...everyDay('ultrasound', '00:00', '24:00')];
    const scans = [stored('scan-1', at('09:00', '10:00'), ['dr-a', 'ultrasound']), stored('scan-2', at('09:30', '10:30'), ['dr-b', 'ultrasound'])];
    const result = checkBooking({
      candidates: [candidate('scan-3', at('09:45', '10:15'), ['room-1', 'ultrasound'])],
      existing: scans,
      resources: withEquipment,
      schedule: hours,
      closures: [],
      clinicTimeZone: 'UTC',
    });
    expect(result.hard).toEqual([expect.objectContaining({ kind: 'resource-double-booked', resourceId: 'ultrasound', resourceKind: 'equipment', existingIds: ['scan-1', 'scan-2'] })]);
  });

  it('counts only bookings present at the same instant against capacity', () => {
    // Morning and afternoon never overlap each other, so the all-day booking makes at most two at once.
    const result = check({
      candidates: [candidate('all-day', at('09:00', '17:00'), ['group-room'])],
      existing: [stored('morning', at('09:00', '12:00'), ['group-room']), stored('afternoon', at('12:00', '17:00'), ['group-room'])],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a patient who is booked with another provider at the same time', () => {
    const result = check({
      candidates: [candidate('new', at('14:00', '14:30'), ['dr-a', 'room-1'], 'patient-7')],
      existing: [stored('with-b', at('14:20', '14:50'), ['dr-b'], 'patient-7')],
    });
    expect(result.hard).toEqual([
      {
        kind: 'patient-double-booked',
        severity: 'hard',
        candidateId: 'new',
        candidateStart: '2025-03-10T14:00:00.000Z',
        patientId: 'patient-7',
        existingIds: ['with-b'],
        candidateIds: [],
      },
    ]);
  });

  it('reports the provider and the room separately when both are taken', () => {
    const result = check({
      candidates: [candidate('new', at('09:00', '09:30'), ['dr-a', 'room-1'])],
      existing: [stored('old', at('09:00', '09:30'), ['dr-a', 'room-1'])],
    });
    expect(result.hard.map((conflict) => conflict.resourceId)).toEqual(['dr-a', 'room-1']);
  });

  it('ignores cancelled and no-show appointments', () => {
    const result = check({
      candidates: [candidate('new', at('09:00', '09:30'), ['dr-a'], 'patient-7')],
      existing: [stored('cancelled', at('09:00', '09:30'), ['dr-a'], 'patient-7', 'cancelled'), stored('no-show', at('09:00', '09:30'), ['dr-a'], 'patient-7', 'no_show')],
    });
    expect(result.ok).toBe(true);
  });

  it('does not let an appointment being moved collide with its own stored version', () => {
    const result = check({ candidates: [candidate('apt-1', at('09:15', '09:45'), ['dr-a'])], existing: [stored('apt-1', at('09:00', '09:30'), ['dr-a'])] });
    expect(result.ok).toBe(true);
  });

  it('finds series occurrences that collide with each other (daily 25-hour appointments)', () => {
    const days = ['10', '11', '12'];
    const candidates = days.map((day) =>
      candidate(`occ-${day}`, { start: `2025-03-${day}T09:00:00Z`, end: `2025-03-${String(Number(day) + 1)}T10:00:00Z` }, ['room-1'], null),
    );
    const result = check({ candidates });
    expect(result.hard.map((conflict) => [conflict.candidateId, conflict.candidateIds])).toEqual([
      ['occ-10', ['occ-11']],
      ['occ-11', ['occ-10', 'occ-12']],
      ['occ-12', ['occ-11']],
    ]);
  });

  it('counts stored bookings and the other occurrences together against capacity', () => {
    const occurrences = [candidate('occ-1', at('09:00', '10:00'), ['group-room'], null), candidate('occ-2', at('09:30', '10:30'), ['group-room'], null)];
    expect(check({ candidates: occurrences }).ok).toBe(true);
    const result = check({ candidates: occurrences, existing: [stored('old', at('09:45', '10:00'), ['group-room'])] });
    expect(result.hard.map((conflict) => [conflict.candidateId, conflict.existingIds, conflict.candidateIds])).toEqual([
      ['occ-1', ['old'], ['occ-2']],
      ['occ-2', ['old'], ['occ-1']],
    ]);
  });

  it('catches a double booking that crosses midnight', () => {
    const result = check({
      candidates: [candidate('late', { start: '2025-03-10T23:30:00Z', end: '2025-03-11T00:30:00Z' }, ['dr-a'])],
      existing: [stored('early', { start: '2025-03-11T00:00:00Z', end: '2025-03-11T00:15:00Z' }, ['dr-a'])],
    });
    expect(result.hard).toEqual([expect.objectContaining({ kind: 'resource-double-booked', existingIds: ['early'] })]);
  });

  it('accepts epoch milliseconds and ISO instants with an offset alike', () => {
    const result = check({
      candidates: [{ id: 'new', start: Date.parse('2025-03-10T09:00:00Z'), end: Date.parse('2025-03-10T09:30:00Z'), resourceIds: ['dr-a'] }],
      existing: [stored('old', { start: '2025-03-10T10:15:00+01:00', end: '2025-03-10T10:45:00+01:00' }, ['dr-a'])],
    });
    expect(result.hard).toEqual([expect.objectContaining({ existingIds: ['old'] })]);
  });
});

describe('checkBooking: working hours (warnings)', () => {
  const hours = [...everyDay('dr-a', '09:00', '17:00'), ...everyDay('dr-a', '12:00', '13:00', 'break')];

  it('warns when the booking starts before the working day', () => {
    const result = check({ candidates: [candidate('new', at('08:45', '09:15'), ['dr-a'])], schedule: hours });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        kind: 'outside-working-hours',
        severity: 'warning',
        candidateId: 'new',
        candidateStart: '2025-03-10T08:45:00.000Z',
        resourceId: 'dr-a',
        resourceKind: 'provider',
        existingIds: [],
        candidateIds: [],
        hours: 'not-covered',
        dayHours: [{ start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T17:00:00.000Z' }],
      },
    ]);
  });

  it('warns when the booking runs into a break, but not when it ends as the break starts', () => {
    expect(check({ candidates: [candidate('new', at('11:45', '12:15'), ['dr-a'])], schedule: hours }).warnings).toEqual([
      expect.objectContaining({ kind: 'outside-working-hours', hours: 'overlaps-break' }),
    ]);
    expect(check({ candidates: [candidate('new', at('11:30', '12:00'), ['dr-a'])], schedule: hours }).warnings).toEqual([]);
    expect(check({ candidates: [candidate('new', at('16:30', '17:00'), ['dr-a'])], schedule: hours }).warnings).toEqual([]);
  });

  it('reads the weekday in the resource zone (no hours on Tuesday)', () => {
    const mondayOnly = [repeating('dr-a', 'FREQ=WEEKLY;BYDAY=MO', '2025-01-06', '09:00', '17:00')];
    expect(check({ candidates: [candidate('mon', at('10:00', '10:30'), ['dr-a'])], schedule: mondayOnly }).warnings).toEqual([]);
    const tuesday = { start: '2025-03-11T10:00:00Z', end: '2025-03-11T10:30:00Z' };
    expect(check({ candidates: [candidate('tue', tuesday, ['dr-a'])], schedule: mondayOnly }).warnings).toEqual([
      expect.objectContaining({ kind: 'outside-working-hours', hours: 'not-covered' }),
    ]);
  });

  it('says so when a resource has no working hours at all', () => {
    expect(check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [] }).warnings).toEqual([
      expect.objectContaining({ kind: 'no-working-hours-defined', resourceId: 'dr-a' }),
    ]);
  });

  // Monday night 23:00 → Tuesday 01:00 and Tuesday night 23:00 → Wednesday 01:00, local, as UTC instants.
  const midnightCases: [zone: string, mondayNight: [string, string], tuesdayNight: [string, string]][] = [
    ['UTC', ['2025-03-10T23:00:00Z', '2025-03-11T01:00:00Z'], ['2025-03-11T23:00:00Z', '2025-03-12T01:00:00Z']],
    ['Asia/Kolkata', ['2025-03-10T17:30:00Z', '2025-03-10T19:30:00Z'], ['2025-03-11T17:30:00Z', '2025-03-11T19:30:00Z']],
  ];
  it.each(midnightCases)('%s: joins a shift until 24:00 to one from 00:00 so a booking can cross midnight', (zone, mondayNight, tuesdayNight) => {
    const nights = [
      repeating('dr-n', 'FREQ=WEEKLY;BYDAY=MO', '2025-01-06', '18:00', '24:00', 'working', zone),
      repeating('dr-n', 'FREQ=WEEKLY;BYDAY=TU', '2025-01-07', '00:00', '06:00', 'working', zone),
    ];
    const verdict = ([start, end]: [string, string]) =>
      checkBooking({
        candidates: [{ id: 'night', start, end, resourceIds: ['dr-n'] }],
        existing: [],
        resources: [{ id: 'dr-n', kind: 'provider', timeZone: zone }],
        schedule: nights,
        closures: [],
        clinicTimeZone: zone,
      }).warnings.map((warning) => warning.hours);
    expect(verdict(mondayNight)).toEqual([]);
    expect(verdict(tuesdayNight)).toEqual(['not-covered']); // Tuesday's shift ends at 06:00
  });

  // 09:00–17:00 local every day; each case gives the real UTC instants of 09:00 and 17:00 that day.
  const dstCases: [zone: string, day: string, nineUtc: string, fiveUtc: string][] = [
    ['America/New_York', '2025-03-09 (spring forward, EDT)', '2025-03-09T13:00:00Z', '2025-03-09T21:00:00Z'],
    ['America/New_York', '2025-11-02 (fall back, EST)', '2025-11-02T14:00:00Z', '2025-11-02T22:00:00Z'],
    ['Europe/London', '2025-03-30 (spring forward, BST)', '2025-03-30T08:00:00Z', '2025-03-30T16:00:00Z'],
    ['Europe/London', '2025-10-26 (fall back, GMT)', '2025-10-26T09:00:00Z', '2025-10-26T17:00:00Z'],
    ['Australia/Sydney', '2025-04-06 (fall back, AEST)', '2025-04-05T23:00:00Z', '2025-04-06T07:00:00Z'],
    ['Australia/Sydney', '2025-10-05 (spring forward, AEDT)', '2025-10-04T22:00:00Z', '2025-10-05T06:00:00Z'],
    ['Asia/Kolkata', '2025-03-09 (+05:30, no DST)', '2025-03-09T03:30:00Z', '2025-03-09T11:30:00Z'],
  ];
  it.each(dstCases)('%s %s: 09:00–17:00 is still 09:00–17:00 on the clock', (zone, _day, nineUtc, fiveUtc) => {
    const local: BookingResource[] = [{ id: 'dr-z', kind: 'provider', timeZone: zone }];
    const schedule = everyDay('dr-z', '09:00', '17:00', 'working', zone);
    const nine = Date.parse(nineUtc);
    const five = Date.parse(fiveUtc);
    const verdict = (start: number, end: number) =>
      checkBooking({ candidates: [{ id: 'c', start, end, resourceIds: ['dr-z'] }], existing: [], resources: local, schedule, closures: [], clinicTimeZone: zone })
        .warnings.map((warning) => warning.hours);
    const halfHour = 30 * 60_000;
    expect(verdict(nine, nine + halfHour)).toEqual([]);
    expect(verdict(five - halfHour, five)).toEqual([]);
    expect(verdict(nine - halfHour, nine)).toEqual(['not-covered']);
    expect(verdict(five, five + halfHour)).toEqual(['not-covered']);
  });
});

describe('checkBooking: blockouts, leave and one-day changes, by name', () => {
  const week = repeating('dr-a', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2025-03-03', '09:00', '17:00');
  const once = (id: string, start: string, end: string, extra: Partial<ScheduleBlock> & Pick<ScheduleBlock, 'kind'>): ScheduleBlock =>
    ({ id, resourceId: 'dr-a', timeZone: 'UTC', wallStart: `2025-03-10T${start}`, wallEnd: `2025-03-10T${end}`, ...stamp, ...extra }) as ScheduleBlock;

  it('refuses a hard blockout or leave outright (nobody may override it), naming the block and its time', () => {
    const meeting = once('meeting', '13:00', '14:00', { kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard' });
    const result = check({ candidates: [candidate('new', at('13:30', '14:00'), ['dr-a'])], schedule: [week, meeting] });
    expect(result.ok).toBe(false);
    expect(result.hard).toEqual([
      expect.objectContaining({
        kind: 'schedule-blocked',
        severity: 'hard',
        resourceId: 'dr-a',
        block: { blockId: 'meeting', blockKind: 'blockout', name: 'Staff meeting', start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T14:00:00.000Z' },
      }),
    ]);
    expect(unoverridableKinds).toContain('schedule-blocked');
    const leave = once('leave', '00:00', '24:00', { kind: 'leave', reason: 'Annual leave', wallEnd: '2025-03-11T00:00' });
    expect(check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [week, leave] }).hard).toEqual([
      expect.objectContaining({ kind: 'schedule-blocked', block: expect.objectContaining({ blockKind: 'leave', name: 'Annual leave' }) }),
    ]);
  });

  it('holds a soft blockout for a manager (hard, overridable) and names it', () => {
    const emergencies = once('em', '09:00', '11:00', { kind: 'blockout', blockoutType: 'Emergencies only', enforcement: 'soft' });
    const result = check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [week, emergencies] });
    expect(result.hard).toEqual([expect.objectContaining({ kind: 'soft-blockout', block: expect.objectContaining({ blockId: 'em', name: 'Emergencies only' }) })]);
    expect(unoverridableKinds).not.toContain('soft-blockout');
  });

  it('reads a day with an override by the override: outside it is outside the day, naming it; leave still wins over it', () => {
    const shortDay = once('short', '09:00', '12:00', { kind: 'override', label: 'Christmas Eve hours' });
    const afternoon = check({ candidates: [candidate('new', at('14:00', '14:30'), ['dr-a'])], schedule: [week, shortDay] });
    expect(afternoon.warnings).toEqual([
      expect.objectContaining({
        kind: 'outside-working-hours',
        hours: 'not-covered',
        dayHours: [{ start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T12:00:00.000Z' }],
        override: { blockId: 'short', name: 'Christmas Eve hours' },
      }),
    ]);
    expect(check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [week, shortDay] }).ok).toBe(true);
    // The day's hours are the day's, whatever part of it the visit takes: an override later that
    // day still replaces the morning, and a visit after the hours is told the hours it missed.
    const afternoonOnly = once('pm', '13:00', '15:00', { kind: 'override', label: 'Afternoon only' });
    expect(check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [week, afternoonOnly] }).warnings).toEqual([
      expect.objectContaining({ kind: 'outside-working-hours', dayHours: [{ start: '2025-03-10T13:00:00.000Z', end: '2025-03-10T15:00:00.000Z' }], override: { blockId: 'pm', name: 'Afternoon only' } }),
    ]);
    expect(check({ candidates: [candidate('new', at('17:30', '18:00'), ['dr-a'])], schedule: [week] }).warnings).toEqual([
      expect.objectContaining({ kind: 'outside-working-hours', hours: 'not-covered', dayHours: [{ start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T17:00:00.000Z' }] }),
    ]);
    const dayOff = { ...once('off', '00:00', '00:00', { kind: 'override' }), wallEnd: null } as ScheduleBlock;
    expect(check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [week, dayOff] }).warnings).toEqual([
      expect.objectContaining({ kind: 'outside-working-hours', dayHours: [], override: { blockId: 'off' } }),
    ]);
    const leave = once('leave', '10:00', '11:00', { kind: 'leave', reason: 'Dentist' });
    expect(check({ candidates: [candidate('new', at('10:00', '10:30'), ['dr-a'])], schedule: [week, shortDay, leave] }).hard).toEqual([
      expect.objectContaining({ kind: 'schedule-blocked', block: expect.objectContaining({ blockId: 'leave' }) }),
    ]);
  });

  it('names the break a booking runs into', () => {
    const lunch = repeating('dr-a', 'FREQ=DAILY', '2025-03-01', '12:00', '13:00', 'break');
    const result = check({ candidates: [candidate('new', at('12:30', '13:00'), ['dr-a'])], schedule: [week, { ...lunch, label: 'Lunch' }] });
    expect(result.warnings).toEqual([
      expect.objectContaining({ kind: 'outside-working-hours', hours: 'overlaps-break', block: expect.objectContaining({ blockKind: 'break', name: 'Lunch', start: '2025-03-10T12:00:00.000Z' }) }),
    ]);
  });
});

describe('checkBooking: closures', () => {
  const christmas = { resourceId: null, startDate: '2025-12-25', endDate: '2025-12-26', reason: 'Christmas' };

  it('refuses any booking on a clinic-wide closure day, read in the clinic zone', () => {
    const local: BookingResource[] = [{ id: 'dr-a', kind: 'provider', timeZone: 'America/New_York' }];
    const schedule = everyDay('dr-a', '00:00', '24:00', 'working', 'America/New_York');
    const run = (start: string, end: string) =>
      checkBooking({ candidates: [{ id: 'c', start, end, resourceIds: ['dr-a'] }], existing: [], resources: local, schedule, closures: [christmas], clinicTimeZone: 'America/New_York' });
    // 26 Dec 23:30 New York is 27 Dec 04:30Z: still closed there.
    expect(run('2025-12-27T04:30:00Z', '2025-12-27T04:45:00Z').hard).toEqual([
      { kind: 'closed', severity: 'hard', candidateId: 'c', candidateStart: '2025-12-27T04:30:00.000Z', existingIds: [], candidateIds: [], closureReason: 'Christmas' },
    ]);
    // 27 Dec 00:00 New York (05:00Z) is open again; 24 Dec 23:45 (25 Dec 04:45Z) not yet closed.
    expect(run('2025-12-27T05:00:00Z', '2025-12-27T05:30:00Z').ok).toBe(true);
    expect(run('2025-12-25T04:45:00Z', '2025-12-25T05:00:00Z').ok).toBe(true);
  });

  it('reads a clinic-wide closure in the clinic zone even for a resource in another zone', () => {
    // A telehealth provider in Kolkata (+05:30) working for a New York clinic.
    const remote: BookingResource[] = [{ id: 'dr-k', kind: 'provider', timeZone: 'Asia/Kolkata' }];
    const run = (start: string, end: string) =>
      checkBooking({
        candidates: [{ id: 'c', start, end, resourceIds: ['dr-k'] }],
        existing: [],
        resources: remote,
        schedule: everyDay('dr-k', '00:00', '24:00', 'working', 'Asia/Kolkata'),
        closures: [christmas],
        clinicTimeZone: 'America/New_York',
      });
    // 27 Dec 03:00Z: already 27 Dec 08:30 in Kolkata, but still 26 Dec 22:00 at the clinic: closed.
    expect(run('2025-12-27T03:00:00Z', '2025-12-27T03:30:00Z').hard).toEqual([expect.objectContaining({ kind: 'closed', closureReason: 'Christmas' })]);
    // 25 Dec 02:00Z: 25 Dec 07:30 in Kolkata, but 24 Dec 21:00 at the clinic: open.
    expect(run('2025-12-25T02:00:00Z', '2025-12-25T02:30:00Z').ok).toBe(true);
  });

  it('reads a closure of one resource in that resource zone', () => {
    const remote: BookingResource[] = [{ id: 'dr-k', kind: 'provider', timeZone: 'Asia/Kolkata' }];
    const leave = { resourceId: 'dr-k', startDate: '2025-12-25', endDate: '2025-12-25', reason: 'Leave' };
    const run = (start: string) =>
      checkBooking({
        candidates: [{ id: 'c', start, end: Date.parse(start) + 30 * 60_000, resourceIds: ['dr-k'] }],
        existing: [],
        resources: remote,
        schedule: everyDay('dr-k', '00:00', '24:00', 'working', 'Asia/Kolkata'),
        closures: [leave],
        clinicTimeZone: 'America/New_York',
      }).ok;
    // 24 Dec 19:00Z is 25 Dec 00:30 in Kolkata (closed there) though still 24 Dec at the clinic.
    expect(run('2025-12-24T19:00:00Z')).toBe(false);
    // 25 Dec 18:30Z is 26 Dec 00:00 in Kolkata: open again.
    expect(run('2025-12-25T18:30:00Z')).toBe(true);
  });

  it('closes only the bookings of the resource a per-resource closure names', () => {
    const leave = { resourceId: 'dr-a', startDate: '2025-03-10', endDate: '2025-03-10', reason: 'Annual leave' };
    expect(check({ candidates: [candidate('with-a', at('10:00', '10:30'), ['dr-a', 'room-1'])], closures: [leave] }).hard).toEqual([
      expect.objectContaining({ kind: 'closed', resourceId: 'dr-a', resourceKind: 'provider', closureReason: 'Annual leave' }),
    ]);
    expect(check({ candidates: [candidate('with-b', at('10:00', '10:30'), ['dr-b', 'room-1'])], closures: [leave] }).ok).toBe(true);
  });

  it('reports a closure as a warning when the clinic asks for that', () => {
    const result = check({ candidates: [candidate('new', { start: '2025-12-25T10:00:00Z', end: '2025-12-25T10:30:00Z' }, ['dr-a'])], closures: [christmas], closureSeverity: 'warning' });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ kind: 'closed', severity: 'warning' })]);
  });
});

describe('checkBooking: bad input', () => {
  it.each([
    ['a resource that does not exist', { candidates: [candidate('c', at('09:00', '09:30'), ['dr-a', 'dr-x'])] }, 'unknown-entity', 'candidates.0.resourceIds.1'],
    ['an end before the start', { candidates: [candidate('c', at('09:30', '09:00'), ['dr-a'])] }, 'end-not-after-start', 'candidates.0.end'],
    ['a time without a zone', { candidates: [candidate('c', { start: '2025-03-10T09:00:00', end: '2025-03-10T09:30:00Z' }, ['dr-a'])] }, 'invalid-format', 'candidates.0.start'],
    ['two candidates with one id', { candidates: [candidate('c', at('09:00', '09:30'), ['dr-a']), candidate('c', at('10:00', '10:30'), ['dr-a'])] }, 'duplicate-id', 'candidates.1.id'],
    [
      'a capacity of 0',
      { candidates: [candidate('c', at('09:00', '09:30'), ['dr-a'])], resources: [{ id: 'dr-a', kind: 'provider' as const, capacity: 0, timeZone: 'UTC' }] },
      'invalid-capacity',
      'resources.0.capacity',
    ],
    [
      'a working block ending before it starts',
      { candidates: [candidate('c', at('09:00', '09:30'), ['dr-a'])], schedule: [...allHours, { ...repeating('dr-a', 'FREQ=WEEKLY;BYDAY=XX', '2025-01-06', '09:00', '17:00') }] },
      'invalid-rrule',
      `schedule.${allHours.length}.rrule`,
    ],
    [
      'a closure with an impossible date',
      { candidates: [candidate('c', at('09:00', '09:30'), ['dr-a'])], closures: [{ resourceId: null, startDate: '2025-02-30', endDate: '2025-03-01', reason: 'x' }] },
      'invalid-date',
      'closures.0.startDate',
    ],
  ])('refuses %s, naming the field', (_what, partial, code, field) => {
    expect(() => check(partial)).toThrow(expect.objectContaining({ code, field }) as ValidationError);
  });
});

describe('checkBooking input types', () => {
  it('accepts core/model records as they are', () => {
    expectTypeOf<Appointment>().toExtend<ExistingBooking>();
    expectTypeOf<SeriesOccurrence>().toExtend<BookingInterval>();
    expectTypeOf<Resource>().toExtend<BookingResource>();
    expectTypeOf<Closure>().toExtend<ClosureDays>();
  });
});
