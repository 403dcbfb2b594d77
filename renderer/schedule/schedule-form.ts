import type { BlockoutEnforcement, CalendarDate, ScheduleBlock, ScheduleBlockKind } from '../../core/model';
import { parseRuleToPattern } from '../../core/recurrence';
import type { RecurrenceEnd, RecurrencePattern } from '../../core/recurrence';
import type { ScheduleBlockDraft } from '../../core/schedule';
import type { ValidationProblem } from '../../core/validation';
import { planRepeat } from '../appointment-dialog/repeat-plan';
import type { RepeatChoice, RepeatPlan } from '../appointment-dialog/repeat-plan';
import { addDays } from '../dates/calendar-dates';

/**
 * What a schedule block form holds (Administration → Schedules, and the
 * day sheet's one-day changes), and its translation to and from the
 * engine's block. Times are `HH:mm` on the resource's clock; an end at or
 * before the start ends the next day (a night shift).
 */
export interface BlockForm {
  kind: ScheduleBlockKind;
  /** The (first) day. */
  date: CalendarDate;
  start: string;
  end: string;
  /** Leave or a blockout over whole days, `date` to `lastDate` (both included). */
  wholeDays: boolean;
  lastDate: CalendarDate;
  /** An override that makes the day a day off. */
  dayOff: boolean;
  label: string;
  blockoutType: string;
  enforcement: BlockoutEnforcement;
  /** Leave's reason. */
  reason: string;
  repeat: RepeatChoice;
  /** A rule the repeat builder cannot show (kept as it is unless the person picks another repeat). */
  customRule?: string | undefined;
  /** Skipped dates of the edited block, kept. */
  exdates: string[];
}

const noRepeat = (date: CalendarDate): RepeatChoice => ({ kind: 'none', every: 1, weekdays: [], end: 'never', count: 10, until: addDays(date, 90) });

/**
 * A new block's form: 09:00–17:00 on `date`, not repeating (leave: the whole day).
 *
 * @example emptyForm('leave', '2026-12-28') // { kind: 'leave', wholeDays: true, date: '2026-12-28', lastDate: '2026-12-28', … }
 */
export function emptyForm(kind: ScheduleBlockKind, date: CalendarDate): BlockForm {
  return {
    kind,
    date,
    start: kind === 'break' ? '12:00' : '09:00',
    end: kind === 'break' ? '13:00' : '17:00',
    wholeDays: kind === 'leave',
    lastDate: date,
    dayOff: false,
    label: '',
    blockoutType: '',
    enforcement: 'hard',
    reason: '',
    // Leave that repeats must end, so its repeat starts with a number of times.
    repeat: { ...noRepeat(date), end: kind === 'leave' ? 'after' : 'never' },
    exdates: [],
  };
}

/** A builder pattern back as the repeat section's choice. */
function choiceOf(pattern: RecurrencePattern, end: RecurrenceEnd, date: CalendarDate): RepeatChoice {
  const base = noRepeat(date);
  const ending: Pick<RepeatChoice, 'end' | 'count' | 'until'> =
    end.type === 'after' ? { end: 'after', count: end.count, until: base.until } : end.type === 'on' ? { end: 'on', count: base.count, until: end.date } : { end: 'never', count: base.count, until: base.until };
  switch (pattern.kind) {
    case 'none':
      return base;
    case 'weekdays':
      return { ...base, ...ending, kind: 'weekdays' };
    case 'daily':
      return { ...base, ...ending, kind: 'daily', every: pattern.every };
    case 'weekly':
      return { ...base, ...ending, kind: 'weekly', every: pattern.every, weekdays: [...pattern.weekdays] };
    case 'monthly-by-date':
    case 'yearly-by-date':
      return { ...base, ...ending, kind: pattern.kind, every: pattern.every };
    case 'monthly-by-weekday':
    case 'yearly-by-weekday':
      return { ...base, ...ending, kind: pattern.kind, every: pattern.every, fromEnd: pattern.nth === -1 };
  }
}

/**
 * The form for editing a stored block.
 *
 * @example formFromBlock(leave).wholeDays // true for 00:00 to a later 00:00
 */
export function formFromBlock(block: ScheduleBlock): BlockForm {
  const date = block.wallStart.slice(0, 10);
  const start = block.wallStart.slice(11, 16);
  const endDate = block.wallEnd?.slice(0, 10) ?? date;
  const end = block.wallEnd?.slice(11, 16) ?? start;
  const wholeDays = (block.kind === 'leave' || block.kind === 'blockout') && start === '00:00' && end === '00:00' && endDate > date;
  const parsed = block.rrule === undefined ? { pattern: { kind: 'none' } as RecurrencePattern, end: { type: 'never' } as RecurrenceEnd } : parseRuleToPattern(block.rrule, { dtstart: block.wallStart, tzid: block.timeZone });
  return {
    ...emptyForm(block.kind, date),
    start,
    end,
    wholeDays,
    lastDate: wholeDays ? addDays(endDate, -1) : date,
    dayOff: block.kind === 'override' && block.wallEnd === null,
    label: block.label ?? '',
    blockoutType: block.kind === 'blockout' ? block.blockoutType : '',
    enforcement: block.kind === 'blockout' ? block.enforcement : 'hard',
    reason: block.kind === 'leave' ? block.reason : '',
    repeat: parsed === null ? noRepeat(date) : choiceOf(parsed.pattern, parsed.end, date),
    customRule: parsed === null ? block.rrule : undefined,
    exdates: block.exdates,
  };
}

/** What a form makes: the draft to save, or the repeat's problem (naming its field). */
export type DraftResult = { ok: true; draft: ScheduleBlockDraft; plan: RepeatPlan | null } | { ok: false; problem: ValidationProblem };

/**
 * The block a form saves as (core/schedule's draft): wall start and end from
 * the day and times (an end at or before the start: the next day), whole days
 * from midnight to the midnight after the last day, a day off with no end,
 * and the repeat built by the appointment dialog's builder. Only the fields
 * of the chosen kind are sent.
 *
 * @example draftFromForm({ ...emptyForm('working', '2027-01-04'), start: '22:00', end: '06:00' }, 'dr-lee')
 * // { ok: true, draft: { kind: 'working', wallStart: '2027-01-04T22:00', wallEnd: '2027-01-05T06:00', … } }
 */
export function draftFromForm(form: BlockForm, resourceId: string, id?: string): DraftResult {
  const wallStart = form.wholeDays || (form.kind === 'override' && form.dayOff) ? `${form.date}T00:00` : `${form.date}T${form.start}`;
  const wallEnd =
    form.kind === 'override' && form.dayOff
      ? null
      : form.wholeDays
        ? `${addDays(form.lastDate, 1)}T00:00`
        : `${form.end <= form.start ? addDays(form.date, 1) : form.date}T${form.end}`;
  let rrule: string | undefined;
  let plan: RepeatPlan | null = null;
  if (form.repeat.kind !== 'none') {
    plan = planRepeat(form.repeat, wallStart, 'UTC');
    if (!plan.ok) return { ok: false, problem: { ...plan.problem, field: `repeat.${plan.problem.field}` } };
    rrule = plan.rrule ?? undefined;
  } else if (form.customRule !== undefined) {
    rrule = form.customRule;
  }
  const own =
    form.kind === 'blockout' ? { blockoutType: form.blockoutType, enforcement: form.enforcement } : form.kind === 'leave' ? { reason: form.reason } : {};
  const draft: ScheduleBlockDraft = {
    ...(id === undefined ? {} : { id }),
    resourceId,
    kind: form.kind,
    wallStart,
    wallEnd,
    ...(rrule === undefined ? {} : { rrule, exdates: form.exdates }),
    label: form.label,
    ...own,
  };
  return { ok: true, draft, plan };
}
