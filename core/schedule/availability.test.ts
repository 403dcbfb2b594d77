import { describe, expect, it } from 'vitest';
import { availability } from './availability';
import { block, spans } from './schedule.fixture';

const day = (date: string, clinicTimeZone = 'UTC') => ({ from: `${date}T00:00:00Z`, to: `${date}T23:59:59Z`, clinicTimeZone });
const weekdays = block({ id: 'week', kind: 'working', wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' });

describe('availability', () => {
  it('is the working time minus breaks, hard blockouts and leave', () => {
    const lunch = block({ id: 'lunch', kind: 'break', wallStart: '2027-01-04T12:30', wallEnd: '2027-01-04T13:15', rrule: 'FREQ=DAILY' });
    const meeting = block({ id: 'meeting', kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard', wallStart: '2027-01-12T15:00', wallEnd: '2027-01-12T16:00', rrule: 'FREQ=WEEKLY' });
    const dentist = block({ id: 'dentist', kind: 'leave', reason: 'Dentist', wallStart: '2027-01-12T09:00', wallEnd: '2027-01-12T10:00' });
    expect(spans(availability([weekdays, lunch, meeting, dentist], [], day('2027-01-12')))).toEqual([
      ['2027-01-12T10:00:00.000Z', '2027-01-12T12:30:00.000Z'],
      ['2027-01-12T13:15:00.000Z', '2027-01-12T15:00:00.000Z'],
      ['2027-01-12T16:00:00.000Z', '2027-01-12T17:00:00.000Z'],
    ]);
    expect(availability([weekdays], [], day('2027-01-09'))).toEqual([]); // Saturday
  });

  it('merges overlapping and touching working blocks, never counting time twice', () => {
    const morning = block({ id: 'am', kind: 'working', wallStart: '2027-01-12T08:00', wallEnd: '2027-01-12T13:00' });
    const late = block({ id: 'late', kind: 'working', wallStart: '2027-01-12T17:00', wallEnd: '2027-01-12T19:00' });
    expect(spans(availability([weekdays, morning, late], [], day('2027-01-12')))).toEqual([['2027-01-12T08:00:00.000Z', '2027-01-12T19:00:00.000Z']]);
  });

  it('lets an override replace the day: hours, or a day off; leave still wins over it', () => {
    const christmasEve = block({ id: 'eve', kind: 'override', label: 'Christmas Eve', wallStart: '2027-12-24T09:00', wallEnd: '2027-12-24T12:00' });
    expect(spans(availability([weekdays, christmasEve], [], day('2027-12-24')))).toEqual([['2027-12-24T09:00:00.000Z', '2027-12-24T12:00:00.000Z']]);
    const off = block({ id: 'off', kind: 'override', wallStart: '2027-12-24T00:00', wallEnd: null });
    expect(availability([weekdays, off], [], day('2027-12-24'))).toEqual([]);
    // An override on a Saturday adds a day that has no working blocks at all.
    const saturday = block({ id: 'sat', kind: 'override', wallStart: '2027-12-25T10:00', wallEnd: '2027-12-25T12:00' });
    expect(spans(availability([weekdays, saturday], [], day('2027-12-25')))).toEqual([['2027-12-25T10:00:00.000Z', '2027-12-25T12:00:00.000Z']]);
    const leave = block({ id: 'leave', kind: 'leave', reason: 'Annual leave', wallStart: '2027-12-24T00:00', wallEnd: '2027-12-25T00:00' });
    expect(availability([weekdays, christmasEve, leave], [], day('2027-12-24'))).toEqual([]);
  });

  it('keeps soft blockouts bookable and names them on the spans they cover', () => {
    const emergencies = block({ id: 'em', kind: 'blockout', blockoutType: 'Emergencies only', enforcement: 'soft', wallStart: '2027-01-12T09:00', wallEnd: '2027-01-12T11:00' });
    const labelled = block({ id: 'tr', kind: 'blockout', label: 'Training slot', blockoutType: 'Teaching', enforcement: 'soft', wallStart: '2027-01-12T10:00', wallEnd: '2027-01-12T12:00' });
    const result = availability([weekdays, emergencies, labelled], [], day('2027-01-12'));
    expect(spans(result)).toEqual([
      ['2027-01-12T09:00:00.000Z', '2027-01-12T10:00:00.000Z', 'em'],
      ['2027-01-12T10:00:00.000Z', '2027-01-12T11:00:00.000Z', 'em', 'tr'],
      ['2027-01-12T11:00:00.000Z', '2027-01-12T12:00:00.000Z', 'tr'],
      ['2027-01-12T12:00:00.000Z', '2027-01-12T17:00:00.000Z'],
    ]);
    expect(result[1]?.soft).toEqual([
      { blockId: 'em', label: 'Emergencies only' },
      { blockId: 'tr', label: 'Training slot' },
    ]);
  });

  it('takes closures out: a resource’s in its zone, the clinic’s in the clinic’s', () => {
    const london = { ...weekdays, timeZone: 'Europe/London' };
    const mine = { resourceId: 'dr-lee', startDate: '2027-01-12', endDate: '2027-01-12', reason: 'Course' };
    const clinic = { resourceId: null, startDate: '2027-01-13', endDate: '2027-01-13', reason: 'Inspection' };
    const other = { resourceId: 'dr-patel', startDate: '2027-01-14', endDate: '2027-01-14', reason: 'Not ours' };
    const range = { from: '2027-01-12T00:00:00Z', to: '2027-01-15T00:00:00Z', clinicTimeZone: 'Europe/London' };
    expect(spans(availability([london], [mine, clinic, other], range))).toEqual([['2027-01-14T09:00:00.000Z', '2027-01-14T17:00:00.000Z']]);
  });

  it('clips to the range, half-open, and sorts by resource then start', () => {
    const patel = { ...weekdays, id: 'patel', resourceId: 'dr-patel' };
    const range = { from: '2027-01-12T10:00:00Z', to: '2027-01-12T11:00:00Z', clinicTimeZone: 'UTC' };
    expect(availability([patel, weekdays], [], range)).toEqual([
      { resourceId: 'dr-lee', start: '2027-01-12T10:00:00.000Z', end: '2027-01-12T11:00:00.000Z' },
      { resourceId: 'dr-patel', start: '2027-01-12T10:00:00.000Z', end: '2027-01-12T11:00:00.000Z' },
    ]);
    expect(availability([weekdays], [], { from: '2027-01-12T17:00:00Z', to: '2027-01-12T18:00:00Z', clinicTimeZone: 'UTC' })).toEqual([]);
  });

  it('gives the same answer whatever the host zone (epoch ms or ISO with an offset alike)', () => {
    const ny = { ...weekdays, timeZone: 'America/New_York' };
    const iso = availability([ny], [], { from: '2027-01-12T00:00:00-05:00', to: '2027-01-13T00:00:00-05:00', clinicTimeZone: 'America/New_York' });
    const ms = availability([ny], [], { from: Date.parse('2027-01-12T05:00:00Z'), to: Date.parse('2027-01-13T05:00:00Z'), clinicTimeZone: 'America/New_York' });
    expect(ms).toEqual(iso);
    expect(spans(iso)).toEqual([['2027-01-12T14:00:00.000Z', '2027-01-12T22:00:00.000Z']]);
  });

  it('skips a date the block repeats on when it is an exdate', () => {
    const skipped = { ...weekdays, exdates: ['2027-01-12T09:00:00'] };
    expect(availability([skipped], [], day('2027-01-12'))).toEqual([]);
  });

  it('refuses a bad range or block, naming the field', () => {
    expect(() => availability([weekdays], [], { from: '2027-01-12T00:00', to: '2027-01-13T00:00:00Z', clinicTimeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'invalid-format', field: 'range.from' }));
    expect(() => availability([weekdays], [], { from: '2027-01-13T00:00:00Z', to: '2027-01-12T00:00:00Z', clinicTimeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'end-not-after-start', field: 'range.to' }));
    expect(() => availability([weekdays], [], { ...day('2027-01-12'), clinicTimeZone: 'Mars/Base' })).toThrow(expect.objectContaining({ code: 'unknown-zone', field: 'range.clinicTimeZone' }));
    expect(() => availability([weekdays, { ...weekdays, id: 'bad', rrule: 'FREQ=WEEKLY;BYDAY=XX' }], [], day('2027-01-12'))).toThrow(expect.objectContaining({ code: 'invalid-rrule', field: 'blocks.1.rrule' }));
  });
});
