/** ISO weekdays, Monday = 1 … Sunday = 7, as the v3 weekday rules numbered them (audit entries from before schedules name them). */
export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The weekday names in the clinic's language, Monday first (from Intl, so a
 * translation needs no table).
 *
 * @example weekdayNames('en-US') // ['Monday', 'Tuesday', …, 'Sunday']
 */
export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return isoWeekdays.map((weekday) => format.format(Date.UTC(2024, 0, weekday, 12)));
}
