import { describe, expect, it } from 'vitest';
import { availability } from '../schedule';
import { instantToWallTime } from '../time';
import { parseReportRange } from './report-range';
import { utilisation } from './utilisation';
import type { UtilisationRow } from './utilisation';
import { blocks, closures, resourceIds, visits, zone } from './reports.fixture';
import type { ReportVisit } from './report-visit';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });
const bookable = availability(blocks, closures, { from: range.from, to: range.to, clinicTimeZone: zone });
const row = (rows: UtilisationRow[], id: string) => rows.find((entry) => entry.resourceId === id) as UtilisationRow;

describe('utilisation', () => {
  it('counts available and booked minutes per day, hand-counted across a closure, leave and the clock change', () => {
    const report = utilisation({ range, period: 'day', resourceIds, bookable, visits });
    expect(report.buckets.map((bucket) => bucket.fromDate)).toEqual(['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14']);
    const lee = row(report.rows, 'dr-lee');
    expect(lee.buckets.map((figure) => figure.availableMinutes)).toEqual([420, 420, 0, 420, 420, 120, 300]);
    expect(lee.buckets.map((figure) => figure.bookedMinutes)).toEqual([120, 0, 0, 0, 30, 60, 120]);
    expect(lee.buckets[2]?.rate).toBeNull(); // the closure: no rate, not 0 %
    expect(lee.total).toEqual({ availableMinutes: 2100, bookedMinutes: 330, rate: 330 / 2100 });
    expect(lee.outsideHoursMinutes).toBe(60); // v3's half hour in lunch, v10's after 17:00
    const khan = row(report.rows, 'dr-khan');
    expect(khan.buckets.map((figure) => figure.availableMinutes)).toEqual([480, 480, 0, 0, 0, 0, 0]);
    expect(khan.total).toEqual({ availableMinutes: 960, bookedMinutes: 90, rate: 90 / 960 }); // the no-show held its hour
    expect(khan.outsideHoursMinutes).toBe(30); // booked on leave
    expect(row(report.rows, 'room-1').total).toEqual({ availableMinutes: 2400, bookedMinutes: 90, rate: 90 / 2400 });
  });

  it('says no-hours for a provider without a schedule, never 0 % or NaN', () => {
    const report = utilisation({ range, period: 'week', resourceIds, bookable, visits });
    expect(row(report.rows, 'dr-new')).toEqual({ resourceId: 'dr-new', state: 'no-hours', buckets: [{ availableMinutes: 0, bookedMinutes: 0, rate: null }], total: { availableMinutes: 0, bookedMinutes: 0, rate: null }, outsideHoursMinutes: 0 });
    expect(row(report.rows, 'dr-lee').state).toBe('measured');
    const empty = utilisation({ range, period: 'month', resourceIds: [], bookable: [], visits: [] });
    expect(empty.rows).toEqual([]);
  });

  it('cuts weeks on the locale’s first day and keeps the 23-hour Sunday whole', () => {
    const sunday = utilisation({ range, period: 'week', weekStart: 7, resourceIds: ['dr-lee'], bookable, visits });
    expect(sunday.buckets.map((bucket) => [bucket.fromDate, bucket.toDate])).toEqual([['2027-03-08', '2027-03-13'], ['2027-03-14', '2027-03-14']]);
    const lastWeek = sunday.buckets[1];
    expect(lastWeek && lastWeek.to - lastWeek.from).toBe(23 * 3_600_000);
    expect(sunday.rows[0]?.buckets.map((figure) => [figure.availableMinutes, figure.bookedMinutes])).toEqual([[1800, 210], [300, 120]]);
    const months = utilisation({ range: parseReportRange({ fromDate: '2027-02-20', toDate: '2027-03-14', timeZone: zone }), period: 'month', resourceIds: ['dr-lee'], bookable, visits });
    expect(months.buckets.map((bucket) => bucket.fromDate)).toEqual(['2027-02-20', '2027-03-01']);
  });

  it('reconciles a month of random visits with a minute-by-minute count of the raw records', () => {
    const month = parseReportRange({ fromDate: '2027-03-01', toDate: '2027-03-31', timeZone: zone });
    const spans = availability(blocks, closures, { from: month.from, to: month.to, clinicTimeZone: zone });
    let seed = 17;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const statuses: ReportVisit['status'][] = ['booked', 'completed', 'no_show', 'cancelled', 'arrived'];
    const made: ReportVisit[] = Array.from({ length: 400 }, (_, index) => {
      const start = month.from - 86_400_000 + Math.floor(random() * 33 * 96) * 15 * 60_000;
      const minutes = [15, 30, 45, 60, 90][Math.floor(random() * 5)] as number;
      const resources = random() < 0.5 ? ['dr-lee'] : random() < 0.5 ? ['dr-khan'] : ['dr-lee', 'dr-khan'];
      return { id: `r${index}`, patientId: `p${index % 37}`, resourceIds: resources, start, end: start + minutes * 60_000, status: statuses[Math.floor(random() * 5)] as ReportVisit['status'], wallStart: instantToWallTime(start, zone).slice(0, 16) };
    });
    const report = utilisation({ range: month, period: 'day', resourceIds: ['dr-lee', 'dr-khan'], bookable: spans, visits: made });
    for (const resourceId of ['dr-lee', 'dr-khan']) {
      const open = spans.filter((span) => span.resourceId === resourceId).map((span) => [Date.parse(span.start), Date.parse(span.end)] as const);
      const held = made.filter((entry) => entry.status !== 'cancelled' && entry.resourceIds.includes(resourceId));
      const perDay = new Map<string, [number, number]>();
      let outside = 0;
      for (let minute = month.from; minute < month.to; minute += 60_000) {
        const day = instantToWallTime(minute, zone).slice(0, 10);
        const counts = perDay.get(day) ?? [0, 0];
        const isOpen = open.some(([start, end]) => start <= minute && minute < end);
        const isHeld = held.some((entry) => entry.start <= minute && minute < entry.end);
        if (isOpen) counts[0]++;
        if (isOpen && isHeld) counts[1]++;
        if (!isOpen && isHeld) outside++;
        perDay.set(day, counts);
      }
      const figures = row(report.rows, resourceId);
      expect(figures.buckets.map((figure) => [figure.availableMinutes, figure.bookedMinutes])).toEqual([...perDay.values()]);
      expect(figures.outsideHoursMinutes).toBe(outside);
    }
  });
});
