import { z } from 'zod';
import { minutesOfDay, timeOfDaySchema } from './calendar-fields';
import { idSchema } from './ids';
import { integerInRange } from './number-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * Whether a rule adds bookable hours or takes a break out of them.
 *
 * @example availabilityKinds // ['working', 'break']
 */
export const availabilityKinds = ['working', 'break'] as const;

/** One of {@link availabilityKinds}. */
export type AvailabilityKind = (typeof availabilityKinds)[number];

/**
 * One weekly block of a resource's hours, read as wall time in the
 * resource's zone: `weekday` is ISO (Monday = 1 … Sunday = 7), the block is
 * half-open `[start, end)`, and `end` may be `24:00` for "until midnight".
 * Breaks are subtracted from working blocks of the same weekday.
 *
 * @example
 * parseAvailabilityRule({ id: 'av1', resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '17:00', kind: 'working' })
 */
export const availabilityRuleSchema = z
  .object({
    id: idSchema,
    resourceId: idSchema,
    weekday: integerInRange(1, 7, 'invalid-weekday', 'Weekday must be 1 (Monday) to 7 (Sunday).'),
    start: timeOfDaySchema(false),
    end: timeOfDaySchema(true),
    kind: z.enum(availabilityKinds),
  })
  .superRefine((rule, context) => {
    const start = minutesOfDay(rule.start);
    const end = minutesOfDay(rule.end, true);
    if (start !== undefined && end !== undefined && end <= start) {
      addCodedIssue(context, 'end-not-after-start', `The end (${rule.end}) must be after the start (${rule.start}).`, ['end']);
    }
  });

/** A validated weekly availability block; see {@link availabilityRuleSchema}. */
export type AvailabilityRule = z.infer<typeof availabilityRuleSchema>;

/**
 * Validates an availability rule or throws a `ValidationError` naming the field.
 *
 * @example parseAvailabilityRule({ …, start: '17:00', end: '09:00' }) // throws end-not-after-start / end
 */
export function parseAvailabilityRule(input: unknown): AvailabilityRule {
  return parseWith(availabilityRuleSchema, input);
}
