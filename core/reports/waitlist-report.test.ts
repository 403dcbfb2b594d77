import { describe, expect, it } from 'vitest';
import { parseReportRange } from './report-range';
import { wallTimeToInstant } from '../time';
import { bookedVisits, entries, entry, freedVisits, zone } from './reports.fixture';
import { median, waitlistReport } from './waitlist-report';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });
const providerIds = ['dr-lee', 'dr-khan', 'dr-new'];
const hour = 3_600_000;

describe('waitlistReport', () => {
  it('counts the week’s entries by state now, the median wait and the ones filled from a freed slot, hand-counted', () => {
    const report = waitlistReport({ range, providerIds, entries, bookedVisits, freedVisits });
    // Added in the week: w1, w2, w4, w5, w6, w7, w9 (w3, w0 and w10 before it, w8 wants a provider not reported).
    // Booked in the week: w2 23.5 h, w3 189 h, w4 0.5 h, w5 23 h (across the clock change) → median 23.25 h; w2 and w3 took freed time.
    expect(report.all).toEqual({ added: 7, state: { waiting: 2, offered: 1, booked: 3, removed: 1 }, booked: 4, medianWaitMs: 23.25 * hour, fromFreedSlot: 2, fromFreedSlotRate: 0.5 });
    const by = Object.fromEntries(report.byProvider.map((row) => [row.providerId, row.figure]));
    expect(by['dr-lee']).toEqual({ added: 2, state: { waiting: 1, offered: 0, booked: 0, removed: 1 }, booked: 1, medianWaitMs: 189 * hour, fromFreedSlot: 1, fromFreedSlotRate: 1 });
    expect(by['dr-khan']).toEqual({ added: 2, state: { waiting: 0, offered: 1, booked: 1, removed: 0 }, booked: 2, medianWaitMs: 94.75 * hour, fromFreedSlot: 1, fromFreedSlotRate: 0.5 });
    expect(by['dr-new']).toEqual({ added: 0, state: { waiting: 0, offered: 0, booked: 0, removed: 0 }, booked: 0, medianWaitMs: null, fromFreedSlot: 0, fromFreedSlotRate: null });
    expect(report.anyProvider).toEqual({ added: 3, state: { waiting: 1, offered: 0, booked: 2, removed: 0 }, booked: 2, medianWaitMs: 23.25 * hour, fromFreedSlot: 1, fromFreedSlotRate: 0.5 });
  });

  it('counts a slot as freed only when the cancellation or no-show came before the booking', () => {
    const report = (freed: typeof freedVisits) => waitlistReport({ range, providerIds: ['dr-khan'], entries, bookedVisits, freedVisits: freed }).byProvider[0]?.figure.fromFreedSlot;
    expect(report(freedVisits)).toBe(1); // w3 over v5; w4's visit met v9 before v9 was marked no-show
    const v9 = freedVisits.find((visit) => visit.id === 'v9');
    expect(report(freedVisits.map((visit) => (visit === v9 ? { ...visit, freedAt: Date.parse('2027-03-09T14:55:00Z') } : visit)))).toBe(2); // 09:55 New York: before the 10:00 booking
    expect(report([])).toBe(0);
  });

  it('says nothing for an empty range: no entries, no wait, no rate — never 0 % or NaN', () => {
    const quiet = parseReportRange({ fromDate: '2027-04-05', toDate: '2027-04-11', timeZone: zone });
    expect(waitlistReport({ range: quiet, providerIds, entries, bookedVisits, freedVisits }).all).toEqual({ added: 0, state: { waiting: 0, offered: 0, booked: 0, removed: 0 }, booked: 0, medianWaitMs: null, fromFreedSlot: 0, fromFreedSlotRate: null });
    expect(waitlistReport({ range, providerIds: [], entries, bookedVisits, freedVisits }).all.added).toBe(0); // rooms only: no waitlist
  });

  it('takes the whole short Sunday: an entry at 23:30 EDT is in the week, one booked at 00:30 Monday is not', () => {
    const sunday = parseReportRange({ fromDate: '2027-03-14', toDate: '2027-03-14', timeZone: zone });
    expect(sunday.to - sunday.from).toBe(23 * hour);
    const report = waitlistReport({ range: sunday, providerIds, entries, bookedVisits, freedVisits });
    expect(report.all).toMatchObject({ added: 1, booked: 1, medianWaitMs: 23 * hour });
  });
});

describe('waitlistReport in Sydney', () => {
  it('measures a wait across the April clock change in real hours, and keeps the 25-hour Sunday whole', () => {
    const sydney = 'Australia/Sydney';
    const iso = (wall: string) => new Date(wallTimeToInstant(wall, sydney)).toISOString();
    const weekend = parseReportRange({ fromDate: '2027-04-03', toDate: '2027-04-04', timeZone: sydney });
    expect(weekend.to - weekend.from).toBe(49 * hour);
    const booked = { ...entry('s1', ['dr-ng'], '2027-04-01T00:00', { kind: 'booked', appointmentId: 'a1', at: iso('2027-04-04T10:00'), by: 'staff-desk' }), createdAt: iso('2027-04-03T10:00') };
    const late = { ...entry('s2', 'any', '2027-04-01T00:00', { kind: 'waiting' }), createdAt: iso('2027-04-04T23:30') };
    const report = waitlistReport({ range: weekend, providerIds: ['dr-ng'], entries: [booked, late], bookedVisits: new Map(), freedVisits: [] });
    expect(report.all).toMatchObject({ added: 2, booked: 1, medianWaitMs: 25 * hour, fromFreedSlot: 0, fromFreedSlotRate: 0 }); // 10:00 AEDT → 10:00 AEST
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
