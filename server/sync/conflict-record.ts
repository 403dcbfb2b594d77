import { z } from 'zod';
import { idSchema, parseWith } from '../../core';
import { scheduleDisplacedConflictSchema } from '../../core/sync/schedule-displaced-conflict';
import { concurrentEditRecordSchema } from './concurrent-edit-record';

/**
 * Booked visits a desk's schedule change left outside the hours (issue 12):
 * made by that desk with the change, resolved by any desk once each visit is
 * moved or cancelled. core's schema (the one desks parse it with), without
 * the desk-side `version`.
 */
export const scheduleDisplacedRecordSchema = scheduleDisplacedConflictSchema.omit({ version: true });

/**
 * A double booking the server found: both appointments are kept, the later
 * one carries `syncConflict: id`, and this record syncs to every desk as the
 * entity `conflict`. Desks resolve it with a mutation whose effect puts the
 * record back with `status: 'resolved'` and a `resolution` (its shape is the
 * client's; the server stores it as plain JSON).
 *
 * @example parseConflictRecord({ id: 'cf_1', kind: 'double-booking', appointmentIds: ['a1', 'a2'], resourceId: 'dr-lee', deviceIds: ['desk-1', 'desk-2'], detectedAtChange: 7, status: 'open' })
 */
export const doubleBookingRecordSchema = z.object({
  id: idSchema,
  kind: z.literal('double-booking'),
  appointmentIds: z.array(idSchema).min(2).max(1000),
  resourceId: idSchema.optional(),
  patientId: idSchema.optional(),
  deviceIds: z.array(z.string().min(1).max(100)).max(1000),
  detectedAtChange: z.number().int().min(1),
  status: z.enum(['open', 'resolved']),
  resolution: z.record(z.string(), z.json()).optional(),
});

/**
 * Any conflict record the server stores: a double booking, two desks'
 * concurrent edits of one record (concurrent-edit-record.ts), or the visits
 * a schedule change displaced.
 *
 * @example conflictRecordSchema.parse(record).kind // 'double-booking' | 'concurrent-edit'
 */
export const conflictRecordSchema = z.discriminatedUnion('kind', [doubleBookingRecordSchema, concurrentEditRecordSchema, scheduleDisplacedRecordSchema]);

/** A conflict record; see {@link conflictRecordSchema}. */
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

/**
 * Validates a conflict record or throws a core `ValidationError` naming the field.
 *
 * @example parseConflictRecord({ ...record, status: 'maybe' }) // throws invalid-format / status
 */
export function parseConflictRecord(input: unknown): ConflictRecord {
  return parseWith(conflictRecordSchema, input);
}
