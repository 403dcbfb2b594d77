import { describe, expect, it } from 'vitest';
import { parseReportRange, previousRange } from '../../core/reports';
import { availability } from '../../core/schedule';
import { blocks, bookedVisits, closures, confirmations, entries, freedVisits, resourceIds, visits, zone } from '../../core/reports/reports.fixture';
import { clinicFormat, text } from '../i18n';
import { checkFilters, defaultFilters, monthOf } from './report-filters';
import { reportFigures } from './report-figures';
import { attendanceTable, patientsTable, utilisationByPeriodTable, utilisationTable } from './report-tables';
import type { TableContext } from './report-tables';

const range = parseReportRange({ fromDate: '2027-03-08', toDate: '2027-03-14', timeZone: zone });
const resources = resourceIds.map((id) => ({ id, name: id, kind: 'provider' as const, timeZone: zone, capacity: 1, active: true }));
const figures = (r = range) =>
  reportFigures(r, { resources, visits, bookable: availability(blocks, closures, { from: r.from, to: r.to, clinicTimeZone: zone }), seenBefore: new Set(['p1']), confirmations, waitlist: { entries, bookedVisits, freedVisits } }, { period: 'day', weekStart: 1, lateCancelHours: 24 });
const context = (locale = 'en-US'): TableContext => ({ words: text.reports, locale, format: clinicFormat(locale, zone), names: new Map([['dr-lee', 'Dr Lee'], ['dr-khan', 'Dr Khan'], ['room-1', 'Room 1'], ['dr-new', 'Dr New']]) });

describe('report tables', () => {
  it('writes utilisation per resource in the locale, with no hours said in words and the previous period', () => {
    // The week before: Dr Lee's one hour (v0) of 35 bookable hours.
    const table = utilisationTable(figures(), figures(previousRange(range)), context());
    expect(table.header).toEqual(['Provider or room', 'Bookable (hours)', 'Booked (hours)', 'Utilisation', 'Previous', 'Change', 'Booked outside hours (hours)']);
    expect(table.rows[0]?.cells).toEqual(['Dr Lee', '35.0', '5.5', '15.7%', '2.9%', '+12.9', '1.0']);
    expect(table.rows[0]?.csv).toEqual(['Dr Lee', 35, 5.5, 0.1571, 0.0286, 12.86, 1]);
    expect(table.rows[3]?.cells.slice(0, 4)).toEqual(['Dr New', '0.0', '0.0', 'no hours set']);
    expect(table.rows[3]?.csv[3]).toBeNull();
    expect(utilisationTable(figures(), null, context('fr-FR')).rows[0]?.cells[3]).toBe('15,7\u00a0%');
  });

  it('lists each day for everyone selected, then per resource', () => {
    // Monday: 240 of 1,500 bookable minutes (Dr Lee 120/420, Dr Khan 30/480, Room 1 90/600); Tuesday 60 of 1,500.
    const table = utilisationByPeriodTable(figures(), context('en-GB'));
    expect(table.rows.filter((row) => row.key.endsWith('|all')).map((row) => row.cells[4])).toEqual(['16.0%', '4.0%', 'no hours set', '0.0%', '2.9%', '50.0%', '40.0%']);
    expect(table.rows[0]?.cells.slice(0, 2)).toEqual(['8 Mar', 'Everyone selected']);
  });

  it('counts attendance by weekday with the weekday’s name, and hours that had visits', () => {
    const weekdays = attendanceTable(figures(), null, 'byWeekday', context());
    expect(weekdays.rows.map((row) => [row.cells[0], row.cells[1]])).toEqual([['All visits', '10'], ['Monday', '4'], ['Tuesday', '2'], ['Wednesday', '0'], ['Thursday', '2'], ['Friday', '1'], ['Saturday', '1'], ['Sunday', '0']]);
    expect(weekdays.rows[3]?.cells[7]).toBe('no visits');
    expect(attendanceTable(figures(), null, 'byHour', context('es-ES')).rows.map((row) => row.cells[0])).toEqual(['All visits', '8:00–9:00', '9:00–10:00', '10:00–11:00', '12:00–13:00', '14:00–15:00', '16:00–17:00', '23:00–0:00']);
  });

  it('writes the patients table', () => {
    const table = patientsTable(figures(), null, context());
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['Patients', '4'],
      ['New patients', '3'],
      ['Returning patients', '1'],
      ['Visits', '6'],
      ['Visits per patient', '1.5'],
      ['Patients with 1 visit', '2'],
      ['Patients with 2 visits', '2'],
      ['Patients with 3 visits', '0'],
      ['Patients with 4 or more visits', '0'],
    ]);
  });
});

describe('report filters', () => {
  it('starts on this month and says what is wrong with a range in words', () => {
    expect(defaultFilters('2027-02-14')).toMatchObject({ fromDate: '2027-02-01', toDate: '2027-02-28', period: 'week', compare: true });
    expect(monthOf('2028-02-10')).toEqual({ fromDate: '2028-02-01', toDate: '2028-02-29' });
    const base = defaultFilters('2027-03-14');
    expect(checkFilters({ ...base, toDate: '2027-02-01' }, zone, [], text.reports)).toEqual({ ok: false, field: 'toDate', message: 'The end date is before the start date.' });
    expect(checkFilters({ ...base, toDate: '2032-03-01' }, zone, [], text.reports)).toMatchObject({ ok: false, field: 'toDate', message: text.reports.rangeProblems.tooLong });
    expect(checkFilters({ ...base, lateHours: '0' }, zone, [], text.reports)).toMatchObject({ ok: false, field: 'lateHours' });
    expect(checkFilters({ ...base, lateHours: '' }, zone, [], text.reports)).toMatchObject({ ok: false, field: 'lateHours' });
    expect(checkFilters({ ...base, toDate: '' }, zone, [], text.reports)).toMatchObject({ ok: false, field: 'toDate' });
    const ok = checkFilters({ ...base, resources: 'kind:room' }, zone, [{ id: 'room-1', kind: 'room' } as never, { id: 'dr-lee', kind: 'provider' } as never], text.reports);
    expect(ok).toMatchObject({ ok: true, resourceIds: ['room-1'], lateCancelHours: 24, previous: { fromDate: '2027-02-01', toDate: '2027-02-28' } });
  });
});
