import { z } from 'zod';
import { blockoutEnforcements, idSchema, rruleSchema, scheduleBlockKinds, wallTimeSchema } from '../model';
import type { ScheduleBlock, ScheduleBlockKind } from '../model';
import { ValidationError } from '../validation';
import { parseScheduleBlock } from './parse-block';

/**
 * A block as the schedule dialogs hold it before saving: what a person
 * chooses, without the zone (always the resource's), version or timestamps.
 * One flat shape for every kind; the fields of other kinds must be left out
 * (a `reason` on a working block is refused, not dropped).
 *
 * @example scheduleBlockDraftSchema.parse({ resourceId: 'dr-lee', kind: 'leave', wallStart: '2026-12-28T00:00', wallEnd: '2027-01-04T00:00', reason: 'Annual leave' })
 */
export const scheduleBlockDraftSchema = z.object({
  /** The block being edited; absent for a new one. */
  id: idSchema.optional(),
  resourceId: idSchema,
  kind: z.enum(scheduleBlockKinds),
  wallStart: wallTimeSchema,
  /** `null` only for an override that makes the day a day off. */
  wallEnd: wallTimeSchema.nullable(),
  rrule: rruleSchema.optional(),
  exdates: z.array(wallTimeSchema).optional(),
  label: z.string().optional(),
  blockoutType: z.string().optional(),
  enforcement: z.enum(blockoutEnforcements).optional(),
  reason: z.string().optional(),
});

/** The input of {@link blockFromDraft}; see {@link scheduleBlockDraftSchema}. */
export type ScheduleBlockDraft = z.input<typeof scheduleBlockDraftSchema>;

/** Fields only some kinds have. */
const ownFields: Readonly<Record<string, readonly ScheduleBlockKind[]>> = {
  blockoutType: ['blockout'],
  enforcement: ['blockout'],
  reason: ['leave'],
};

/** What the draft becomes a block with: the resource's zone, the stored block it replaces, when, and the id of a new one. */
export interface BlockContext {
  timeZone: string;
  before?: ScheduleBlock | undefined;
  /** Canonical UTC instant of the change. */
  at: string;
  /** The id for a new block (ignored when the draft names one). */
  newId: string;
}

/**
 * The schedule block a draft saves as — the same for the command and its dry
 * run, so the preview shows exactly what Save stores: the resource's zone,
 * version one past the stored block's, `createdAt` kept, `updatedAt` now,
 * checked completely (core/schedule `parseScheduleBlock`). Throws a
 * `ValidationError` naming the field.
 *
 * @example blockFromDraft(parseWith(scheduleBlockDraftSchema, draft), { timeZone: 'Europe/London', at, newId: 'b9' }).version // 0
 */
export function blockFromDraft(draft: z.output<typeof scheduleBlockDraftSchema>, context: BlockContext): ScheduleBlock {
  for (const [field, kinds] of Object.entries(ownFields)) {
    if (draft[field as keyof typeof draft] !== undefined && !kinds.includes(draft.kind)) {
      throw new ValidationError('invalid-format', field, `A ${draft.kind} block has no ${field}.`);
    }
  }
  const { id, ...fields } = draft;
  return parseScheduleBlock({
    ...fields,
    id: id ?? context.newId,
    timeZone: context.timeZone,
    exdates: draft.exdates ?? [],
    version: context.before === undefined ? 0 : context.before.version + 1,
    createdAt: context.before?.createdAt ?? context.at,
    updatedAt: context.at,
  });
}
