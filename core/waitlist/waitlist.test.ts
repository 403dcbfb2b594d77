import { describe, expect, it } from 'vitest';
import { parseWaitlistRequest } from '../model';
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
