import { z } from 'zod';
import { durationMinutesSchema } from './appointment';
import { timeZoneSchema, wallTimeSchema } from './calendar-fields';
import { idSchema } from './ids';
import { instantSchema } from './instant';
import { integerInRange } from './number-fields';
import { resourceIdsSchema } from './resource-ids';
import { optionalText } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

const rrulePartPattern = /^[A-Z]+=[A-Z0-9,+-]+$/;

/**
 * An RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`), upper-cased,
 * with a leading `RRULE:` dropped. Only its shape is checked here (NAME=VALUE
 * parts, FREQ present, no name twice); core/recurrence checks the meaning.
 *
 * @example rruleSchema.parse('RRULE:freq=weekly;byday=mo') // 'FREQ=WEEKLY;BYDAY=MO'
 */
export const rruleSchema = z
  .string()
  .trim()
  .overwrite((text) => text.toUpperCase().replace(/^RRULE:/, ''))
  .superRefine((text, context) => {
    const parts = text.split(';');
    const names = parts.map((part) => part.split('=')[0]);
    if (text === '') addCodedIssue(context, 'required', 'Repeat rule is required.');
    else if (!parts.every((part) => rrulePartPattern.test(part)) || !names.includes('FREQ') || new Set(names).size !== names.length) {
      addCodedIssue(context, 'invalid-rrule', `"${text}" is not a repeat rule like FREQ=WEEKLY;BYDAY=MO.`);
    }
  });

/**
 * A repeating booking, stored as its rule rather than as its occurrences.
 * `dtstart`, `exdates` and `rdates` are wall times in `timeZone` (the
 * iCalendar DTSTART;TZID / EXDATE / RDATE), so "every Monday at 09:00" stays
 * at 09:00 across DST changes. Single occurrences that were moved, edited or
 * cancelled are {@link SeriesException}s keyed by their original start;
 * core/recurrence expands a series plus its exceptions into `SeriesOccurrence`s.
 *
 * `lineageId` links the parts of a series cut by "this and following": every
 * part split off carries the id of the series the first cut was made in (the
 * root, which itself carries none), so "all visits" can reach every part
 * however often it was split, even after the root is removed. Absent on a
 * series never split, and on parts split before the link existed.
 *
 * @example
 * parseSeries({ id: 's1', resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2025-03-03T09:00',
 *   timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [], rdates: [],
 *   version: 0, createdAt: '2025-03-01T09:00:00.000Z', updatedAt: '2025-03-01T09:00:00.000Z' })
 */
export const seriesSchema = z.object({
  id: idSchema,
  resourceIds: resourceIdsSchema,
  patientId: idSchema,
  dtstart: wallTimeSchema,
  timeZone: timeZoneSchema,
  durationMinutes: durationMinutesSchema,
  rrule: rruleSchema,
  exdates: z.array(wallTimeSchema).default([]),
  rdates: z.array(wallTimeSchema).default([]),
  visitReason: optionalText(200),
  notes: optionalText(2000),
  lineageId: idSchema.optional(),
  version: integerInRange(0, Number.MAX_SAFE_INTEGER, 'invalid-format', 'Version must be a whole number of 0 or more.'),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

/** A validated series; see {@link seriesSchema}. */
export type Series = z.infer<typeof seriesSchema>;

/**
 * Validates a series or throws a `ValidationError` naming the field
 * (`exdates.1`, `rrule`, …).
 *
 * @example parseSeries({ …, rrule: 'WEEKLY' }) // throws invalid-rrule / rrule
 */
export function parseSeries(input: unknown): Series {
  return parseWith(seriesSchema, input);
}

const exceptionBase = {
  id: idSchema,
  seriesId: idSchema,
  /** The occurrence's start as the rule generated it (iCalendar RECURRENCE-ID), a wall time in the series' zone. */
  originalStart: wallTimeSchema,
  version: integerInRange(0, Number.MAX_SAFE_INTEGER, 'invalid-format', 'Version must be a whole number of 0 or more.'),
  createdAt: instantSchema,
  updatedAt: instantSchema,
};

/**
 * A change to ONE occurrence of a series, keyed by `seriesId` + `originalStart`
 * (iCalendar RECURRENCE-ID); at most one exception per key.
 *
 * - `cancelled`: the occurrence does not happen; `reason` is required, as for
 *   any cancellation. (Unlike an EXDATE, it still shows as cancelled.)
 * - `moved`: the occurrence happens with these fields instead of the series'
 *   ones: its own `wallStart` + `timeZone`, `durationMinutes`, `resourceIds`
 *   and optional `visitReason` / `notes`. "Edited in place" is a `moved`
 *   exception whose `wallStart` equals `originalStart`. Fields are complete
 *   (not a patch), so later series edits do not silently change it.
 *
 * @example
 * parseSeriesException({ id: 'x1', seriesId: 's1', originalStart: '2025-03-10T09:00', kind: 'cancelled',
 *   reason: 'Provider ill', version: 0, createdAt: '2025-03-01T09:00:00.000Z', updatedAt: '2025-03-01T09:00:00.000Z' })
 */
export const seriesExceptionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...exceptionBase,
      kind: z.literal('cancelled'),
      reason: optionalText(500),
    })
    // On the object, not the field: zod skips a field's checks when an optional key is absent, so a
    // missing reason would pass (a pulled or pushed record can leave the key out; a form sends '').
    .superRefine((exception, context) => {
      if (exception.reason === undefined) {
        context.addIssue({ code: 'custom', path: ['reason'], message: 'Please give a reason for cancelling this occurrence.', params: { code: 'reason-required', evenWhenMissing: true } });
      }
    }),
  z.object({
    ...exceptionBase,
    kind: z.literal('moved'),
    wallStart: wallTimeSchema,
    timeZone: timeZoneSchema,
    durationMinutes: durationMinutesSchema,
    resourceIds: resourceIdsSchema,
    visitReason: optionalText(200),
    notes: optionalText(2000),
  }),
]);

/** A validated series exception; see {@link seriesExceptionSchema}. */
export type SeriesException = z.infer<typeof seriesExceptionSchema>;

/**
 * Validates a series exception or throws a `ValidationError` naming the field.
 *
 * @example parseSeriesException({ …, kind: 'cancelled', reason: '' }) // throws reason-required / reason
 */
export function parseSeriesException(input: unknown): SeriesException {
  return parseWith(seriesExceptionSchema, input);
}
