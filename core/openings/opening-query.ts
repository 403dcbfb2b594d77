import { z } from 'zod';
import { addCodedIssue, instantSchema, instantToMs, minutesOfDay, parseWith, timeOfDayWindowSchema } from '../model';

/** "Any provider" / "any room": every active resource of that kind. */
export interface AnyOfKind<Kind extends 'provider' | 'room'> {
  kind: Kind;
}

/** A stretch of the clock the visit must lie in, `HH:mm`–`HH:mm` on the resource's clock (`24:00` = midnight at the end). */
export interface TimeOfDayWindow {
  start: string;
  end: string;
}

/**
 * What the receptionist asked for: "Dr Chen, mornings, not Fridays, 40
 * minutes, Room 2". Weekdays are ISO numbers (1 = Monday … 7 = Sunday), read
 * with the time windows on the provider's clock.
 */
export interface OpeningQuery {
  durationMinutes: number;
  providers: string[] | AnyOfKind<'provider'>;
  /** A room is needed too: any of these, or any room. */
  rooms?: string[] | AnyOfKind<'room'>;
  /** Never at a time this patient is booked elsewhere. */
  patientId?: string;
  /** Instants; `to` defaults to eight weeks after `from`. */
  from: string;
  to?: string;
  weekdays?: number[];
  timeOfDay?: TimeOfDayWindow[];
  /** Starts on the provider's clock at multiples of this many minutes from midnight (default 15); a stretch's own start is offered too. */
  stepMinutes?: number;
  /** How many openings (default 20). */
  limit?: number;
}

/** The query once checked: epoch ms, defaults filled in. */
export interface ParsedOpeningQuery {
  durationMs: number;
  providers: string[] | AnyOfKind<'provider'>;
  rooms?: string[] | AnyOfKind<'room'>;
  patientId?: string;
  from: number;
  to: number;
  weekdays?: number[];
  /** Minutes since midnight, `[start, end)`. */
  timeOfDay?: { start: number; end: number }[];
  stepMs: number;
  limit: number;
}

const dayMs = 86_400_000;
/** Eight weeks: the horizon a front desk looks at when nobody names one. */
export const defaultOpeningHorizonMs = 56 * dayMs;
/** A year and a day (a leap year's 366 days). */
export const longestOpeningRangeMs = 366 * dayMs;

const wholeNumber = (low: number, high: number, code: 'invalid-duration' | 'invalid-interval' | 'invalid-count' | 'invalid-weekday', message: string) =>
  z.number().superRefine((value, context) => {
    if (!Number.isInteger(value) || value < low || value > high) addCodedIssue(context, code, message);
  });

const resourceList = <Kind extends 'provider' | 'room'>(kind: Kind) =>
  z.union([
    z.array(z.string().trim().min(1, `A ${kind} id is empty.`)).min(1, `Name at least one ${kind}, or ask for any ${kind}.`),
    z.object({ kind: z.literal(kind) }).strict(),
  ]);

const querySchema = z
  .object({
    durationMinutes: wholeNumber(1, 1440, 'invalid-duration', 'The length must be a whole number of minutes from 1 to 24 hours (1440).'),
    providers: resourceList('provider'),
    rooms: resourceList('room').optional(),
    patientId: z.string().trim().min(1, 'The patient id is empty.').optional(),
    from: instantSchema,
    to: instantSchema.optional(),
    weekdays: z.array(wholeNumber(1, 7, 'invalid-weekday', 'A weekday is a number from 1 (Monday) to 7 (Sunday).')).min(1, 'Pick at least one day, or leave the days out.').optional(),
    timeOfDay: z.array(timeOfDayWindowSchema).min(1, 'Pick at least one time of day, or leave the times out.').optional(),
    stepMinutes: wholeNumber(1, 240, 'invalid-interval', 'The step between starts must be a whole number of minutes from 1 to 240.').optional(),
    limit: wholeNumber(1, 500, 'invalid-count', 'Ask for 1 to 500 openings.').optional(),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.to === undefined) return;
    const from = instantToMs(query.from) as number;
    const to = instantToMs(query.to) as number;
    if (to <= from) addCodedIssue(context, 'end-not-after-start', 'The search ends before it starts.', ['to']);
    else if (to - from > longestOpeningRangeMs) addCodedIssue(context, 'range-too-long', 'Search at most a year at a time.', ['to']);
  });

/**
 * Checks an openings query and fills in its defaults; a bad field throws a
 * `ValidationError` naming it (`durationMinutes`, `to`, `timeOfDay.0.end`, …).
 *
 * @example parseOpeningQuery({ durationMinutes: 40, providers: ['dr-chen'], from: '2027-01-11T00:00:00Z' }).to
 * // Date.parse('2027-03-08T00:00:00Z') — eight weeks on
 * @example parseOpeningQuery({ durationMinutes: 0, providers: { kind: 'provider' }, from: '2027-01-11T00:00:00Z' }) // throws invalid-duration / durationMinutes
 */
export function parseOpeningQuery(input: OpeningQuery): ParsedOpeningQuery {
  const query = parseWith(querySchema, input);
  const from = instantToMs(query.from) as number;
  return {
    durationMs: query.durationMinutes * 60_000,
    providers: query.providers,
    ...(query.rooms === undefined ? {} : { rooms: query.rooms }),
    ...(query.patientId === undefined ? {} : { patientId: query.patientId }),
    from,
    to: query.to === undefined ? from + defaultOpeningHorizonMs : (instantToMs(query.to) as number),
    ...(query.weekdays === undefined ? {} : { weekdays: [...new Set(query.weekdays)].sort() }),
    ...(query.timeOfDay === undefined
      ? {}
      : { timeOfDay: query.timeOfDay.map((window) => ({ start: minutesOfDay(window.start) as number, end: minutesOfDay(window.end, true) as number })) }),
    stepMs: (query.stepMinutes ?? 15) * 60_000,
    limit: query.limit ?? 20,
  };
}
