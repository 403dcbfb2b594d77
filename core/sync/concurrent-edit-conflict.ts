import { z } from 'zod';
import { idSchema, instantSchema } from '../model';

/** How a concurrent edit was settled: the stored change kept, or the other desk's change applied after all. */
export const concurrentEditActions = ['kept-current', 'applied-other'] as const;

const editSideSchema = z.object({
  /** The desk that made this change. */
  deviceId: z.string().min(1).max(100),
  /** The staff member who made it, when the server knows (the audit entry of its mutation): the inbox names them. */
  staffId: idSchema.optional(),
  /** When that desk made it (the record's `updatedAt`). */
  at: z.string().min(1).max(40),
  /** Its slot, status and words (visitReason, notes, an exception's reason): wallStart, timeZone, durationMinutes, start, end, resourceIds, patientId, status (a series: its rule…). */
  values: z.record(z.string(), z.unknown()),
});

/**
 * Two desks changed the slot or status of the same appointment (or series,
 * or series exception) offline: desk 1 moved Mrs Diaz to 10:00 while desk 2
 * moved her to 11:00, or one cancelled while the other checked her in. The
 * server kept the change it applied first (`kept`) and stored the other
 * (`other`) here instead of overwriting, so nothing is lost; every desk's
 * "Needs attention" inbox lists it until someone keeps the current one or
 * applies the other (`conflict/resolve`, an audited mutation that syncs).
 *
 * @example
 * concurrentEditConflictSchema.parse({ id: 'cf_9', kind: 'concurrent-edit', entity: 'appointment', recordId: 'a1', fields: ['start'],
 *   kept: { deviceId: 'desk-1', at: '2026-03-01T09:00:00.000Z', version: 7, values: { start: '2026-03-02T10:00:00.000Z' } },
 *   other: { deviceId: 'desk-2', at: '2026-03-01T09:05:00.000Z', mutationId: 'm-4', values: { start: '2026-03-02T11:00:00.000Z' } },
 *   deviceIds: ['desk-1', 'desk-2'], detectedAtChange: 9, status: 'open' }).kept.deviceId // 'desk-1'
 */
export const concurrentEditConflictSchema = z.object({
  id: idSchema,
  kind: z.literal('concurrent-edit'),
  entity: z.enum(['appointment', 'series', 'seriesException', 'scheduleBlock', 'visitConfirmation', 'waitlistEntry', 'contactConsent']),
  /** The appointment, series, exception or schedule block both desks edited. */
  recordId: idSchema,
  /** The slot/status fields whose values differ between the two changes. */
  fields: z.array(z.string().min(1)).min(1),
  /** The change the record keeps (applied first), at the server version `version`. */
  kept: editSideSchema.extend({ version: z.number().int().min(1) }),
  /**
   * The change that was not applied, and the mutation that carried it;
   * `effects` holds every effect of that mutation as the desk sent it (its
   * other records and deletes: a series split's new tail), so "apply the
   * other" can recreate them. Absent on records from older servers.
   */
  other: editSideSchema.extend({
    mutationId: z.string().min(1).max(100),
    effects: z
      .array(z.object({ entity: z.string().min(1).max(100), id: z.string().min(1).max(200), op: z.enum(['put', 'delete']), data: z.record(z.string(), z.unknown()).optional() }))
      .max(1000)
      .optional(),
  }),
  deviceIds: z.array(z.string().min(1).max(100)),
  detectedAtChange: z.number().int().min(0),
  status: z.enum(['open', 'resolved']),
  resolution: z
    .object({
      action: z.enum(concurrentEditActions),
      reason: z.string().min(1).max(500),
      by: idSchema,
      at: instantSchema,
    })
    .optional(),
  /** The server's change number of the last write (set on pull). */
  version: z.number().int().min(0).optional(),
});

/** A stored concurrent-edit conflict; see {@link concurrentEditConflictSchema}. */
export type ConcurrentEditConflict = z.infer<typeof concurrentEditConflictSchema>;
