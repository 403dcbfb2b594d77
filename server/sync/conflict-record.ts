import { z } from 'zod';
import { parseWith } from '../../core';
import { doubleBookingConflictSchema } from '../../core/sync/conflict-record';
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
 * record back with `status: 'resolved'` and a `resolution`. The schema is
 * core's — the one every desk parses the record with on pull — so there is
 * one copy, and the server checks a desk's resolution with the desk's own
 * rules (only the desk-side `version`, set on pull, is left out).
 *
 * @example parseConflictRecord({ id: 'cf_1', kind: 'double-booking', appointmentIds: ['a1', 'a2'], resourceId: 'dr-lee', deviceIds: ['desk-1', 'desk-2'], detectedAtChange: 7, status: 'open' })
 */
export const doubleBookingRecordSchema = doubleBookingConflictSchema.omit({ version: true });

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
