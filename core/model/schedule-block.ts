import { z } from 'zod';
import { parseWallTime, wallPartsToLocalMs } from '../time';
import { timeZoneSchema, wallTimeSchema } from './calendar-fields';
import { idSchema } from './ids';
import { instantSchema } from './instant';
import { integerInRange } from './number-fields';
import { rruleSchema } from './series';
import { optionalText, requiredText, textLimits } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * What a block does to its resource's bookable time (core/schedule's
 * `availability` reads them):
 *
 * - `working` adds bookable time; overlapping working blocks merge.
 * - `override` replaces the working time of each local day it occurs on
 *   ("24 Dec: 09:00–12:00 only"); with `wallEnd: null` the day is off.
 * - `break`, `blockout` and `leave` take time out of the day; a `soft`
 *   blockout leaves it bookable but says so.
 *
 * @example scheduleBlockKinds // ['working', 'override', 'break', 'blockout', 'leave']
 */
export const scheduleBlockKinds = ['working', 'override', 'break', 'blockout', 'leave'] as const;

/** One of {@link scheduleBlockKinds}. */
export type ScheduleBlockKind = (typeof scheduleBlockKinds)[number];

/**
 * A blockout's force: `hard` — nobody books into it; `soft` — the check warns
 * and only a manager may book, with a reason (like any overridden conflict).
 *
 * @example blockoutEnforcements // ['hard', 'soft']
 */
export const blockoutEnforcements = ['hard', 'soft'] as const;

/** One of {@link blockoutEnforcements}. */
export type BlockoutEnforcement = (typeof blockoutEnforcements)[number];

/**
 * The longest one occurrence of each kind may be, in nominal (wall-clock)
 * minutes: a shift, an override or a break is at most a day (a 22:00–06:00
 * night shift is 8 h on the clock), a blockout a month, leave a year.
 *
 * @example scheduleBlockLengthLimits.leave // 527040
 */
export const scheduleBlockLengthLimits: Readonly<Record<ScheduleBlockKind, number>> = {
  working: 1440,
  override: 1440,
  break: 1440,
  blockout: 31 * 1440,
  leave: 366 * 1440,
};

const versionSchema = integerInRange(0, Number.MAX_SAFE_INTEGER, 'invalid-format', 'Version must be a whole number of 0 or more.');

const blockBase = {
  id: idSchema,
  resourceId: idSchema,
  /** The resource's IANA zone; every wall time of the block is read in it. */
  timeZone: timeZoneSchema,
  /** The first occurrence's start (with a repeat: the rule's DTSTART). */
  wallStart: wallTimeSchema,
  /** RFC 5545 RRULE (the appointment series' engine); absent: the block happens once. */
  rrule: rruleSchema.optional(),
  /** Occurrences skipped, by their start (EXDATE), wall times in `timeZone`. */
  exdates: z.array(wallTimeSchema).max(1000).default([]),
  /** What the day sheet calls it ("Morning clinic", "Lunch", "Christmas Eve"). */
  label: optionalText(textLimits.blockLabel),
  version: versionSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
};

/** The end of one occurrence: a wall time after `wallStart`, by at most the kind's limit. */
const timedEnd = { wallEnd: wallTimeSchema };

/**
 * A block of a resource's time: the one model of shifts, one-day changes,
 * breaks, blockouts and leave (issue 12), replacing the weekday rule.
 *
 * - Times are wall times in the resource's zone. `wallStart`–`wallEnd` is
 *   the first occurrence, half-open; each further occurrence of `rrule`
 *   starts at the rule's wall time and ends the same wall-clock distance
 *   later, so 08:00–16:00 stays 08:00–16:00 across DST and a 22:00–06:00
 *   night shift lasts 9 real hours across fall back. A block belongs to the
 *   local day it starts on (the night shift is Monday's).
 * - `override` with `wallEnd: null` is a day off; its `wallStart` is that
 *   day's midnight.
 * - `blockout` needs a clinic-defined `blockoutType` ("Staff meeting") and
 *   an `enforcement`; `leave` needs a `reason`, and a repeating leave an end
 *   (COUNT or UNTIL): "on leave every Friday, for ever" is a rota, not leave.
 * - Only the rule's shape is checked here; core/schedule's
 *   `parseScheduleBlock` also checks that core/recurrence can expand it.
 *
 * @example
 * parseScheduleBlockShape({ id: 'b1', resourceId: 'dr-lee', kind: 'working', timeZone: 'Europe/London',
 *   wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T13:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
 *   version: 0, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' })
 */
export const scheduleBlockSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...blockBase, kind: z.literal('working'), ...timedEnd }),
    z.object({ ...blockBase, kind: z.literal('break'), ...timedEnd }),
    z.object({ ...blockBase, kind: z.literal('override'), wallEnd: wallTimeSchema.nullable() }),
    z.object({ ...blockBase, kind: z.literal('blockout'), ...timedEnd, blockoutType: requiredText(textLimits.blockoutType), enforcement: z.enum(blockoutEnforcements) }),
    z.object({ ...blockBase, kind: z.literal('leave'), ...timedEnd, reason: requiredText(textLimits.leaveReason) }),
  ])
  .superRefine((block, context) => {
    if (block.wallEnd === null) {
      if (!block.wallStart.endsWith('T00:00:00')) {
        addCodedIssue(context, 'invalid-time', 'A day off starts at 00:00 on that day.', ['wallStart']);
      }
    } else {
      const minutes = nominalMinutes(block.wallStart, block.wallEnd);
      if (minutes === undefined) {
        // A wall time that does not read is already reported on its own field.
      } else if (minutes === 0) {
        addCodedIssue(context, 'zero-length', `The block has no length: it ends when it starts (${block.wallEnd}).`, ['wallEnd']);
      } else if (minutes < 0) {
        addCodedIssue(context, 'end-not-after-start', `The end (${block.wallEnd}) must be after the start (${block.wallStart}).`, ['wallEnd']);
      } else if (minutes > scheduleBlockLengthLimits[block.kind]) {
        addCodedIssue(context, 'block-too-long', `A ${kindWords[block.kind]} can last at most ${lengthWords[block.kind]}.`, ['wallEnd']);
      }
    }
    if (block.rrule === undefined && block.exdates.length > 0) {
      addCodedIssue(context, 'invalid-format', 'Skipped dates only make sense on a block that repeats.', ['exdates']);
    }
    if (block.kind === 'leave' && block.rrule !== undefined && !/(^|;)(COUNT|UNTIL)=/.test(block.rrule)) {
      addCodedIssue(context, 'end-required', 'Repeating leave needs an end: a number of times or a last date.', ['rrule']);
    }
  });

const kindWords: Record<ScheduleBlockKind, string> = { working: 'working block', override: 'change of hours', break: 'break', blockout: 'blockout', leave: 'leave' };
const lengthWords: Record<ScheduleBlockKind, string> = { working: '24 hours', override: '24 hours', break: '24 hours', blockout: '31 days', leave: '366 days' };

/** Wall-clock minutes from one wall time to another (not elapsed time: a DST day does not count). */
function nominalMinutes(start: string, end: string): number | undefined {
  try {
    return (wallPartsToLocalMs(parseWallTime(end, 'wallEnd')) - wallPartsToLocalMs(parseWallTime(start, 'wallStart'))) / 60_000;
  } catch {
    return undefined; // the field's own check reports it
  }
}

/** A validated schedule block; see {@link scheduleBlockSchema}. */
export type ScheduleBlock = z.infer<typeof scheduleBlockSchema>;

/** A blockout block. */
export type BlockoutBlock = Extract<ScheduleBlock, { kind: 'blockout' }>;

/** A leave block. */
export type LeaveBlock = Extract<ScheduleBlock, { kind: 'leave' }>;

/**
 * Checks a block's fields and their combinations (not yet whether its rule
 * expands: core/schedule's `parseScheduleBlock` does both). Throws a
 * `ValidationError` naming the field.
 *
 * @example parseScheduleBlockShape({ …, wallStart: '2027-01-04T09:00', wallEnd: '2027-01-04T09:00' }) // throws zero-length / wallEnd
 */
export function parseScheduleBlockShape(input: unknown): ScheduleBlock {
  return parseWith(scheduleBlockSchema, input);
}
