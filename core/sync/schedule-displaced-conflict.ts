import { z } from 'zod';
import { idSchema, instantSchema } from '../model';

/** How the bookings a schedule change left outside the hours were dealt with: each moved or cancelled. */
export const scheduleDisplacedActions = ['handled'] as const;

/**
 * Bookings a schedule change left outside the resource's bookable time —
 * new leave over seven booked visits, shorter hours on a busy day. Nothing
 * is moved or cancelled for the receptionist: the schedule command lists
 * them before saving (core/queries `previewScheduleChange`), then stores
 * this record with the change, and every desk's "Needs attention" inbox
 * shows it until each visit has been moved into bookable time or cancelled
 * (with the ordinary, checked commands) and someone marks it `handled`
 * (`conflict/resolve`). `bookings` are appointment ids or series occurrence
 * ids (`seriesId:YYYYMMDDTHHMMSS`) with their start when the change was made.
 *
 * @example
 * scheduleDisplacedConflictSchema.parse({ id: 'cf_2', kind: 'schedule-displaced', blockId: 'leave-1', resourceId: 'dr-lee', change: 'saved',
 *   bookings: [{ id: 'a1', start: '2026-12-29T09:00:00.000Z' }], deviceIds: ['desk-1'], detectedAtChange: 0, status: 'open' }).bookings.length // 1
 */
export const scheduleDisplacedConflictSchema = z.object({
  id: idSchema,
  kind: z.literal('schedule-displaced'),
  /** The block whose change left them outside (it may be gone: `change: 'removed'`). */
  blockId: idSchema,
  resourceId: idSchema,
  change: z.enum(['saved', 'ended', 'removed']),
  bookings: z.array(z.object({ id: idSchema, start: instantSchema })).min(1).max(1000),
  /** The desk that made the change. */
  deviceIds: z.array(z.string().min(1).max(100)).max(10),
  /** 0: found by a desk, not the server. */
  detectedAtChange: z.number().int().min(0),
  status: z.enum(['open', 'resolved']),
  resolution: z
    .object({
      action: z.enum(scheduleDisplacedActions),
      reason: z.string().min(1).max(500),
      by: idSchema,
      at: instantSchema,
    })
    .optional(),
  /** The server's change number of the last write (set on pull). */
  version: z.number().int().min(0).optional(),
});

/** A stored schedule-displaced record; see {@link scheduleDisplacedConflictSchema}. */
export type ScheduleDisplacedConflict = z.infer<typeof scheduleDisplacedConflictSchema>;
