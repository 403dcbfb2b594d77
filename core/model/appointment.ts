import { z } from 'zod';
import { wallTimeToInstant } from '../time';
import { appointmentStatuses, bookedHistory, currentStatus, statusHistorySchema } from './appointment-status';
import type { StatusChangeContext } from './appointment-status';
import { timeZoneSchema, wallTimeSchema } from './calendar-fields';
import { idSchema } from './ids';
import { instantSchema, instantToMs, msToInstant } from './instant';
import { integerInRange } from './number-fields';
import { resourceIdsSchema } from './resource-ids';
import { optionalText, textLimits } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * Shortest and longest bookable appointment, in elapsed minutes.
 *
 * @example durationLimits.max // 1440 (a whole day)
 */
export const durationLimits = { min: 5, max: 1440 } as const;

/**
 * Elapsed minutes, 5–1440. Elapsed, not wall-clock: a 60-minute visit lasts
 * 60 real minutes even across a DST change.
 *
 * @example durationMinutesSchema.parse(45) // 45
 */
export const durationMinutesSchema = integerInRange(
  durationLimits.min,
  durationLimits.max,
  'invalid-duration',
  `Duration must be between ${durationLimits.min} and ${durationLimits.max} minutes.`,
);

/**
 * What the user chooses when booking; everything else is derived by {@link buildAppointment}.
 *
 * @example appointmentInputSchema.parse({ resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2025-03-10T09:00', timeZone: 'America/New_York', durationMinutes: 30 })
 */
export const appointmentInputSchema = z.object({
  resourceIds: resourceIdsSchema,
  patientId: idSchema,
  /** The wall time the user picked on the calendar, in `timeZone`. */
  wallStart: wallTimeSchema,
  timeZone: timeZoneSchema,
  durationMinutes: durationMinutesSchema,
  visitReason: optionalText(textLimits.visitReason),
  notes: optionalText(textLimits.notes),
  seriesId: idSchema.optional(),
  /** For a series occurrence: its original start (iCalendar RECURRENCE-ID), a wall time in the series' zone. */
  originalStart: wallTimeSchema.optional(),
});

/** Booking input; see {@link appointmentInputSchema}. */
export type AppointmentInput = z.input<typeof appointmentInputSchema>;

/**
 * A booked visit. `start`/`end` are the real UTC instants (what overlap
 * checks use); `wallStart` + `timeZone` are what the user chose, kept so the
 * booking can be re-resolved and shown as typed, including a wall time that
 * fell into a DST gap (02:30 on a spring-forward day starts at 03:30).
 * `status` always equals the last entry of `statusHistory`. `version` counts
 * saved edits, for optimistic concurrency in sync.
 *
 * @example parseAppointment(storedRecord).start // '2025-03-09T07:30:00.000Z'
 */
export const appointmentSchema = z
  .object({
    id: idSchema,
    ...appointmentInputSchema.shape,
    start: instantSchema,
    end: instantSchema,
    status: z.enum(appointmentStatuses),
    statusHistory: statusHistorySchema,
    version: integerInRange(0, Number.MAX_SAFE_INTEGER, 'invalid-format', 'Version must be a whole number of 0 or more.'),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .superRefine((appointment, context) => {
    const start = instantToMs(appointment.start);
    const end = instantToMs(appointment.end);
    if (start !== undefined && end !== undefined) {
      if (end <= start) {
        addCodedIssue(context, 'end-not-after-start', 'The appointment must end after it starts.', ['end']);
      } else if (end - start !== appointment.durationMinutes * 60_000) {
        addCodedIssue(context, 'invalid-duration', `Start and end are ${(end - start) / 60_000} minutes apart, not ${appointment.durationMinutes}.`, ['durationMinutes']);
      }
    }
    const history = appointment.statusHistory;
    if (history.length > 0 && history.at(-1)?.to !== appointment.status) {
      addCodedIssue(context, 'invalid-status-transition', `The status (${appointment.status}) does not match its history.`, ['status']);
    }
    if (appointment.originalStart !== undefined && appointment.seriesId === undefined) {
      addCodedIssue(context, 'required', 'An original start only makes sense for an appointment that belongs to a series.', ['seriesId']);
    }
  });

/** A validated appointment; see {@link appointmentSchema}. */
export type Appointment = z.infer<typeof appointmentSchema>;

/**
 * Validates a stored or received appointment or throws a `ValidationError`
 * naming the field (`resourceIds.0`, `end`, `statusHistory.3`, …).
 *
 * @example parseAppointment({ …, durationMinutes: 2 }) // throws invalid-duration / durationMinutes
 */
export function parseAppointment(input: unknown): Appointment {
  return parseWith(appointmentSchema, input);
}

/** Identity and clock for a new record; the engine never reads the clock itself. */
export interface NewRecordContext extends StatusChangeContext {
  /** The new record's id, made by the caller (see `newId`). */
  id: string;
}

/** Built once: `buildAppointment` runs for every booking and server push, and only needs to parse. */
const newRecordMetaSchema = z.object({ id: idSchema, at: instantSchema, by: idSchema });

/**
 * Builds a new, booked appointment from what the user chose. The start
 * instant comes from core/time's `wallTimeToInstant` (its DST gap and
 * repeated-hour policy); the end is `durationMinutes` of elapsed time later,
 * so it may fall on the next day or on the other side of a DST change.
 * Throws a `ValidationError` naming the field for bad input.
 *
 * @example
 * buildAppointment(
 *   { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2025-03-09T02:30', timeZone: 'America/New_York', durationMinutes: 60 },
 *   { id: 'a1', at: '2025-03-01T09:00:00.000Z', by: 'staff-1' },
 * ) // start '2025-03-09T07:30:00.000Z', end '2025-03-09T08:30:00.000Z'
 */
export function buildAppointment(input: AppointmentInput, context: NewRecordContext): Appointment {
  const choice = parseWith(appointmentInputSchema, input);
  const meta = parseWith(newRecordMetaSchema, { id: context.id, at: context.at, by: context.by });
  const startMs = wallTimeToInstant(choice.wallStart, choice.timeZone, 'wallStart');
  const history = bookedHistory({ at: meta.at, by: meta.by, reason: context.reason });
  const appointment: Appointment = {
    ...dropUndefined(choice),
    id: meta.id,
    start: msToInstant(startMs),
    end: msToInstant(startMs + choice.durationMinutes * 60_000),
    status: currentStatus(history),
    statusHistory: history,
    version: 0,
    createdAt: meta.at,
    updatedAt: meta.at,
  };
  if (appointment.originalStart !== undefined && appointment.seriesId === undefined) {
    return parseAppointment(appointment); // reports the missing series with its field
  }
  return appointment;
}

/** Optional fields left out entirely rather than stored as `undefined` (IndexedDB and JSON keep them apart). */
function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
