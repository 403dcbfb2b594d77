import { describe, expect, it } from 'vitest';
import { freedTime, matchFreedSlot } from '../../core/waitlist';
import { bookMatchArgs, freedSlotsOf, offerMatchArgs, visibleEntries, waitingCount } from './waitlist-view';
import { waitingEntry } from '../../core/waitlist/waitlist.fixture';

const entry = waitingEntry;
const booked = { kind: 'booked' as const, appointmentId: 'a1', at: '2027-01-02T09:00:00.000Z', by: 'staff-desk' };
const removed = { kind: 'removed' as const, reason: 'Went elsewhere', at: '2027-01-02T09:00:00.000Z', by: 'staff-desk' };

describe('visibleEntries', () => {
  const entries = [
    entry('late', { createdAt: '2027-01-05T09:00:00.000Z' }),
    entry('early', { createdAt: '2026-12-01T09:00:00.000Z', providers: ['dr-chen'] }),
    entry('urgent', { priority: 'urgent', createdAt: '2027-01-10T09:00:00.000Z', providers: ['dr-lee'] }),
    entry('done', { state: booked }),
    entry('gone', { state: removed }),
  ];

  it('lists waiting and offered entries by priority, then who waited longest', () => {
    expect(visibleEntries(entries, { providerId: null, state: 'open' }).map((row) => row.id)).toEqual(['urgent', 'early', 'late']);
  });

  it('filters by provider (those who take any provider stay) and by state', () => {
    expect(visibleEntries(entries, { providerId: 'dr-lee', state: 'open' }).map((row) => row.id)).toEqual(['urgent', 'late']);
    expect(visibleEntries(entries, { providerId: null, state: 'booked' }).map((row) => row.id)).toEqual(['done']);
    expect(visibleEntries(entries, { providerId: null, state: 'removed' }).map((row) => row.id)).toEqual(['gone']);
  });

  it('counts only the entries still waiting for the toolbar', () => {
    expect(waitingCount(entries)).toBe(3);
  });
});

describe('freedSlotsOf and bookMatchArgs', () => {
  const resources = new Map([
    ['dr-lee', { kind: 'provider', timeZone: 'America/New_York' }],
    ['room-2', { kind: 'room', timeZone: 'America/New_York' }],
    ['laser', { kind: 'equipment', timeZone: 'America/New_York' }],
  ]);
  // Dr Lee in Room 2, Tuesday 12 January 2027 10:30–11:10 in New York (15:30–16:10Z).
  const visit = { start: Date.parse('2027-01-12T15:30:00Z'), end: Date.parse('2027-01-12T16:10:00Z'), resourceIds: ['dr-lee', 'room-2', 'laser'] };
  const before = Date.parse('2027-01-12T15:00:00Z');

  it('frees one slot per provider of the cancelled visit, with its room and the provider’s zone', () => {
    expect(freedSlotsOf(freedTime(visit, null), resources, before)).toEqual([{ providerId: 'dr-lee', roomId: 'room-2', timeZone: 'America/New_York', start: visit.start, end: visit.end }]);
  });

  it('offers only what is still ahead: a no-show marked at 10:37 frees 10:40–11:10, one marked after the end frees nothing', () => {
    expect(freedSlotsOf(freedTime(visit, null), resources, Date.parse('2027-01-12T15:37:12Z'))).toEqual([{ providerId: 'dr-lee', roomId: 'room-2', timeZone: 'America/New_York', start: Date.parse('2027-01-12T15:40:00Z'), end: visit.end }]);
    expect(freedSlotsOf(freedTime(visit, null), resources, visit.end)).toEqual([]);
  });

  it('frees the old time of a moved visit with its room, and the tail of a shortened one', () => {
    const later = { start: Date.parse('2027-01-12T19:00:00Z'), end: Date.parse('2027-01-12T19:40:00Z'), resourceIds: visit.resourceIds };
    expect(freedSlotsOf(freedTime(visit, later), resources, before)).toEqual([{ providerId: 'dr-lee', roomId: 'room-2', timeZone: 'America/New_York', start: visit.start, end: visit.end }]);
    // Moved 20 minutes later into Room 3: 10:30–10:50 on Dr Lee, with Room 2 (freed for all of it).
    const nudged = { start: Date.parse('2027-01-12T15:50:00Z'), end: Date.parse('2027-01-12T16:30:00Z'), resourceIds: ['dr-lee', 'room-3'] };
    expect(freedSlotsOf(freedTime(visit, nudged), resources, before)).toEqual([{ providerId: 'dr-lee', roomId: 'room-2', timeZone: 'America/New_York', start: visit.start, end: nudged.start }]);
    const shorter = { ...visit, end: Date.parse('2027-01-12T15:50:00Z') };
    expect(freedSlotsOf(freedTime(visit, shorter), resources, before)).toEqual([{ providerId: 'dr-lee', roomId: 'room-2', timeZone: 'America/New_York', start: shorter.end, end: visit.end }]);
    expect(freedSlotsOf(freedTime(visit, { ...visit, end: Date.parse('2027-01-12T16:30:00Z') }), resources, before)).toEqual([]);
  });

  it('frees one slot per day of longer hours, earliest first, with no room; a room’s hours alone free nothing to offer', () => {
    const wednesday = { resourceId: 'dr-lee', start: Date.parse('2027-01-13T22:00:00Z'), end: Date.parse('2027-01-13T23:00:00Z') };
    const tuesday = { resourceId: 'dr-lee', start: Date.parse('2027-01-12T22:00:00Z'), end: Date.parse('2027-01-12T23:00:00Z') };
    expect(freedSlotsOf([wednesday, tuesday], resources, before).map((slot) => [slot.start, slot.roomId])).toEqual([
      [tuesday.start, undefined],
      [wednesday.start, undefined],
    ]);
    expect(freedSlotsOf([{ ...tuesday, resourceId: 'room-2' }], resources, before)).toEqual([]);
  });

  it('books the match at its place in the slot on the provider’s clock, for its own length', () => {
    const [slot] = freedSlotsOf(freedTime(visit, null), resources, before);
    if (!slot) throw new Error('no slot');
    const [match] = matchFreedSlot([entry('w1', { times: [{ start: '10:40', end: '12:00' }] })], slot, Date.parse('2027-01-12T15:00:00Z'));
    if (!match) throw new Error('no match');
    expect(bookMatchArgs(match, slot)).toEqual({ id: 'w1', booking: { resourceIds: ['dr-lee', 'room-2'], wallStart: '2027-01-12T10:40:00', timeZone: 'America/New_York', durationMinutes: 30 } });
    // Offered instead: the same time, provider and room, held on the entry.
    expect(offerMatchArgs(match, slot)).toEqual({ id: 'w1', slot: { start: '2027-01-12T15:40:00.000Z', end: '2027-01-12T16:10:00.000Z', providerId: 'dr-lee', roomId: 'room-2' } });
  });

  it('books across a clock change on the provider’s wall time (London, 28 March 2027)', () => {
    const london = new Map([['dr-lee', { kind: 'provider', timeZone: 'Europe/London' }]]);
    // 09:00–10:00 BST is 08:00–09:00Z, the morning after clocks went forward.
    const [slot] = freedSlotsOf(freedTime({ start: Date.parse('2027-03-28T08:00:00Z'), end: Date.parse('2027-03-28T09:00:00Z'), resourceIds: ['dr-lee'] }, null), london, Date.parse('2027-03-28T07:00:00Z'));
    if (!slot) throw new Error('no slot');
    const [match] = matchFreedSlot([entry('w2')], slot, Date.parse('2027-03-28T07:00:00Z'));
    if (!match) throw new Error('no match');
    expect(bookMatchArgs(match, slot).booking).toMatchObject({ wallStart: '2027-03-28T09:00:00', timeZone: 'Europe/London' });
  });
});
