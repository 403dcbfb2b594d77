import type { CommandArgs, CommandName } from '../../core/commands';
import { weekdayMoveBlocker } from '../../core/recurrence';
import type { WeekdayMoveBlocker } from '../../core/recurrence';
import { localMsToWallTime, parseWallTime, wallPartsToLocalMs } from '../../core/time';

/**
 * Which visits of a series a change applies to: this occurrence only, this
 * and the following ones, or all of them (RFC 5545's RANGE=THISANDFUTURE and
 * the whole series).
 */
export const editScopes = ['this', 'following', 'all'] as const;

/** One of {@link editScopes}. */
export type EditScope = (typeof editScopes)[number];

/** The booking being edited, as the day sheet shows it (`DayItem`'s fields that matter here). */
export interface EditTarget {
  /** Appointment id, or the occurrence id `seriesId:YYYYMMDDTHHmmss`. */
  id: string;
  source: 'appointment' | 'occurrence';
  seriesId?: string | undefined;
  /** Where the rule put an occurrence (its key), a wall time in the series' zone. */
  originalStart?: string | undefined;
  patientId: string;
  /** Wall time where it is now (a moved occurrence: where it was moved to). */
  wallStart: string;
  timeZone: string;
  durationMinutes: number;
  resourceIds: readonly string[];
  visitReason?: string | undefined;
  notes?: string | undefined;
}

/** What the edit dialog (or a drag) wants the booking to become. */
export interface BookingEdit {
  wallStart: string;
  timeZone: string;
  durationMinutes: number;
  resourceIds: readonly string[];
  /** The whole text; empty clears it. Left out: not shown, so not changed (a drag). */
  visitReason?: string;
  notes?: string;
}

/** One command call, typed by its name. */
export type CommandCall = { [Name in CommandName]: { name: Name; args: CommandArgs<Name> } }[CommandName];

/**
 * Whether a booking is a series occurrence whose changes need a scope.
 *
 * @example needsScope({ source: 'occurrence', seriesId: 's1', originalStart: '2026-01-12T09:00:00', … }) // true
 */
export function needsScope(target: EditTarget): target is EditTarget & { seriesId: string; originalStart: string } {
  return target.source === 'occurrence' && target.seriesId !== undefined && target.originalStart !== undefined;
}

const localMs = (wall: string, field: string) => wallPartsToLocalMs(parseWallTime(wall, field));

/**
 * Moves a wall time by the wall-clock distance from `from` to `to` (days,
 * hours and minutes on the clinic clock, never elapsed time), so "an hour
 * later" stays 10:00 after 09:00 across a clock change.
 *
 * @example shiftWallTime('2026-01-05T09:00', '2026-03-09T09:00', '2026-03-10T10:30') // '2026-01-06T10:30:00'
 */
export function shiftWallTime(wall: string, from: string, to: string): string {
  return localMsToWallTime(localMs(wall, 'wallStart') + localMs(to, 'wallStart') - localMs(from, 'wallStart'));
}

const sameWall = (left: string, right: string) => localMs(left, 'wallStart') === localMs(right, 'wallStart');
const sameIds = (left: readonly string[], right: readonly string[]) => left.length === right.length && left.every((id, index) => id === right[index]);

/**
 * Why a move of this visit is saved for it alone, which the scope question
 * says: `moved-already` (a visit already moved on its own keeps that time
 * when its series moves, so moving it again moves it alone too), or, for a
 * move to another date, why the series' rule cannot follow
 * (core/recurrence `weekdayMoveBlocker`: a monthly or yearly rule keeps its
 * dates; a rule with parts of its own keeps its days). `null`: the rest of
 * the series can move with it (a weekly rule moves its weekdays), nothing
 * moved, or the rule is still loading.
 *
 * @example aloneReason(mondayVisit, { ...fields, wallStart: '2026-03-11T09:00' }, 'FREQ=MONTHLY;BYMONTHDAY=9') // 'month-or-year-dates'
 */
export function aloneReason(target: EditTarget, edit: BookingEdit, seriesRule: string | undefined): 'moved-already' | WeekdayMoveBlocker | null {
  if (!needsScope(target) || sameWall(edit.wallStart, target.wallStart)) return null;
  if (!sameWall(target.wallStart, target.originalStart)) return 'moved-already';
  const otherDate = edit.wallStart.slice(0, 10) !== target.wallStart.slice(0, 10);
  return otherDate && seriesRule !== undefined ? weekdayMoveBlocker(seriesRule) : null;
}

/** What the scopes depend on besides the visit: the series' start (`dtstart`) and rule, either of which may still be loading. */
export interface SeriesTiming {
  seriesStart?: string | undefined;
  seriesRule?: string | undefined;
}

/**
 * The scopes a change to this visit can be saved with (empty: not a series
 * visit, no question). A visit moved to another date moves the rest of a
 * weekly series to other weekdays by the same number of days (the engine
 * rewrites the rule's BYDAY, core/recurrence `weekdaysFollowTheStart`); for
 * any other rule it moves alone, and so does a visit already moved on its
 * own ({@link aloneReason}). "All" that moves visits needs the series' start
 * (`seriesStart`), and a move to another date the rule (`seriesRule`); both
 * may still be loading.
 *
 * @example scopesFor(mondayVisit, { ...fields, wallStart: '2026-03-11T09:00' }, { seriesStart: '2026-01-05T09:00:00', seriesRule: 'FREQ=WEEKLY;BYDAY=MO' }) // ['this', 'following', 'all']
 */
export function scopesFor(target: EditTarget, edit: BookingEdit, timing: SeriesTiming): readonly EditScope[] {
  if (!needsScope(target)) return [];
  const moved = !sameWall(edit.wallStart, target.wallStart);
  if (!moved) return editScopes;
  const otherDate = edit.wallStart.slice(0, 10) !== target.wallStart.slice(0, 10);
  if (aloneReason(target, edit, timing.seriesRule) !== null || (otherDate && timing.seriesRule === undefined)) return ['this'];
  return timing.seriesStart === undefined ? ['this', 'following'] : editScopes;
}

/** What the scope question adds under the choices: why the visit moves alone, or that the series' weekdays move (`weekdays-move`). */
export type ScopeNote = 'moved-already' | WeekdayMoveBlocker | 'weekdays-move';

/**
 * The note for the scope question ({@link aloneReason}, or `weekdays-move`
 * when a move to another date can take a weekly series along), or null.
 *
 * @example scopeNote(mondayVisit, { ...fields, wallStart: '2026-03-11T09:00' }, { seriesStart, seriesRule: 'FREQ=WEEKLY;BYDAY=MO' }) // 'weekdays-move'
 */
export function scopeNote(target: EditTarget, edit: BookingEdit, timing: SeriesTiming): ScopeNote | null {
  const alone = aloneReason(target, edit, timing.seriesRule);
  if (alone !== null) return alone;
  const otherDate = edit.wallStart.slice(0, 10) !== target.wallStart.slice(0, 10);
  return otherDate && scopesFor(target, edit, timing).includes('following') ? 'weekdays-move' : null;
}

/** The fields that changed, as a series change or an occurrence edit takes them (text only when shown and different). */
function changedDetails(target: EditTarget, edit: BookingEdit) {
  return {
    ...(edit.timeZone === target.timeZone ? {} : { timeZone: edit.timeZone }),
    ...(edit.durationMinutes === target.durationMinutes ? {} : { durationMinutes: edit.durationMinutes }),
    ...(sameIds(edit.resourceIds, target.resourceIds) ? {} : { resourceIds: [...edit.resourceIds] }),
    ...(edit.visitReason === undefined || edit.visitReason === (target.visitReason ?? '') ? {} : { visitReason: edit.visitReason }),
    ...(edit.notes === undefined || edit.notes === (target.notes ?? '') ? {} : { notes: edit.notes }),
  };
}

/**
 * The commands that save an edit (empty: nothing changed).
 *
 * - A stored appointment: `appointment/move` when its time, zone, length or
 *   resources changed (checked, may need `override`), carrying the reason and
 *   notes too when they changed; `appointment/edit` when only those changed.
 *   Never two calls, so the save is all or nothing.
 * - An occurrence, `this`: `occurrence/edit` with its new fields.
 * - `following`: `series/edit-following` from its original start; the new
 *   series' `dtstart` is the original start moved by the same wall-clock
 *   amount as this visit was (so the tail keeps the step the user made).
 * - `all`: `series/edit-all`; `dtstart` is the series' start moved by that
 *   same amount (needs `seriesStart`, the series' `dtstart`).
 * - A move to another date in `following` or `all` (a weekly series, see
 *   {@link scopesFor}) sends only the new `dtstart`: the engine moves the
 *   rule's weekdays with it, as it knows the rule the change lands on (a
 *   split's tail counts its own visits).
 *
 * @example planEdit(occurrence, { ...fields, wallStart: '2026-01-19T10:00' }, 'following') // [{ name: 'series/edit-following', args: { seriesId, fromOriginalStart: '2026-01-19T09:00:00', changes: { dtstart: '2026-01-19T10:00:00' } } }]
 */
export function planEdit(target: EditTarget, edit: BookingEdit, scope: EditScope | null, options: { override?: string | undefined } & SeriesTiming = {}): CommandCall[] {
  const override = options.override === undefined ? {} : { override: { reason: options.override } };
  const moved = !sameWall(edit.wallStart, target.wallStart);
  const details = changedDetails(target, edit);
  if (!needsScope(target)) {
    const { visitReason, notes, ...booking } = details;
    const wordsChanged = visitReason !== undefined || notes !== undefined;
    const words = wordsChanged ? { visitReason: edit.visitReason || null, notes: edit.notes || null } : {};
    // One command, so a refused move cannot leave the words saved (or the reverse) and the save is one undo step.
    if (moved || Object.keys(booking).length > 0) {
      return [{ name: 'appointment/move', args: { appointmentId: target.id, wallStart: edit.wallStart, timeZone: edit.timeZone, durationMinutes: edit.durationMinutes, resourceIds: [...edit.resourceIds], ...words, ...override } }];
    }
    return wordsChanged ? [{ name: 'appointment/edit', args: { appointmentId: target.id, ...words } }] : [];
  }
  if (!moved && Object.keys(details).length === 0) return [];
  const chosen = scope ?? 'this';
  if (!scopesFor(target, edit, options).includes(chosen)) throw new Error(`This change cannot be saved for "${chosen}" visits (see scopesFor).`);
  const key = { seriesId: target.seriesId };
  switch (chosen) {
    case 'this':
      return [{ name: 'occurrence/edit', args: { ...key, originalStart: target.originalStart, wallStart: edit.wallStart, timeZone: edit.timeZone, durationMinutes: edit.durationMinutes, resourceIds: [...edit.resourceIds], ...details, ...override } }];
    case 'following': {
      const dtstart = moved ? { dtstart: shiftWallTime(target.originalStart, target.wallStart, edit.wallStart) } : {};
      return [{ name: 'series/edit-following', args: { ...key, fromOriginalStart: target.originalStart, changes: { ...dtstart, ...details }, ...override } }];
    }
    case 'all': {
      const dtstart = moved && options.seriesStart !== undefined ? { dtstart: shiftWallTime(options.seriesStart, target.wallStart, edit.wallStart) } : {};
      return [{ name: 'series/edit-all', args: { ...key, changes: { ...dtstart, ...details }, ...override } }];
    }
  }
}

/**
 * The command that cancels a booking with a reason: a stored appointment
 * through `appointment/cancel`; an occurrence through `occurrence/cancel`
 * (this), `series/cancel-following` (this and following, from its original
 * start) or `series/cancel-all` (every visit that has not started yet).
 *
 * @example planCancel(occurrence, 'following', 'Moved away') // { name: 'series/cancel-following', args: { seriesId: 's1', fromOriginalStart: '2026-01-19T09:00:00', reason: 'Moved away' } }
 */
export function planCancel(target: EditTarget, scope: EditScope | null, reason: string): CommandCall {
  if (!needsScope(target)) return { name: 'appointment/cancel', args: { appointmentId: target.id, reason } };
  switch (scope ?? 'this') {
    case 'this':
      return { name: 'occurrence/cancel', args: { seriesId: target.seriesId, originalStart: target.originalStart, reason } };
    case 'following':
      return { name: 'series/cancel-following', args: { seriesId: target.seriesId, fromOriginalStart: target.originalStart, reason } };
    case 'all':
      return { name: 'series/cancel-all', args: { seriesId: target.seriesId, reason } };
  }
}
