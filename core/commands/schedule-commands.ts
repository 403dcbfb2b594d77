import { z } from 'zod';
import { calendarDateSchema, idSchema, textLimits } from '../model';
import type { ScheduleBlock } from '../model';
import { describePlan, planScheduleChange } from '../queries';
import type { DisplacedBooking, PlannedScheduleChange, ScheduleChange } from '../queries';
import { scheduleBlockDraftSchema } from '../schedule';
import type { LeaveOverOverride } from '../schedule';
import type { FreedSpan } from '../waitlist';
import type { ScheduleDisplacedConflict } from '../sync/schedule-displaced-conflict';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import type { CommandStep, WriteScope } from './define-command';
import { fieldChanges } from './field-changes';
import { scheduleFreedTime } from './schedule-freed-time';
import { isManager } from './session';

/** What a schedule command returns. */
export interface ScheduleChangeResult {
  /** The block as stored; absent when the change removed it. */
  block?: ScheduleBlock | undefined;
  change: PlannedScheduleChange['change'];
  /** Booked visits now outside the hours; listed on "Needs attention" (`needsAttentionId`) to be moved or cancelled. */
  displaced: DisplacedBooking[];
  needsAttentionId?: string | undefined;
  /** Days where leave wins over an override (the override's hours do not apply there). */
  leaveWins: LeaveOverOverride[];
  /** Time the change gave back and nobody has booked, from now over the next four weeks at most: the waitlist's freed-slot notice offers it. */
  freed: FreedSpan[];
}

const reasonSchema = z.string().trim().max(textLimits.reason).optional();

/** A one-day change a receptionist may record: a block that happens once and changes the day, not the rota. */
function isOneDayChange(block: ScheduleBlock | undefined): boolean {
  return block === undefined || (block.rrule === undefined && (block.kind === 'override' || block.kind === 'blockout' || block.kind === 'leave'));
}

const actions = { saved: 'SCHEDULE_BLOCK_SAVED', ended: 'SCHEDULE_BLOCK_ENDED', removed: 'SCHEDULE_BLOCK_REMOVED' } as const;

/**
 * The shared body of the schedule commands: plan the change as the dry run
 * does, check who may make it, write or delete the block, store the booked
 * visits it leaves outside the hours as one "Needs attention" record
 * (synced; nothing is moved or cancelled), and audit it with field-level
 * before/after, the reason and the displaced visits.
 */
async function applyScheduleChange(scope: WriteScope, input: ScheduleChange, reason: string | undefined): Promise<CommandStep<ScheduleChangeResult>> {
  const plan = await planScheduleChange(scope.db, input, { at: scope.at, newId: scope.newId() });
  if (!isManager(scope.session) && !(isOneDayChange(plan.before) && isOneDayChange(plan.after))) {
    return refuse('not-permitted', 'session', 'Only a manager or admin can change a rota; the desk records one-day changes, blockouts and leave.');
  }
  const { displaced, leaveWins } = await describePlan(scope.db, plan, { now: scope.now });
  const freed = await scheduleFreedTime(scope.db, plan, scope.now);
  const blockId = plan.after?.id ?? (plan.before as ScheduleBlock).id;
  if (plan.after !== undefined) await scope.db.scheduleBlocks.put(plan.after);
  else await scope.db.scheduleBlocks.delete(blockId);

  let needsAttentionId: string | undefined;
  if (displaced.length > 0) {
    needsAttentionId = scope.newId();
    const record: ScheduleDisplacedConflict = {
      id: needsAttentionId,
      kind: 'schedule-displaced',
      blockId,
      resourceId: plan.resource.id,
      change: plan.change,
      bookings: displaced.slice(0, 1000).map((booking) => ({ id: booking.id, start: booking.start })),
      deviceIds: [scope.device.deviceId],
      detectedAtChange: 0,
      status: 'open',
    };
    await scope.db.conflicts.put(record);
  }
  scope.audit({
    action: actions[plan.change],
    entityType: 'schedule-block',
    entityId: blockId,
    reason: reason === undefined || reason === '' ? null : reason,
    changes: {
      ...fieldChanges(plan.before ?? null, plan.after ?? null, ['id', 'version', 'createdAt', 'updatedAt']),
      ...(displaced.length > 0 ? { displacedBookings: { before: null, after: displaced.map((booking) => booking.id) } } : {}),
    },
  });
  return {
    ok: true,
    value: { block: plan.after, change: plan.change, displaced, needsAttentionId, leaveWins, freed },
    baseVersion: plan.before?.version ?? null,
    intent: { ...input, ...(reason ? { reason } : {}), blockId },
  };
}

/**
 * A resource's schedule (issue 12): working time, one-day changes of hours,
 * breaks, blockouts and leave, as recurring blocks (core/schedule). Every
 * change is planned exactly as the dialog's dry run plans it
 * (core/queries `previewScheduleChange`), audited with before/after and
 * reason, and synced; the server re-validates each block with core/schedule.
 * Managers and admins change anything; front-desk staff record one-day
 * changes — a block that happens once and overrides the day's hours, blocks
 * time or records leave.
 */
export const scheduleCommands = {
  /**
   * Adds or replaces one block (`block.id` names the one edited).
   *
   * @example run('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'override', wallStart: '2026-12-24T09:00', wallEnd: '2026-12-24T12:00', label: 'Christmas Eve' } }, manager)
   */
  'schedule/save-block': defineCommand({
    args: z.object({ block: scheduleBlockDraftSchema, reason: reasonSchema }),
    async run(scope, args) {
      return applyScheduleChange(scope, { kind: 'save', block: args.block }, args.reason);
    },
  }),

  /**
   * Ends a repeating block after `lastDate` (its occurrences that day still
   * happen); before its first day it is removed.
   *
   * @example run('schedule/end-block', { id: 'rota-lee-mon', lastDate: '2027-03-29', reason: 'New rota from April' }, manager)
   */
  'schedule/end-block': defineCommand({
    args: z.object({ id: idSchema, lastDate: calendarDateSchema, reason: reasonSchema }),
    async run(scope, args) {
      return applyScheduleChange(scope, { kind: 'end', id: args.id, lastDate: args.lastDate }, args.reason);
    },
  }),

  /**
   * Removes a block entered by mistake (synced as a delete).
   *
   * @example run('schedule/remove-block', { id: 'leave-1', reason: 'Entered for the wrong week' }, manager)
   */
  'schedule/remove-block': defineCommand({
    args: z.object({ id: idSchema, reason: reasonSchema }),
    async run(scope, args) {
      return applyScheduleChange(scope, { kind: 'remove', id: args.id }, args.reason);
    },
  }),
};
