import { z } from 'zod';
import { appointmentStatuses } from './appointment-status';
import { durationMinutesSchema } from './appointment';
import { timeZoneSchema, wallTimeSchema } from './calendar-fields';
import { idSchema } from './ids';
import { instantSchema } from './instant';
import { resourceIdsSchema } from './resource-ids';
import { optionalText } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';
import type { WallTime } from '../time';

/**
 * The id of a series occurrence: `<seriesId>:<originalStart in basic ISO form>`,
 * stable for as long as the rule generates that start, so selections and
 * undo survive re-expansion.
 *
 * @example occurrenceId('s1', '2025-03-10T09:00:00') // 's1:20250310T090000'
 */
export function occurrenceId(seriesId: string, originalStart: WallTime): string {
  return `${seriesId}:${originalStart.replace(/[-:]/g, '')}`;
}

/**
 * One computed instance of a series, never stored. (Named `SeriesOccurrence`
 * because core/recurrence's `Occurrence` is the bare rule instance it is built
 * from: a wall time and a UTC instant.): core/recurrence builds it
 * from a {@link Series} and its exceptions. `originalStart` is what the rule
 * generated; `wallStart`/`start`/`end` are where it actually is (they differ
 * for a moved occurrence). `status` is `booked`, or `cancelled` for a
 * cancelled exception; once the visit progresses (arrived, …) it is saved as
 * an `Appointment` with the same `seriesId` and `originalStart`, and
 * `appointmentId` points at it.
 *
 * @example seriesOccurrenceSchema.parse({ id: 's1:20250310T090000', seriesId: 's1', originalStart: '2025-03-10T09:00', … })
 */
export const seriesOccurrenceSchema = z
  .object({
    id: z.string().min(1).max(100),
    seriesId: idSchema,
    originalStart: wallTimeSchema,
    wallStart: wallTimeSchema,
    timeZone: timeZoneSchema,
    start: instantSchema,
    end: instantSchema,
    durationMinutes: durationMinutesSchema,
    resourceIds: resourceIdsSchema,
    patientId: idSchema,
    status: z.enum(appointmentStatuses),
    visitReason: optionalText(200),
    notes: optionalText(2000),
    /** True when a `moved` or `cancelled` exception shaped this occurrence. */
    isException: z.boolean().default(false),
    appointmentId: idSchema.optional(),
  })
  .superRefine((occurrence, context) => {
    if (occurrence.id !== occurrenceId(occurrence.seriesId, occurrence.originalStart)) {
      addCodedIssue(context, 'invalid-format', `The occurrence id must be ${occurrenceId(occurrence.seriesId, occurrence.originalStart)}.`, ['id']);
    }
    if (occurrence.end <= occurrence.start) {
      addCodedIssue(context, 'end-not-after-start', 'The occurrence must end after it starts.', ['end']);
    }
  });

/** A computed series occurrence; see {@link seriesOccurrenceSchema}. */
export type SeriesOccurrence = z.infer<typeof seriesOccurrenceSchema>;

/**
 * Validates an occurrence (e.g. one received over IPC) or throws a
 * `ValidationError` naming the field.
 *
 * @example parseSeriesOccurrence({ …, id: 'wrong' }) // throws invalid-format / id
 */
export function parseSeriesOccurrence(input: unknown): SeriesOccurrence {
  return parseWith(seriesOccurrenceSchema, input);
}
