import type { z } from 'zod';
import { concurrentEditConflictSchema } from '../../core/sync/concurrent-edit-conflict';

/**
 * Two desks changed the slot or status of the same record since the version
 * both started from (issue 6). The schema is core's — the one every desk
 * parses the record with on pull — so the server can never write a shape the
 * desks refuse (only the desk-side `version`, set on pull, is left out). The
 * record keeps `kept` (the change the server applied first, at
 * `kept.version`); `other` is the later change it did not apply, kept whole
 * so nothing is lost: `other.values` its slot, status and words,
 * `other.effects` every effect of the mutation that carried it, as sent.
 * `fields` are the fields whose values differ. Desks resolve it like a
 * double booking: a mutation putting it back with `status: 'resolved'` and a
 * `resolution` (`kept-current` or `applied-other`).
 *
 * @example concurrentEditRecordSchema.parse({ id: 'cf_9', kind: 'concurrent-edit', entity: 'appointment', recordId: 'a1', fields: ['end', 'start', 'wallStart'],
 *   kept: { deviceId: 'desk-1', at: '2026-03-01T08:05:00.000Z', version: 7, values: { wallStart: '2026-03-02T10:00:00', … } },
 *   other: { deviceId: 'desk-2', at: '2026-03-01T08:06:00.000Z', mutationId: 'm-4', values: { wallStart: '2026-03-02T11:00:00', … }, effects: [ … ] },
 *   deviceIds: ['desk-1', 'desk-2'], detectedAtChange: 9, status: 'open' }).kind // 'concurrent-edit'
 */
export const concurrentEditRecordSchema = concurrentEditConflictSchema.omit({ version: true });

/** A concurrent-edit conflict record; see {@link concurrentEditRecordSchema}. */
export type ConcurrentEditRecord = z.infer<typeof concurrentEditRecordSchema>;
