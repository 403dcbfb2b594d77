import type { ScheduleBlockKind } from '../../core/model';

/**
 * The words of schedules (issue 12): the day sheet's marks, the booking
 * check's schedule findings, Administration → Schedules, the one-day change
 * dialogs and the "outside the new hours" inbox cards. Part of the
 * `Messages` object (en.ts `schedule`); a translation gives its own.
 */

const kindWords: Record<ScheduleBlockKind, string> = {
  working: 'Working hours',
  override: 'Changed hours',
  break: 'Break',
  blockout: 'Blockout',
  leave: 'Leave',
};

const withTime = (name: string, time: string) => (time === '' ? name : `${name} ${time}`);

export const scheduleMessages = {
  kinds: kindWords,
  // Day sheet.
  softMark: (names: string) => `${names} (manager books)`,
  markName: (kind: 'break' | 'blockout' | 'leave', name: string | undefined, time: string) => `${name ?? kindWords[kind]} ${time}`,
  onLeave: (reasons: string) => (reasons === '' ? 'On leave' : `On leave: ${reasons}`),
  hoursChanged: (name: string | undefined) => (name === undefined ? 'Hours changed today' : `Hours changed: ${name}`),
  // Booking check findings, naming the block ("Dr Lee — Staff meeting 13:00–14:00").
  blocked: (resource: string, name: string, time: string) => `${resource} — ${withTime(name, time)}: nobody can book then`,
  onLeaveThen: (resource: string, name: string, time: string) => `${resource} — on leave (${name})${time ? ` ${time}` : ''}: nobody can book then`,
  softBlocked: (resource: string, name: string, time: string) => `${resource} — ${withTime(name, time)}: only a manager can book, with a reason`,
  onBreak: (resource: string, name: string, time: string) => `${resource} is on a break then (${withTime(name, time)})`,
  outsideDay: (resource: string, hours: string, override: string | undefined) =>
    hours === '' ? `${resource} does not work that day${override ? ` (${override})` : ''}` : `${resource} is outside that day’s hours (${hours}${override ? `, ${override}` : ''})`,
  allDay: 'all day',
  // A block in words (Administration → Schedules).
  dayOff: 'day off',
  days: (count: number) => (count === 1 ? 'all day' : `${count} days`),
  nextDay: '(next day)',
  from: (date: string) => `from ${date}`,
  hardNote: 'nobody books',
  softNote: 'a manager books',
  // Before saving a change.
  checking: 'Checking the bookings this change affects…',
  checkFailed: 'Could not check the bookings yet; they are checked again when you save.',
  leaveWins: (date: string) => `Leave wins on ${date}: the changed hours do not apply that day.`,
  displacedTitle: (count: number) => (count === 1 ? '1 booked visit would be outside the hours.' : `${count} booked visits would be outside the hours.`),
  displacedHint: 'They stay booked: after saving they are listed on Needs attention, to move or cancel one by one.',
  noneDisplaced: 'No booked visit is affected.',
  nextWeeks: 'Hours for the next four weeks',
  noHoursAhead: 'No bookable time in the next four weeks.',
  savedDisplaced: (count: number) => (count === 1 ? 'Saved. 1 visit is now outside the hours: see Needs attention.' : `Saved. ${count} visits are now outside the hours: see Needs attention.`),
  // Needs attention: visits a schedule change left outside the hours.
  displacedCardTitle: (name: string) => `Outside the new hours: ${name}`,
  displacedCardChange: (change: string, what: string) => `${change}: ${what}. These visits are still booked; move or cancel each one.`,
  changes: { saved: 'Schedule changed', ended: 'Schedule ended', removed: 'Removed from the schedule' } as Readonly<Record<'saved' | 'ended' | 'removed', string>>,
  removedBlock: 'a block that is no longer on the schedule',
  visitStates: { outside: 'Outside the hours', moved: 'Moved into the hours', cancelled: 'Cancelled', 'under-way': 'Under way' } as Readonly<Record<'outside' | 'moved' | 'cancelled' | 'under-way', string>>,
  moveVisit: 'Move…',
  cancelVisit: 'Cancel…',
  allHandled: 'Every visit is dealt with.',
  markDone: 'Done',
  handledReason: 'Every visit moved into the hours or cancelled',
  leftToHandle: (count: number) => (count === 1 ? '1 visit is still outside the hours.' : `${count} visits are still outside the hours.`),
  editConflictTitle: (name: string) => `Two desks changed ${name ? `${name}’s` : 'the same'} schedule`,
  editConflictSentence: (otherDesk: string, other: string, keptDesk: string, kept: string) => `${otherDesk} changed it to “${other}” while ${keptDesk} changed it to “${kept}”.`,
  // Administration → Schedules.
  section: 'Schedules',
  scheduleOf: 'Schedule of',
  panelHint: (zone: string) => `Times are on this resource’s clock (${zone}) and stay there across clock changes.`,
  noResources: 'There are no active providers or rooms yet.',
  noBlocks: (name: string) => `${name} has no schedule yet: nothing can be booked until working hours are added.`,
  blocksOf: (name: string) => `Schedule of ${name}`,
  when: 'When',
  actions: 'Actions',
  addBlock: 'Add to schedule',
  editNamed: (what: string) => `Edit ${what}`,
  endNamed: (what: string) => `End ${what}`,
  removeNamed: (what: string) => `Remove ${what}`,
  endAction: 'End…',
  removeAction: 'Remove',
  addTitle: (name: string) => `Add to ${name}’s schedule`,
  editTitle: (kind: string, name: string) => `${kind} — ${name}`,
  oneDayTitle: (name: string, date: string) => `${name}, ${date}`,
  endTitle: 'End a repeating block',
  removeTitle: 'Remove from the schedule',
  lastDayItHappens: 'Last day it happens',
  lastDayHint: 'It still happens on this day; from the next day on it is gone. A day before it starts removes it.',
  kindLabel: 'What',
  kindChoices: {
    working: 'Working hours',
    override: 'Change the hours of a day',
    break: 'Break',
    blockout: 'Blockout (staff meeting, emergencies only…)',
    leave: 'Leave',
  } satisfies Record<ScheduleBlockKind, string>,
  kindHints: {
    working: 'Bookable time. Working times that overlap count once.',
    override: 'On this day (or each day it repeats) these hours replace the usual ones. Leave on that day still wins.',
    break: 'Taken out of the working time.',
    blockout: 'Taken out of the bookable time (hard), or kept bookable by a manager only (soft).',
    leave: 'Nobody can book the person then. Whole days or part of a day.',
  } satisfies Record<ScheduleBlockKind, string>,
  day: 'Day',
  firstDay: 'First day',
  lastDay: 'Last day',
  wholeDays: 'Whole days',
  dayOffChoice: 'Day off (no hours)',
  startTime: 'From',
  endTime: 'To',
  endsNextDay: 'Ends the next day.',
  blockoutType: 'Type',
  blockoutTypeHint: 'The clinic’s own kinds, e.g. Staff meeting, Emergencies only.',
  force: 'Who can book then',
  hardChoice: 'Nobody books (hard)',
  softChoice: 'Warn; a manager may book with a reason (soft)',
  leaveReason: 'Reason',
  leaveReasonHint: 'e.g. Annual leave, Sick, Course.',
  label: 'Name on the day sheet',
  labelHint: 'Optional, e.g. Morning clinic, Lunch, Christmas Eve.',
  customRule: (summary: string) => `Repeats by a rule the builder cannot show: ${summary}. Choose a repeat to replace it.`,
  changeReason: 'Why (kept in the audit log)',
  changeReasonHint: 'Optional, e.g. New rota from April.',
  unnamedBlockout: 'Blockout',
  unnamedBreak: 'Break',
};

/** The shape a translation of {@link scheduleMessages} has. */
export type ScheduleMessages = typeof scheduleMessages;
