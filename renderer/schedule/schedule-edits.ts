import type { TimedeskDb } from '../../core/db';
import type { Resource, ScheduleBlock } from '../../core/model';
import type { ScheduleBlockDraft } from '../../core/schedule';
import type { ConcurrentEditConflict } from '../../core/sync';

/** Two desks changed the same schedule block offline; the server kept the change it applied first. */
export interface OpenScheduleEdit {
  id: string;
  recordId: string;
  resource: Resource | undefined;
  kept: { deviceId: string; own: boolean; block: ScheduleBlock };
  other: { deviceId: string; own: boolean; block: ScheduleBlock };
  /** The other change as a draft, to make it after all (`schedule/save-block`). */
  otherDraft: ScheduleBlockDraft;
}

const draftKeys = ['resourceId', 'kind', 'wallStart', 'wallEnd', 'rrule', 'exdates', 'label', 'blockoutType', 'enforcement', 'reason'] as const;

/** One side's values (the conflict keeps every field but the bookkeeping) as a block to describe. */
function blockOf(recordId: string, values: Record<string, unknown>): ScheduleBlock {
  return { exdates: [], ...values, id: recordId, version: 0, createdAt: '', updatedAt: '' } as unknown as ScheduleBlock;
}

/**
 * The open concurrent edits of schedule blocks, with the resource and both
 * sides as blocks (so the inbox can say each in words). Run it in a live
 * query. Concurrent edits of bookings are renderer/needs-attention's.
 *
 * @example (await readOpenScheduleEdits(db, deviceId))[0].other.block.wallEnd // '2025-01-06T16:00:00'
 */
export async function readOpenScheduleEdits(db: TimedeskDb, ownDeviceId: string): Promise<OpenScheduleEdit[]> {
  const edits = (await db.conflicts.where('status').equals('open').toArray())
    .filter((conflict): conflict is ConcurrentEditConflict => conflict.kind === 'concurrent-edit' && conflict.entity === 'scheduleBlock')
    .sort((left, right) => left.detectedAtChange - right.detectedAtChange);
  const result: OpenScheduleEdit[] = [];
  for (const edit of edits) {
    const resourceId = edit.kept.values['resourceId'] ?? edit.other.values['resourceId'];
    const resource = typeof resourceId === 'string' ? await db.resources.get(resourceId) : undefined;
    const other = edit.other.values;
    result.push({
      id: edit.id,
      recordId: edit.recordId,
      resource,
      kept: { deviceId: edit.kept.deviceId, own: edit.kept.deviceId === ownDeviceId, block: blockOf(edit.recordId, edit.kept.values) },
      other: { deviceId: edit.other.deviceId, own: edit.other.deviceId === ownDeviceId, block: blockOf(edit.recordId, other) },
      otherDraft: { id: edit.recordId, ...Object.fromEntries(draftKeys.filter((key) => other[key] !== undefined).map((key) => [key, other[key]])) } as ScheduleBlockDraft,
    });
  }
  return result;
}
