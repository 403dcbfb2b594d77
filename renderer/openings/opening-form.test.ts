import { describe, expect, it } from 'vitest';
import { parseOpeningQuery } from '../../core/openings';
import { text } from '../i18n';
import { checkOpeningForm, defaultOpeningForm, openingFieldFor } from './opening-form';
import type { OpeningForm } from './opening-form';

const today = '2027-01-11'; // a Monday
// 15:30 in New York (20:30 UTC): the search starts now, not at the day's midnight.
const clock = { timeZone: 'America/New_York', now: Date.parse('2027-01-11T20:30:00Z') };
const form = (change: Partial<OpeningForm> = {}): OpeningForm => ({ ...defaultOpeningForm(today), ...change });

describe('checkOpeningForm', () => {
  it('turns the default form into any provider, no room, from now for eight weeks', () => {
    const checked = checkOpeningForm(form(), clock, text);
    expect(checked).toEqual({ ok: true, query: { durationMinutes: 30, providers: { kind: 'provider' }, from: '2027-01-11T20:30:00.000Z' } });
  });

  it('starts at the next quarter hour when now falls between (Kolkata, offset +5:30)', () => {
    const checked = checkOpeningForm(form(), { timeZone: 'Asia/Kolkata', now: Date.parse('2027-01-11T08:37:10Z') }, text);
    expect(checked).toMatchObject({ ok: true, query: { from: '2027-01-11T08:45:00.000Z' } }); // 14:15 in Kolkata
  });

  it('passes the conditions asked: named providers, a room, the patient, days, mornings, whole clinic days', () => {
    const checked = checkOpeningForm(
      form({
        length: '40',
        providers: { kind: 'named', ids: ['dr-chen'] },
        rooms: { kind: 'named', ids: ['room-2'] },
        patient: { id: 'p-1' } as OpeningForm['patient'],
        weekdays: [4, 1, 2, 3],
        times: 'mornings',
        fromDate: '2027-01-12',
        untilDate: '2027-01-31',
      }),
      clock,
      text,
    );
    expect(checked).toEqual({
      ok: true,
      query: {
        durationMinutes: 40,
        providers: ['dr-chen'],
        rooms: ['room-2'],
        patientId: 'p-1',
        // Midnight at the start of the 12th and at the end of the 31st on New York's clock.
        from: '2027-01-12T05:00:00.000Z',
        to: '2027-02-01T05:00:00.000Z',
        weekdays: [1, 2, 3, 4],
        timeOfDay: [{ start: '00:00', end: '12:00' }],
      },
    });
    if (checked.ok) expect(() => parseOpeningQuery(checked.query)).not.toThrow();
  });

  it('reads whole days across a clock change (London, the last Sunday of March)', () => {
    const checked = checkOpeningForm(form({ fromDate: '2027-03-28', untilDate: '2027-03-28', rooms: { kind: 'any' }, times: 'custom', customStart: '13:00', customEnd: '17:30' }), { timeZone: 'Europe/London', now: 0 }, text);
    expect(checked).toMatchObject({ ok: true, query: { from: '2027-03-28T00:00:00.000Z', to: '2027-03-28T23:00:00.000Z', rooms: { kind: 'room' }, timeOfDay: [{ start: '13:00', end: '17:30' }] } });
  });

  it.each([
    [{ length: '' }, 'length', 'Length is required.'],
    [{ length: '0' }, 'length', 'The length must be between 5 minutes and 24 hours.'],
    [{ length: '3' }, 'length', 'The length must be between 5 minutes and 24 hours.'],
    [{ length: '1441' }, 'length', 'The length must be between 5 minutes and 24 hours.'],
    [{ length: '40.5' }, 'length', 'The length must be between 5 minutes and 24 hours.'],
    [{ providers: { kind: 'named' as const, ids: [] } }, 'providers', 'Provider is required.'],
    [{ rooms: { kind: 'named' as const, ids: [] } }, 'rooms', 'Room is required.'],
    [{ weekdays: [] }, 'weekdays', 'Day is required.'],
    [{ times: 'custom' as const, customStart: '12:00', customEnd: '09:00' }, 'customEnd', 'Until (time) must be after the start.'],
    [{ times: 'custom' as const, customStart: '' }, 'customStart', 'From (time) is required.'],
    [{ fromDate: '' }, 'fromDate', 'From is required.'],
    [{ untilDate: '2027-01-10' }, 'untilDate', 'Until must be after the start.'],
    [{ untilDate: '2028-02-01' }, 'untilDate', 'Until: search at most a year at a time.'],
  ])('refuses %j by name beside its field', (change, field, message) => {
    expect(checkOpeningForm(form(change), clock, text)).toEqual({ ok: false, field, message });
  });
});

describe('openingFieldFor', () => {
  it('puts each engine field beside the form field it came from', () => {
    expect(['durationMinutes', 'providers.1', 'rooms.0', 'patientId', 'weekdays.2', 'timeOfDay.0.start', 'timeOfDay.0.end', 'timeOfDay', 'from', 'to'].map(openingFieldFor)).toEqual([
      'length',
      'providers',
      'rooms',
      'patient',
      'weekdays',
      'customStart',
      'customEnd',
      'times',
      'fromDate',
      'untilDate',
    ]);
  });
});
