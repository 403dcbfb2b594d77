/**
 * The words of *Find an opening* (issue 13): the panel's fields, its
 * results and the sentences for a search that found nothing. Part of the
 * `Messages` object (en.ts `openings`); a translation gives its own.
 * Weekday names, dates and times come from Intl (format.ts), not from here.
 */
export const openingsMessages = {
  title: 'Find an opening',
  button: 'Find an opening',
  /** The shortcut sheet's line for the key. */
  shortcut: 'Find an opening (length, providers, rooms, days, times)',
  intro: 'The next times a visit fits, earliest first, on each provider’s hours minus what is booked.',
  /** Labels of the form's fields; a refusal names the field with these. */
  fields: {
    length: 'Length',
    providers: 'Provider',
    rooms: 'Room',
    patient: 'Patient',
    weekdays: 'Day',
    times: 'Time of day',
    customStart: 'From (time)',
    customEnd: 'Until (time)',
    fromDate: 'From',
    untilDate: 'Until',
  },
  lengthHint: 'Minutes, 5 to 1440.',
  anyProvider: 'Any provider',
  roomChoice: { none: 'No room needed', any: 'Any room', named: 'These rooms' } as Record<'none' | 'any' | 'named', string>,
  patientHint: 'Optional: never at a time this patient is booked elsewhere.',
  timesChoice: { any: 'Any time', mornings: 'Mornings (before noon)', afternoons: 'Afternoons (from noon)', custom: 'Between…' } as Record<'any' | 'mornings' | 'afternoons' | 'custom', string>,
  timesHint: 'On each provider’s own clock; the whole visit inside.',
  untilHint: 'Leave empty for the next eight weeks.',
  search: 'Search',
  searching: 'Searching…',
  close: 'Close',
  failed: 'The search could not be run.',
  resultsLabel: 'Openings, earliest first: ↑ ↓ to move, Enter to book',
  count: (count: number) => (count === 1 ? '1 opening' : `${count} openings`),
  /** One result: time range on the provider's clock, the provider, the room. */
  with: (provider: string, room: string | undefined) => (room === undefined ? provider : `${provider} · ${room}`),
  /** Shown when the provider's clock is not the clinic's. */
  onClock: (zone: string) => `(${zone} time)`,
  soft: (labels: string) => `In a blockout only a manager can book: ${labels}`,
  nothingFound: 'No opening fits. Why, for each one asked:',
  noProviders: 'No provider is switched on: switch one on or add one under Administration → Providers, rooms and equipment.',
  // Why a search found nothing (core/openings whyNoOpenings), one sentence per provider or room.
  why: {
    noHours: (name: string) => `${name} has no working hours in these dates.`,
    noHoursOnDays: (name: string, days: string) => `${name} has no hours on ${days}.`,
    noHoursAtTimes: (name: string) => `${name} has no hours at those times of day on those days.`,
    tooShort: (name: string, longest: number, wanted: number) => `${name}’s longest stretch of hours is ${longest} minutes; the visit needs ${wanted}.`,
    fullyBooked: (name: string) => `${name} is fully booked at those times (or the room or the patient is busy then).`,
  },
  /** The booking dialog's offer when the chosen time is taken (core/openings nearestOpenings). */
  nearest: {
    title: 'Nearest free times',
    looking: 'Looking for the nearest free times…',
    failed: 'The nearest free times could not be looked up.',
    /** A button: moves the start there. `when` is the time, with the date when it is another day. */
    earlier: (when: string) => `Earlier: ${when}`,
    later: (when: string) => `Later: ${when}`,
    /** A time on another day, e.g. "Tue Jan 6, 8:00 AM". */
    onDay: (weekday: string, date: string, time: string) => `${weekday} ${date}, ${time}`,
    nothingEarlierPast: 'Nothing earlier: that time has already passed.',
    nothingEarlierFromNow: 'Nothing earlier is free between now and then.',
    nothingEarlierWeeks: 'Nothing earlier is free in the eight weeks before.',
    nothingLater: 'Nothing later is free in the next eight weeks.',
    /** Before the why-sentences when neither side has a free time. */
    noneWhy: 'No free time in the eight weeks either side:',
  },
};
