import type { PluralForms } from './plural';

/**
 * The words of the month view (issue 17): one provider's or room's month,
 * day by day. Part of the `Messages` object (en.ts `month`); a translation
 * gives its own.
 */
export const monthMessages = {
  layout: 'Month',
  of: 'Month of',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  gridLabel: (resource: string, month: string) => `${resource}, ${month}`,
  booked: { one: '# booked', other: '# booked' } satisfies PluralForms,
  free: (duration: string) => `${duration} free`,
  noHours: 'No hours',
  closed: (reason: string) => `Closed: ${reason}`,
  onLeave: (reasons: string) => (reasons === '' ? 'On leave' : `On leave: ${reasons}`),
  today: 'Today',
  /** The day as a screen reader hears it: "Monday, March 1, 2027: 6 booked, 4 h free". */
  dayLabel: (date: string, parts: string) => `${date}: ${parts}`,
  keys: 'Arrows: a day or a week · Page Up / Page Down: a month · Enter: open the day on the day sheet',
  /** The month view's rows of the shortcut sheet (keys from renderer/shortcuts/desk-shortcut.ts). */
  shortcut: {
    intro: 'On the month view (← / → move a day there too):',
    previousWeek: 'A week earlier',
    nextWeek: 'A week later',
    previousMonth: 'The same day a month earlier',
    nextMonth: 'The same day a month later',
    openDay: 'Open the chosen day on the day sheet',
  },
  /** What the keyboard's keys are called on the shortcut sheet. */
  keyNames: { PageUp: 'Page Up', PageDown: 'Page Down', Enter: 'Enter' } as Record<string, string>,
  loading: 'Counting the month…',
  failed: 'The month could not be read from this desk’s records.',
  noResource: 'Choose a provider or room to see its month.',
};
