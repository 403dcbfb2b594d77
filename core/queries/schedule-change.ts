import { z } from 'zod';
import type { TimedeskDb } from '../db';
import { readClinicSettings } from '../db';
import { calendarDateSchema, idSchema, parseWith } from '../model';
import type { Resource, ScheduleBlock } from '../model';
import { scheduleConflicts, seriesCheckHorizonMs } from '../overlap';
import type { ScheduleConflict } from '../overlap';
import { availability, blockFromDraft, buildTimelines, coversSpan, endBlockAfter, leaveOverOverrides, scheduleBlockDraftSchema } from '../schedule';
import type { BookableSpan, LeaveOverOverride } from '../schedule';
import { wallTimeToInstant } from '../time';
import { ValidationError } from '../validation';
import { calendarRange, nextDate } from './calendar-range';
import { readSchedule } from './schedule-reads';

/**
 * One change to a resource's schedule, as the commands take it: save a block
 * (new or edited), end a repeating one after a day, or remove one.
 *
 * @example scheduleChangeSchema.parse({ kind: 'end', id: 'b1', lastDate: '2027-03-29' })
 */
export const scheduleChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('save'), block: scheduleBlockDraftSchema }),
  z.object({ kind: z.literal('end'), id: idSchema, lastDate: calendarDateSchema }),
  z.object({ kind: z.literal('remove'), id: idSchema }),
]);

/** The input of {@link planScheduleChange}; see {@link scheduleChangeSchema}. */
export type ScheduleChange = z.input<typeof scheduleChangeSchema>;

/** What a change does, worked out before anything is written. */
export interface PlannedScheduleChange {
  resource: Resource;
  /** The stored block it changes, if any. */
  before?: ScheduleBlock | undefined;
  /** The block as it will be stored; absent when the change removes it. */
  after?: ScheduleBlock | undefined;
  /** How the audit and the inbox name it. */
  change: 'saved' | 'ended' | 'removed';
  /** The resource's blocks before and after. */
  blocksBefore: ScheduleBlock[];
  blocksAfter: ScheduleBlock[];
}

/**
 * Works out a schedule change against the store — the same for the command
 * (inside its transaction) and the dialog's dry run, so both see the same
 * block. Refusals name the field: `unknown-entity` (`block.resourceId`, `id`),
 * `inactive-resource` (`block.resourceId`), a block that would change
 * resource (`block.resourceId`), and every block-field refusal of
 * core/schedule's `blockFromDraft` / `endBlockAfter` (prefixed `block.`).
 *
 * @example await planScheduleChange(db, { kind: 'save', block: draft }, { at, newId: 'b9' }) // { resource, after, blocksAfter, … }
 */
export async function planScheduleChange(db: TimedeskDb, input: ScheduleChange, context: { at: string; newId: string }): Promise<PlannedScheduleChange> {
  const change = parseWith(scheduleChangeSchema, input);
  const storedId = change.kind === 'save' ? change.block.id : change.id;
  const before = storedId === undefined ? undefined : await db.scheduleBlocks.get(storedId);
  if (change.kind !== 'save' && before === undefined) throw new ValidationError('unknown-entity', 'id', `There is no schedule block "${change.id}".`);
  const resourceId = change.kind === 'save' ? change.block.resourceId : (before as ScheduleBlock).resourceId;
  const resourceField = change.kind === 'save' ? 'block.resourceId' : 'id';
  const resource = await db.resources.get(resourceId);
  if (!resource) throw new ValidationError('unknown-entity', resourceField, `There is no resource "${resourceId}".`);
  if (!resource.active) throw new ValidationError('inactive-resource', resourceField, `${resource.name} is switched off; switch it on before changing its schedule.`);
  if (before !== undefined && before.resourceId !== resourceId) {
    throw new ValidationError('invalid-format', 'block.resourceId', 'A block stays with its resource: end it and add one for the other resource.');
  }

  let after: ScheduleBlock | undefined;
  let kind: PlannedScheduleChange['change'];
  try {
    if (change.kind === 'save') {
      after = blockFromDraft(change.block, { timeZone: resource.timeZone, before, at: context.at, newId: context.newId });
      kind = 'saved';
    } else if (change.kind === 'end') {
      const ended = endBlockAfter(before as ScheduleBlock, change.lastDate, context.at);
      after = ended.kind === 'ended' ? ended.block : undefined;
      kind = ended.kind === 'ended' ? 'ended' : 'removed';
    } else {
      kind = 'removed';
    }
  } catch (error) {
    if (error instanceof ValidationError && change.kind === 'save') throw new ValidationError(error.code, `block.${error.field}`, error.message);
    throw error;
  }
  const blocksBefore = await db.scheduleBlocks.where('resourceId').equals(resourceId).toArray();
  const others = blocksBefore.filter((block) => block.id !== (after?.id ?? before?.id));
  return { resource, before, after, change: kind, blocksBefore, blocksAfter: after === undefined ? others : [...others, after] };
}

/** A booking the change leaves outside the resource's bookable time. */
export interface DisplacedBooking {
  /** The appointment id, or the series occurrence id (`seriesId:YYYYMMDDTHHMMSS`). */
  id: string;
  source: 'appointment' | 'occurrence';
  seriesId?: string | undefined;
  originalStart?: string | undefined;
  patientId: string;
  resourceIds: readonly string[];
  /** Canonical UTC instants, half-open. */
  start: string;
  end: string;
  wallStart: string;
  timeZone: string;
  durationMinutes: number;
  /** Why it no longer fits, as the booking check would say it (`schedule-blocked`, `outside-working-hours`, …). */
  conflicts: ScheduleConflict[];
}

/**
 * Which instants a change can affect from `now` on: the stored and the new
 * block's occurrence (or its day, for a day off) when they happen once,
 * `[now, now + 366 days)` when either repeats (the horizon a series is
 * checked over). Null when it all lies in the past.
 *
 * @example impactRange(undefined, leaveOverNewYear, now) // { from: now, to: 2027-01-04T00:00 local }
 */
export function impactRange(before: ScheduleBlock | undefined, after: ScheduleBlock | undefined, now: number): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const block of [before, after]) {
    if (block === undefined) continue;
    if (block.rrule !== undefined) {
      from = Math.min(from, now);
      to = Math.max(to, now + seriesCheckHorizonMs);
      continue;
    }
    const start = wallTimeToInstant(block.wallStart, block.timeZone, 'wallStart');
    const end = block.wallEnd === null ? wallTimeToInstant(`${nextDate(block.wallStart.slice(0, 10), 1)}T00:00`, block.timeZone, 'wallStart') : wallTimeToInstant(block.wallEnd, block.timeZone, 'wallEnd');
    from = Math.min(from, start);
    to = Math.max(to, end);
  }
  from = Math.max(from, now);
  return from < to ? { from, to } : null;
}

/**
 * The booked visits (stored appointments and series occurrences, starting at
 * or after `now`, still `booked`) that fit the resource's bookable time with
 * `before` and no longer do with `after` — new leave over them, shorter
 * hours, a removed shift. Visits that did not fit before either (booked
 * over a conflict by a manager) are not this change's doing and are left
 * out; soft blockouts keep time bookable and displace nothing. By start.
 *
 * @example await displacedBookings(db, plan, { from, to }, now) // [{ id: 'a1', conflicts: [{ kind: 'schedule-blocked', … }], … }]
 */
export async function displacedBookings(db: TimedeskDb, plan: PlannedScheduleChange, range: { from: number; to: number }, now: number): Promise<DisplacedBooking[]> {
  const resourceId = plan.resource.id;
  const [{ closures }, clinic, items] = await Promise.all([
    readSchedule(db, { resourceIds: [resourceId], ...range }),
    readClinicSettings(db),
    calendarRange(db, { resourceIds: [resourceId], ...range, includeCancelled: false }),
  ]);
  const bounds = { ...range, clinicTimeZone: clinic.timeZone };
  const before = buildTimelines(plan.blocksBefore, closures, bounds).get(resourceId);
  const after = buildTimelines(plan.blocksAfter, closures, bounds).get(resourceId);
  const displaced: DisplacedBooking[] = [];
  for (const item of items) {
    const booking = item.kind === 'appointment' ? item.appointment : item.occurrence;
    if (booking.status !== 'booked') continue;
    const start = Date.parse(booking.start);
    const end = Date.parse(booking.end);
    if (start < now) continue;
    const fitted = before !== undefined && coversSpan(before.bookable, start, end);
    if (!fitted || (after !== undefined && coversSpan(after.bookable, start, end))) continue;
    displaced.push({
      id: booking.id,
      source: item.kind,
      seriesId: booking.seriesId,
      originalStart: booking.originalStart,
      patientId: booking.patientId,
      resourceIds: booking.resourceIds,
      start: booking.start,
      end: booking.end,
      wallStart: booking.wallStart,
      timeZone: booking.timeZone,
      durationMinutes: booking.durationMinutes,
      conflicts: scheduleConflicts(after, start, end).filter((conflict) => conflict.kind !== 'soft-blockout'),
    });
  }
  return displaced;
}

/** What the schedule dialog shows before Save. */
export interface ScheduleChangePreview {
  /** The block as Save would store it (absent when the change removes it). */
  block?: ScheduleBlock | undefined;
  change: PlannedScheduleChange['change'];
  /** Booked visits the change would leave outside the hours (they go to "Needs attention" once saved). */
  displaced: DisplacedBooking[];
  /** Days where leave wins over an override of the same day. */
  leaveWins: LeaveOverOverride[];
  /** The resource's bookable time for the next four weeks with the change made, from the start of today (its zone). */
  hours: BookableSpan[];
}

/** How far ahead the dialog previews the resulting hours. */
export const previewDays = 28;

/**
 * Dry run of a schedule change: the block Save would store, the booked
 * visits it would leave outside the hours, any day where leave wins over an
 * override, and the next four weeks of resulting hours. Reads only (no
 * transaction of its own, no audit, no outbox), so the dialog can run it in
 * a live query; the command runs the same planning and the same
 * displacement check. Refusals as {@link planScheduleChange}.
 *
 * @example await previewScheduleChange(db, { kind: 'save', block: leaveDraft }, { now: Date.now(), today: '2026-12-01' })
 */
export async function previewScheduleChange(db: TimedeskDb, input: ScheduleChange, context: { now: number; today: string }): Promise<ScheduleChangePreview> {
  const at = new Date(context.now).toISOString();
  const plan = await planScheduleChange(db, input, { at, newId: 'draft' });
  return describePlan(db, plan, context);
}

/**
 * What a planned change means for bookings and hours (the preview's body,
 * also what the command stores as "Needs attention"); without `today` the
 * four weeks of hours are left out (`hours: []`).
 *
 * @example const { displaced } = await describePlan(db, plan, { now, today });
 */
export async function describePlan(db: TimedeskDb, plan: PlannedScheduleChange, context: { now: number; today?: string | undefined }): Promise<ScheduleChangePreview> {
  const range = impactRange(plan.before, plan.after, context.now);
  const displaced = range === null ? [] : await displacedBookings(db, plan, range, context.now);
  const leaveWins = range === null ? [] : leaveOverOverrides(plan.blocksAfter, range.from, range.to);
  // The command needs no preview of hours; the dialog passes the day to start it from.
  if (context.today === undefined) return { block: plan.after, change: plan.change, displaced, leaveWins, hours: [] };
  const zone = plan.resource.timeZone;
  const from = wallTimeToInstant(`${context.today}T00:00`, zone, 'today');
  const to = wallTimeToInstant(`${nextDate(context.today, previewDays)}T00:00`, zone, 'today');
  const [{ closures }, clinic] = await Promise.all([readSchedule(db, { resourceIds: [plan.resource.id], from, to }), readClinicSettings(db)]);
  const hours = availability(plan.blocksAfter, closures, { from, to, clinicTimeZone: clinic.timeZone });
  return { block: plan.after, change: plan.change, displaced, leaveWins, hours };
}
