import { describe, expect, it } from 'vitest';
import { parseSeries } from '../model';
import type { Series } from '../model';
import { ValidationError } from '../validation';
import { cancelOccurrence, moveOccurrence } from './series-exceptions';
import { expandSeries } from './series-expand';
import { editSeries } from './series-edit';

const at = '2025-02-01T12:00:00Z';
const series: Series = parseSeries({
  id: 's1',
  resourceIds: ['dr-lee'],
  patientId: 'p1',
  dtstart: '2025-03-03T09:00',
  timeZone: 'Europe/London',
  durationMinutes: 30,
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8',
  exdates: ['2025-03-05T09:00'],
  version: 2,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});
let exceptions = cancelOccurrence(series, [], '2025-03-10T09:00', 'Away', { exceptionId: 'x1', at });
exceptions = moveOccurrence(series, exceptions, '2025-03-12T09:00', { wallStart: '2025-03-13T11:00' }, { exceptionId: 'x2', at });

describe('editSeries', () => {
  it('changing resources or duration keeps every exception and EXDATE', () => {
    const result = editSeries(series, exceptions, { resourceIds: ['dr-kim'], durationMinutes: 45 }, '2025-02-02T08:00:00Z');
    expect(result.series).toMatchObject({ id: 's1', resourceIds: ['dr-kim'], durationMinutes: 45, version: 3, updatedAt: '2025-02-02T08:00:00.000Z', exdates: ['2025-03-05T09:00:00'] });
    expect(result.exceptions).toEqual(exceptions);
    expect(result.orphaned).toEqual([]);
    expect(expandSeries(result.series, result.exceptions).map((o) => [o.originalStart, o.status, o.durationMinutes])).toContainEqual(['2025-03-03T09:00:00', 'booked', 45]);
  });

  it('changing the time of day drops and reports what was keyed at the old time', () => {
    const result = editSeries(series, exceptions, { dtstart: '2025-03-03T10:00' }, at);
    expect(result.orphaned.map((e) => e.id)).toEqual(['x1', 'x2']);
    expect(result.orphanedExdates).toEqual(['2025-03-05T09:00:00']);
    expect(result.series.exdates).toEqual([]);
    expect(expandSeries(result.series, result.exceptions).map((o) => o.wallStart.slice(11))).toEqual(Array(8).fill('10:00:00'));
  });

  it('dropping a weekday orphans only the exceptions on that weekday', () => {
    const result = editSeries(series, exceptions, { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8' }, at);
    expect(result.exceptions.map((e) => e.id)).toEqual(['x1']);
    expect(result.orphaned.map((e) => e.id)).toEqual(['x2']);
  });

  it('refuses a change that is not valid and keeps the id', () => {
    expect(() => editSeries(series, exceptions, { rrule: 'FREQ=WEEKLY;BYDAY=XX' }, at)).toThrow(ValidationError);
    expect(() => editSeries(series, exceptions, { rrule: 'FREQ=DAILY;UNTIL=20250101' }, at)).toThrow(ValidationError);
    expect(() => editSeries(series, exceptions, { durationMinutes: 0 }, at)).toThrow(ValidationError);
    expect(editSeries(series, [], { id: 'other' } as never, at).series.id).toBe('s1');
  });
});
