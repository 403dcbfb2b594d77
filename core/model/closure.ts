import { z } from 'zod';
import { calendarDateSchema } from './calendar-fields';
import { idSchema } from './ids';
import { requiredText } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * A holiday or closure: whole days from `startDate` to `endDate`, both
 * inclusive. A closure of one resource is read in that resource's zone; a
 * clinic-wide one (`resourceId: null`) in the clinic's zone, so "closed on
 * 25 December" means the clinic's 25 December for every resource, wherever
 * a resource's own clock is (core/overlap's `checkBooking` does the same).
 *
 * @example
 * parseClosure({ id: 'xmas', resourceId: null, startDate: '2025-12-25', endDate: '2025-12-26', reason: 'Christmas' })
 */
export const closureSchema = z
  .object({
    id: idSchema,
    resourceId: idSchema.nullable(),
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    reason: requiredText(200),
  })
  .superRefine((closure, context) => {
    // Same-format dates compare correctly as strings; a one-day closure has endDate === startDate.
    if (closure.endDate < closure.startDate) {
      addCodedIssue(context, 'end-not-after-start', `The last day (${closure.endDate}) cannot be before the first day (${closure.startDate}).`, ['endDate']);
    }
  });

/** A validated closure; see {@link closureSchema}. */
export type Closure = z.infer<typeof closureSchema>;

/**
 * Validates a closure or throws a `ValidationError` naming the field.
 *
 * @example parseClosure({ …, startDate: '2025-12-26', endDate: '2025-12-25' }) // throws end-not-after-start / endDate
 */
export function parseClosure(input: unknown): Closure {
  return parseWith(closureSchema, input);
}
