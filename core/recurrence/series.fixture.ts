import { parseSeries, validationResult } from '../model';
import type { Series } from '../model';

/**
 * Test fixture: a validated series of patient p1 with dr-lee, 60 minutes,
 * version 0, with `fields` on top (the rule and zone always given).
 *
 * @example makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;COUNT=4' }).durationMinutes // 60
 */
export function makeSeries(fields: Partial<Series> & Pick<Series, 'dtstart' | 'timeZone' | 'rrule'>): Series {
  return parseSeries({
    id: 's1',
    resourceIds: ['dr-lee'],
    patientId: 'p1',
    durationMinutes: 60,
    version: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...fields,
  });
}

/**
 * Test fixture: how a call is refused, as `code @ field`, or `no error`.
 * Errors other than `ValidationError` are bugs and still throw.
 *
 * @example codeOf(() => splitSeries(series, [], '2025-03-04T09:00', 's2', at)) // 'unknown-entity @ originalStart'
 */
export function codeOf(run: () => unknown): string {
  const result = validationResult(run);
  return result.ok ? 'no error' : `${result.problem.code} @ ${result.problem.field}`;
}
