import { instantToMs, msToInstant, occurrenceId } from '../model';
import type { SeriesOccurrence, Series, SeriesException } from '../model';
import { expandRule } from '../recurrence';
import { wallTimeToInstant } from '../time';

/** A half-open span of instants, epoch ms: `[start, end)`. */
export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * The occurrences of one series that overlap `span`, with its exceptions
 * applied: a `cancelled` exception keeps the occurrence but marks it
 * cancelled; a `moved` exception replaces its time, length, resources and
 * notes (it is found by its own new time, so an occurrence moved INTO the
 * span shows and one moved out of it does not). Sorted by start.
 *
 * The rule is expanded from `span.start` minus the occurrence length, so one
 * that starts before the span but runs into it is included.
 *
 * @example
 * seriesOccurrences(series, [], { start: Date.parse('2025-03-03T00:00Z'), end: Date.parse('2025-03-10T00:00Z') })
 * // [{ id: 's1:20250303T090000', start: '2025-03-03T14:00:00.000Z', status: 'booked', … }]
 */
export function seriesOccurrences(series: Series, exceptions: readonly SeriesException[], span: TimeSpan): SeriesOccurrence[] {
  const byOriginal = new Map(exceptions.filter((exception) => exception.seriesId === series.id).map((exception) => [exception.originalStart, exception]));
  const durationMs = series.durationMinutes * 60_000;
  // Moved occurrences can land anywhere, so the rule is scanned wider for them.
  const moved = [...byOriginal.values()].filter((exception) => exception.kind === 'moved');
  const generated = expandRule(
    { dtstart: series.dtstart, tzid: series.timeZone, rrule: series.rrule, exdates: series.exdates, rdates: series.rdates },
    { from: msToInstant(span.start - durationMs), to: msToInstant(span.end) },
  );
  const result = new Map<string, SeriesOccurrence>();
  const base = {
    seriesId: series.id,
    patientId: series.patientId,
  };
  for (const occurrence of generated) {
    const exception = byOriginal.get(occurrence.local);
    if (exception?.kind === 'moved') continue; // placed below, at its new time
    const start = instantToMs(occurrence.utc) as number;
    if (start + durationMs <= span.start) continue;
    result.set(occurrence.local, {
      ...base,
      id: occurrenceId(series.id, occurrence.local),
      originalStart: occurrence.local,
      wallStart: occurrence.local,
      timeZone: series.timeZone,
      start: occurrence.utc,
      end: msToInstant(start + durationMs),
      durationMinutes: series.durationMinutes,
      resourceIds: series.resourceIds,
      status: exception?.kind === 'cancelled' ? 'cancelled' : 'booked',
      ...(series.visitReason === undefined ? {} : { visitReason: series.visitReason }),
      ...(series.notes === undefined ? {} : { notes: series.notes }),
      isException: exception !== undefined,
    });
  }
  for (const exception of moved) {
    if (exception.kind !== 'moved') continue;
    const start = wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart');
    const end = start + exception.durationMinutes * 60_000;
    if (end <= span.start || start >= span.end) continue;
    result.set(exception.originalStart, {
      ...base,
      id: occurrenceId(series.id, exception.originalStart),
      originalStart: exception.originalStart,
      wallStart: exception.wallStart,
      timeZone: exception.timeZone,
      start: msToInstant(start),
      end: msToInstant(end),
      durationMinutes: exception.durationMinutes,
      resourceIds: exception.resourceIds,
      status: 'booked',
      ...(exception.visitReason === undefined ? {} : { visitReason: exception.visitReason }),
      ...(exception.notes === undefined ? {} : { notes: exception.notes }),
      isException: true,
    });
  }
  return [...result.values()].sort((left, right) => (left.start < right.start ? -1 : left.start > right.start ? 1 : left.id < right.id ? -1 : 1));
}
