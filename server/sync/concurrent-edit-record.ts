import { z } from 'zod';
import { idSchema } from '../../core';

const deviceIdSchema = z.string().min(1).max(100);

/** One side of a concurrent edit: which desk, when (the record's `updatedAt`), and its slot/status values. */
/** One effect of the mutation that was not applied, as the desk sent it. */
const sentEffectSchema = z.object({
  entity: z.string().min(1).max(100),
  id: z.string().min(1).max(200),
  op: z.enum(['put', 'delete']),
  data: z.record(z.string(), z.json()).optional(),
});

const editSideSchema = z.object({
  deviceId: deviceIdSchema,
  at: z.string().min(1).max(40),
  values: z.record(z.string(), z.json()),
});

/**
 * Two desks changed the slot or status of the same record since the version
 * both started from (issue 6). The record keeps `kept` (the change the
 * server applied first, at `kept.version`); `other` is the later change it
 * did not apply, kept here whole so nothing is lost, with the mutation that
 * carried it (`other.values`: its slot, status and words; `other.effects`:
 * every effect of that mutation as sent). `fields` are the slot/status fields whose values differ.
 * Desks resolve it like a double booking: a mutation putting it back with
 * `status: 'resolved'` and a `resolution` (`kept-current` or `applied-other`;
 * the client's shape, stored as plain JSON).
 *
 * @example concurrentEditRecordSchema.parse({ id: 'cf_9', kind: 'concurrent-edit', entity: 'appointment', recordId: 'a1', fields: ['end', 'start', 'wallStart'],
 *   kept: { deviceId: 'desk-1', at: '2026-03-01T08:05:00.000Z', version: 7, values: { wallStart: '2026-03-02T10:00:00', … } },
 *   other: { deviceId: 'desk-2', at: '2026-03-01T08:06:00.000Z', mutationId: 'm-4', values: { wallStart: '2026-03-02T11:00:00', … } },
 *   deviceIds: ['desk-1', 'desk-2'], detectedAtChange: 9, status: 'open' }).kind // 'concurrent-edit'
 */
export const concurrentEditRecordSchema = z.object({
  id: idSchema,
  kind: z.literal('concurrent-edit'),
  entity: z.enum(['appointment', 'series', 'seriesException']),
  recordId: idSchema,
  fields: z.array(z.string().min(1).max(100)).min(1).max(100),
  kept: editSideSchema.extend({ version: z.number().int().min(1) }),
  // `effects`: every effect of the mutation, whole (its other records, its deletes), so nothing the desk did is lost.
  other: editSideSchema.extend({ mutationId: z.string().min(1).max(100), effects: z.array(sentEffectSchema).max(1000).optional() }),
  deviceIds: z.array(deviceIdSchema).max(1000),
  detectedAtChange: z.number().int().min(1),
  status: z.enum(['open', 'resolved']),
  resolution: z.record(z.string(), z.json()).optional(),
});

/** A concurrent-edit conflict record; see {@link concurrentEditRecordSchema}. */
export type ConcurrentEditRecord = z.infer<typeof concurrentEditRecordSchema>;
