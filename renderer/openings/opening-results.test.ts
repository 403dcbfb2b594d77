import { describe, expect, it } from 'vitest';
import type { Patient, Resource } from '../../core/model';
import { text } from '../i18n';
import { bookingDraftFor, movedIndex, openingDays, whySentence } from './opening-results';

const resource = (id: string, kind: 'provider' | 'room', timeZone: string, name: string) => ({ id, kind, timeZone, name }) as Resource;
const resources = new Map(
  [resource('dr-chen', 'provider', 'America/New_York', 'Dr Chen'), resource('dr-roy', 'provider', 'Asia/Kolkata', 'Dr Roy'), resource('room-2', 'room', 'America/New_York', 'Room 2')].map((item) => [item.id, item]),
);

describe('openingDays', () => {
  it('groups by the day on each provider’s own clock, keeping the earliest-first order', () => {
    const openings = [
      { start: '2027-01-12T03:00:00.000Z', end: '2027-01-12T03:30:00.000Z', providerId: 'dr-chen', roomId: 'room-2' }, // 22:00 on the 11th in New York
      { start: '2027-01-12T03:30:00.000Z', end: '2027-01-12T04:00:00.000Z', providerId: 'dr-roy' }, // 09:00 on the 12th in Kolkata
      { start: '2027-01-12T04:00:00.000Z', end: '2027-01-12T04:30:00.000Z', providerId: 'dr-chen' }, // 23:00 on the 11th in New York
    ];
    const days = openingDays(openings, resources, 'America/New_York');
    expect(days.map((day) => [day.day, day.rows.map((row) => row.opening.providerId)])).toEqual([
      ['2027-01-11', ['dr-chen']],
      ['2027-01-12', ['dr-roy']],
      ['2027-01-11', ['dr-chen']],
    ]);
    expect(days[0]?.rows[0]).toMatchObject({ key: 'dr-chen@2027-01-12T03:00:00.000Z', provider: { name: 'Dr Chen' }, room: { name: 'Room 2' } });
  });
});

describe('bookingDraftFor', () => {
  it('fills the dialog on the clinic’s clock with the length, provider, room and patient', () => {
    const patient = { id: 'p-1' } as Patient;
    expect(bookingDraftFor({ start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T14:40:00.000Z', providerId: 'dr-chen', roomId: 'room-2' }, 'America/New_York', patient)).toEqual({
      date: '2027-01-11',
      minute: 540,
      durationMinutes: 40,
      resourceIds: ['dr-chen', 'room-2'],
      patient,
    });
  });

  it('keeps the elapsed length across the spring-forward night (New York, 01:30 → 03:30 is one hour)', () => {
    expect(bookingDraftFor({ start: '2027-03-14T06:30:00.000Z', end: '2027-03-14T07:30:00.000Z', providerId: 'dr-chen' }, 'America/New_York', null)).toEqual({
      date: '2027-03-14',
      minute: 90,
      durationMinutes: 60,
      resourceIds: ['dr-chen'],
    });
  });

  it('books a provider in another zone at the clinic-clock time of the same instant (Kolkata provider, Sydney clinic)', () => {
    const draft = bookingDraftFor({ start: '2027-01-12T03:30:00.000Z', end: '2027-01-12T04:00:00.000Z', providerId: 'dr-roy' }, 'Australia/Sydney', null);
    expect(draft).toMatchObject({ date: '2027-01-12', minute: 14 * 60 + 30 });
  });
});

describe('whySentence', () => {
  it('says why per reason, with weekday names in the clinic’s language', () => {
    const words = text.openings;
    expect(whySentence({ resourceId: 'dr-chen', reason: 'no-hours-on-days', weekdays: [5, 6] }, 'Dr Chen', 40, 'en-US', words)).toBe('Dr Chen has no hours on Friday or Saturday.');
    expect(whySentence({ resourceId: 'dr-chen', reason: 'no-hours' }, 'Dr Chen', 40, 'en-US', words)).toBe('Dr Chen has no working hours in these dates.');
    expect(whySentence({ resourceId: 'dr-chen', reason: 'too-short', longestMinutes: 30 }, 'Dr Chen', 40, 'en-US', words)).toBe('Dr Chen’s longest stretch of hours is 30 minutes; the visit needs 40.');
    expect(whySentence({ resourceId: 'dr-chen', reason: 'no-hours-at-times' }, 'Dr Chen', 40, 'en-US', words)).toContain('no hours at those times');
    expect(whySentence({ resourceId: 'dr-chen', reason: 'fully-booked' }, 'Dr Chen', 40, 'en-US', words)).toContain('fully booked');
  });
});

describe('movedIndex', () => {
  it('moves through the list with the arrows, Home and End, never past its ends', () => {
    expect([movedIndex(0, 'ArrowDown', 3), movedIndex(2, 'ArrowDown', 3), movedIndex(0, 'ArrowUp', 3), movedIndex(1, 'Home', 3), movedIndex(0, 'End', 3)]).toEqual([1, 2, 0, 0, 2]);
    expect(movedIndex(0, 'x', 3)).toBeUndefined();
    expect(movedIndex(0, 'ArrowDown', 0)).toBeUndefined();
  });
});
