import { z } from 'zod';
import { timeZoneSchema } from './calendar-fields';
import { idSchema } from './ids';
import { integerInRange } from './number-fields';
import { requiredText } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * What a resource is; providers, rooms and equipment are all booked the same way.
 *
 * @example resourceKinds.includes('room') // true
 */
export const resourceKinds = ['provider', 'room', 'equipment'] as const;

/** One of {@link resourceKinds}. */
export type ResourceKind = (typeof resourceKinds)[number];

/**
 * Something an appointment occupies: a provider, a room or a piece of
 * equipment. `capacity` is how many appointments it can hold at once (a
 * group room may take 4); its weekly hours are read in `timeZone`.
 *
 * @example
 * parseResource({ id: 'room-1', kind: 'room', name: 'Room 1', timeZone: 'Europe/London' })
 * // → { …, capacity: 1, active: true }
 */
export const resourceSchema = z.object({
  id: idSchema,
  kind: z.enum(resourceKinds),
  name: requiredText(120),
  capacity: integerInRange(1, 1000, 'invalid-capacity', 'Capacity must be a whole number from 1 to 1000.').default(1),
  timeZone: timeZoneSchema,
  color: z
    .string()
    .superRefine((text, context) => {
      if (!/^#[0-9a-fA-F]{6}$/.test(text)) addCodedIssue(context, 'invalid-format', `"${text}" is not a colour like #3366cc.`);
    })
    .optional(),
  active: z.boolean().default(true),
});

/** A validated resource; see {@link resourceSchema}. */
export type Resource = z.infer<typeof resourceSchema>;

/**
 * Validates a resource at an edge (form, import, IPC) or throws a
 * `ValidationError` naming the field.
 *
 * @example parseResource({ id: 'r1', kind: 'room', name: '', timeZone: 'UTC' }) // throws required / name
 */
export function parseResource(input: unknown): Resource {
  return parseWith(resourceSchema, input);
}
