import { describe, expect, it } from 'vitest';
import { attendance } from './attendance';
import { parseReportRange } from './report-range';
import { resourceIds, visits, zone } from './reports.fixture';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });

describe('attendance', () => {
  it('counts each status, the no-show rate and late cancellations, hand-counted', () => {
    const report = attendance({ range, resourceIds, visits });
    expect(report.lateCancelHours).toBe(24);
    expect(report.all).toEqual({ visits: 10, completed: 4, noShow: 2, cancelled: 2, lateCancelled: 1, open: 2, noShowRate: 2 / 6, lateCancelRate: 0.1 });
    const by = Object.fromEntries(report.byResource.map((entry) => [entry.resourceId, entry.figure]));
    expect(by['dr-lee']).toMatchObject({ visits: 7, completed: 4, noShow: 1, cancelled: 2, lateCancelled: 1, open: 0, noShowRate: 0.2 });
    expect(by['dr-khan']).toMatchObject({ visits: 3, noShow: 1, open: 2, noShowRate: 1 });
    expect(by['room-1']).toMatchObject({ visits: 2, completed: 2, noShowRate: 0 });
    expect(by['dr-new']).toMatchObject({ visits: 0, noShowRate: null, lateCancelRate: null });
  });

  it('groups by the visit’s own weekday and hour of day (the Saturday 23:00 visit is Saturday’s after the clocks change)', () => {
    const report = attendance({ range, resourceIds, visits });
    expect(report.byWeekday.map((entry) => entry.figure.visits)).toEqual([4, 2, 0, 2, 1, 1, 0]);
    const hours = Object.fromEntries(report.byHour.filter((entry) => entry.figure.visits > 0).map((entry) => [entry.hour, entry.figure.visits]));
    expect(hours).toEqual({ 8: 1, 9: 3, 10: 2, 12: 1, 14: 1, 16: 1, 23: 1 });
  });

  it('takes the late window from the caller and refuses a bad one by name', () => {
    expect(attendance({ range, resourceIds, visits, lateCancelHours: 72 }).all.lateCancelled).toBe(1);
    expect(attendance({ range, resourceIds, visits, lateCancelHours: 78 }).all.lateCancelled).toBe(2); // v5 was cancelled 77 h ahead
    expect(() => attendance({ range, resourceIds, visits, lateCancelHours: 0 })).toThrow(expect.objectContaining({ code: 'invalid-format', field: 'lateCancelHours' }));
    expect(() => attendance({ range, resourceIds, visits, lateCancelHours: 1.5 })).toThrow(expect.objectContaining({ field: 'lateCancelHours' }));
  });

  it('filters by resource and counts only visits that start in the range', () => {
    const khan = attendance({ range, resourceIds: ['dr-khan'], visits });
    expect(khan.all.visits).toBe(3);
    expect(attendance({ range, resourceIds: ['dr-lee'], visits }).all.visits).toBe(7); // v0, the Friday before, is not in it
    expect(attendance({ range, resourceIds: [], visits }).all).toMatchObject({ visits: 0, noShowRate: null });
  });
});
