import { z } from 'zod';
import { idSchema, instantSchema } from '../model';
import { concurrentEditActions, concurrentEditConflictSchema } from './concurrent-edit-conflict';
import { scheduleDisplacedActions, scheduleDisplacedConflictSchema } from './schedule-displaced-conflict';

/**
 * How a double booking was settled (sync protocol v1): one appointment moved,
 * one cancelled, or both kept under a manager's override.
 */
export const doubleBookingActions = ['rescheduled', 'cancelled', 'kept-both'] as const;

/**
 * Every way a conflict can be settled: a double booking's, then a concurrent
 * edit's (concurrent-edit-conflict.ts).
 *
 * @example conflictResolutionActions.includes('applied-other') // true
 */
export const conflictResolutionActions = [...doubleBookingActions, ...concurrentEditActions, ...scheduleDisplacedActions] as const;

/**
 * A double booking the server found when two desks booked the same slot
 * offline. Both appointments are kept (never "last writer wins" for a slot);
 * the server creates this record with `status: 'open'`, every desk pulls it
 * into its `conflicts` table, and the "Needs attention" inbox lists the open
 * ones until someone resolves it (a synced, audited mutation).
 *
 * @example
 * syncConflictSchema.parse({ id: 'c1', kind: 'double-booking', appointmentIds: ['a1', 'a2'], resourceId: 'dr-lee',
 *   deviceIds: ['desk-a', 'desk-b'], detectedAtChange: 42, status: 'open' }).status // 'open'
 */
export const doubleBookingConflictSchema = z.object({
  id: idSchema,
  kind: z.literal('double-booking'),
  /** The appointments involved: the ones already stored first, the one that collided last (a series' occurrence ids, capped at 1,000). */
  appointmentIds: z.array(idSchema).min(2).max(1000),
  resourceId: idSchema.optional(),
  patientId: idSchema.optional(),
  /** The desks whose bookings collided. */
  deviceIds: z.array(z.string().min(1).max(100)).max(1000),
  /** The server change number at which it was found. */
  detectedAtChange: z.number().int().min(0),
  status: z.enum(['open', 'resolved']),
  resolution: z
    .object({
      action: z.enum(doubleBookingActions),
      /** The appointment moved or cancelled (absent for kept-both). */
      appointmentId: idSchema.optional(),
      reason: z.string().min(1).max(500),
      by: idSchema,
      at: instantSchema,
    })
    .optional(),
  /** The server's change number of the last write (set on pull). */
  version: z.number().int().min(0).optional(),
});

/** A stored double booking; see {@link doubleBookingConflictSchema}. */
export type DoubleBookingConflict = z.infer<typeof doubleBookingConflictSchema>;

/**
 * Any conflict the "Needs attention" inbox lists: a double booking or a
 * concurrent edit of one record (both found by the server;
 * concurrent-edit-conflict.ts), or bookings a schedule change left outside
 * the hours (found by the desk that made it; schedule-displaced-conflict.ts).
 * Tell them apart by `kind`.
 *
 * @example syncConflictSchema.parse(row).kind // 'double-booking' | 'concurrent-edit' | 'schedule-displaced'
 */
export const syncConflictSchema = z.discriminatedUnion('kind', [doubleBookingConflictSchema, concurrentEditConflictSchema, scheduleDisplacedConflictSchema]);

/** A stored conflict; see {@link syncConflictSchema}. */
export type SyncConflict = z.infer<typeof syncConflictSchema>;
