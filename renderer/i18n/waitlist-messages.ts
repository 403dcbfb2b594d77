import type { WaitlistPriority } from '../../core/model';

/**
 * The words of the waitlist (issue 13): the panel beside the day sheet,
 * its add form, removal, and the notice when a visit frees a slot. Part of
 * the `Messages` object (en.ts `waitlist`). Dates and times come from Intl
 * (format.ts), not from here.
 */
export const waitlistMessages = {
  title: 'Waitlist',
  /** The toolbar button, with the count of waiting entries. */
  button: (waiting: number) => `Waitlist (${waiting})`,
  shortcut: 'Waitlist (patients who want to come sooner)',
  close: 'Close',
  filterProvider: 'Provider',
  anyProviderFilter: 'Every provider',
  filterState: 'Show',
  states: { open: 'Waiting and offered', waiting: 'Waiting', offered: 'Offered', booked: 'Booked', removed: 'Removed' } as Record<'open' | 'waiting' | 'offered' | 'booked' | 'removed', string>,
  priorities: { urgent: 'Urgent', soon: 'Soon', routine: 'Routine' } as Record<WaitlistPriority, string>,
  empty: 'No one on the waitlist here.',
  waited: (days: number) => (days === 0 ? 'added today' : days === 1 ? 'waiting 1 day' : `waiting ${days} days`),
  anyProvider: 'Any provider',
  minutes: (minutes: number) => `${minutes} min`,
  add: 'Add to waitlist',
  addTitle: 'Add a patient',
  save: 'Add',
  cancelAdd: 'Cancel',
  added: (name: string) => `${name} is on the waitlist.`,
  fields: {
    patient: 'Patient',
    providers: 'Provider',
    length: 'Length (minutes)',
    reason: 'Reason',
    priority: 'Priority',
    earliestDate: 'Earliest date',
    latestDate: 'Latest date',
    weekdays: 'Days',
    note: 'Note',
  },
  providersHint: 'None ticked means any provider.',
  weekdaysHint: 'None ticked means any day.',
  remove: 'Remove',
  removeReason: 'Why is this entry removed?',
  confirmRemove: 'Remove from waitlist',
  cancelRemove: 'Keep',
  removed: (name: string) => `${name} is off the waitlist.`,
  failed: 'The waitlist could not be read.',
  edit: 'Edit',
  editTitle: 'Change the entry',
  saveEdit: 'Save',
  updated: (name: string) => `${name}’s waitlist entry is changed.`,
  /** Offering a time put to the patient by phone or at the desk. */
  offer: 'Offer a time',
  offerAnother: 'Offer another time',
  offerTitle: (name: string) => `Offer a time to ${name}`,
  offerFields: { provider: 'Provider', date: 'Date', time: 'Time' } as Record<'provider' | 'date' | 'time', string>,
  confirmOffer: 'Offer',
  cancelOffer: 'Cancel',
  offered: (name: string) => `The offer to ${name} is recorded.`,
  /** An offered entry's line: "Offered Tue Jan 12, 10:30 AM, with Dr Lee". */
  offeredSlot: (weekday: string, date: string, time: string, provider: string) => `Offered ${weekday} ${date}, ${time}, with ${provider}`,
  bookOffer: 'Book the offered time',
  decline: 'Declined',
  declineReason: 'Why did they decline? (optional)',
  confirmDecline: 'Back to waiting',
  keepOffer: 'Keep the offer',
  declined: (name: string) => `${name} declined the offer and is waiting again.`,
  /** The freed-slot notice: "3 waiting patients fit Dr Lee, 10:30–11:10 today". */
  fit: (count: number, provider: string, from: string, to: string, day: string) => `${count} ${count === 1 ? 'waiting patient fits' : 'waiting patients fit'} ${provider}, ${from}–${to} ${day}`,
  today: 'today',
  onDay: (date: string) => `on ${date}`,
  bookMatch: (name: string, time: string) => `Book ${name} at ${time}`,
  /** Beside a match: the time was put to them by phone and they have not said yes yet. */
  offerMatch: (name: string, time: string) => `Offer ${time} to ${name}`,
  booked: (name: string, time: string) => `${name} is booked at ${time} from the waitlist.`,
  dismiss: 'Dismiss',
  matchesLabel: 'Waiting patients who fit, best first',
};
