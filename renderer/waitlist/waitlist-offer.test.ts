import { describe, expect, it } from 'vitest';
import { parseWaitlistEntry } from '../../core/model';
import { nextWaitlistState } from '../../core/waitlist';
import { waitingEntry } from '../../core/waitlist/waitlist.fixture';
import { bookOfferArgs, emptyOfferForm, offerArgs } from './waitlist-offer';

const zones = new Map([
  ['dr-lee', 'America/New_York'],
  ['dr-ng', 'Australia/Sydney'],
  ['dr-rao', 'Asia/Kolkata'],
  ['dr-hill', 'Europe/London'],
]);
const entry = waitingEntry('w1', { durationMinutes: 40 });

describe('emptyOfferForm', () => {
  it('starts on their first wanted provider (else the desk’s first) and today, or their earliest date if later', () => {
    expect(emptyOfferForm(waitingEntry('a', { providers: ['dr-ng', 'dr-lee'] }), ['dr-lee', 'dr-ng'], '2027-01-12')).toEqual({ providerId: 'dr-ng', date: '2027-01-12', time: '' });
    expect(emptyOfferForm(waitingEntry('b', { earliestDate: '2027-02-01' }), ['dr-lee'], '2027-01-12')).toEqual({ providerId: 'dr-lee', date: '2027-02-01', time: '' });
    expect(emptyOfferForm(waitingEntry('c', { earliestDate: '2027-01-01' }), [], '2027-01-12')).toEqual({ providerId: '', date: '2027-01-12', time: '' });
  });
});

describe('offerArgs', () => {
  it('offers the time on the provider’s clock, as long as their visit', () => {
    expect(offerArgs(entry, { providerId: 'dr-lee', date: '2027-01-12', time: '10:30' }, zones)).toEqual({
      ok: true,
      args: { id: 'w1', slot: { start: '2027-01-12T15:30:00.000Z', end: '2027-01-12T16:10:00.000Z', providerId: 'dr-lee' } },
    });
    expect(offerArgs(entry, { providerId: 'dr-rao', date: '2027-01-12', time: '10:30' }, zones)).toMatchObject({ ok: true, args: { slot: { start: '2027-01-12T05:00:00.000Z' } } });
  });

  it('reads the wall time across a clock change (New York 14 March 2027, London 28 March, Sydney 4 April)', () => {
    expect(offerArgs(entry, { providerId: 'dr-lee', date: '2027-03-15', time: '09:00' }, zones)).toMatchObject({ ok: true, args: { slot: { start: '2027-03-15T13:00:00.000Z' } } });
    expect(offerArgs(entry, { providerId: 'dr-hill', date: '2027-03-28', time: '09:00' }, zones)).toMatchObject({ ok: true, args: { slot: { start: '2027-03-28T08:00:00.000Z' } } });
    expect(offerArgs(entry, { providerId: 'dr-ng', date: '2027-04-04', time: '09:00' }, zones)).toMatchObject({ ok: true, args: { slot: { start: '2027-04-03T23:00:00.000Z' } } });
  });

  it('names the field that is missing or wrong', () => {
    const good = { providerId: 'dr-lee', date: '2027-01-12', time: '10:30' };
    expect(offerArgs(entry, { ...good, providerId: '' }, zones)).toEqual({ ok: false, field: 'provider', code: 'required' });
    expect(offerArgs(entry, { ...good, providerId: 'dr-gone' }, zones)).toEqual({ ok: false, field: 'provider', code: 'required' });
    expect(offerArgs(entry, { ...good, date: '' }, zones)).toEqual({ ok: false, field: 'date', code: 'required' });
    expect(offerArgs(entry, { ...good, date: '12/01/2027' }, zones)).toEqual({ ok: false, field: 'date', code: 'invalid-format' });
    expect(offerArgs(entry, { ...good, date: '2027-02-30' }, zones)).toEqual({ ok: false, field: 'date', code: 'invalid-date' });
    expect(offerArgs(entry, { ...good, time: '' }, zones)).toEqual({ ok: false, field: 'time', code: 'required' });
    expect(offerArgs(entry, { ...good, time: '25:00' }, zones)).toEqual({ ok: false, field: 'time', code: 'invalid-time' });
    expect(offerArgs(entry, { ...good, time: '9.30' }, zones)).toEqual({ ok: false, field: 'time', code: 'invalid-format' });
  });
});

describe('bookOfferArgs', () => {
  const slot = { start: '2027-03-28T08:00:00.000Z', end: '2027-03-28T08:40:00.000Z', providerId: 'dr-hill', roomId: 'room-2' };
  const offered = parseWaitlistEntry({ ...entry, state: nextWaitlistState(entry, { kind: 'offer', slot, at: '2027-03-27T12:00:00.000Z', by: 'staff-desk' }) });

  it('books the offered time on the provider’s wall clock, with its room, for the entry’s length', () => {
    expect(bookOfferArgs(offered, zones)).toEqual({ id: 'w1', booking: { resourceIds: ['dr-hill', 'room-2'], wallStart: '2027-03-28T09:00:00', timeZone: 'Europe/London', durationMinutes: 40 } });
  });

  it('has nothing to book for an entry without an offer or a provider not on this desk', () => {
    expect(bookOfferArgs(entry, zones)).toBeUndefined();
    expect(bookOfferArgs(offered, new Map())).toBeUndefined();
  });
});
