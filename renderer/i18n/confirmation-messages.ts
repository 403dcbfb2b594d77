import type { ConfirmationStatus } from '../../core/model';

/**
 * The words of confirmations (issue 16): the mark on a booking, the
 * selection panel's answers, the *To confirm* call-down list and the
 * notices. Part of the `Messages` object (en.ts `confirmation`); a
 * translation gives its own.
 */

const statuses: Record<ConfirmationStatus, string> = {
  unconfirmed: 'Unconfirmed',
  reminded: 'Reminded',
  confirmed: 'Confirmed',
  declined: 'Declined',
  no_answer: 'No answer',
};

export const confirmationMessages = {
  statuses,
  /** The mark drawn on a booking block (none while unconfirmed). */
  icons: { unconfirmed: '', reminded: '✉', confirmed: '☑', declined: '☒', no_answer: '☏' } as Record<ConfirmationStatus, string>,
  heading: 'Confirmation',
  /** The selection panel's and the list's buttons. */
  actions: { confirmed: 'Confirmed by phone', declined: 'Declined', no_answer: 'No answer' } as Record<'confirmed' | 'declined' | 'no_answer', string>,
  undo: 'Undo confirmation',
  movedSince: 'Moved since the last answer: ask again.',
  /** Notices. */
  set: (name: string, status: string) => `${name}: ${status.toLowerCase()}.`,
  undone: (name: string, status: string) => `${name}: back to ${status.toLowerCase()}.`,
  /** Shortcut sheet lines. */
  shortcut: { confirmed: 'Patient confirmed (by phone)', declined: 'Patient declined', no_answer: 'Called, no answer' } as Record<'confirmed' | 'declined' | 'no_answer', string>,
  listShortcut: 'Show or hide the To confirm list',
  // The call-down list.
  listTitle: 'To confirm',
  listButton: 'To confirm',
  listIntro: 'Tomorrow’s and the day after’s visits still waiting for an answer, in call order: not yet called first, then those who did not answer.',
  listEmpty: 'Everyone booked for the next two days has answered.',
  listLoading: 'Reading the next two days…',
  listFailed: 'The next two days could not be read.',
  dayHeading: (day: string, count: number) => `${day} — ${count === 1 ? '1 to call' : `${count} to call`}`,
  noPhone: 'No phone number',
  tries: (count: number) => (count === 0 ? '' : count === 1 ? '1 call unanswered' : `${count} calls unanswered`),
  columns: { time: 'Time', patient: 'Patient', phone: 'Phone', with: 'With', answer: 'Answer' },
  close: 'Close the list',
  // Needs attention: two desks recorded different answers offline.
  editTitle: (patient: string) => `${patient}: two answers recorded`,
  editSentence: (otherDesk: string, otherAnswer: string, keptDesk: string, keptAnswer: string) =>
    `${otherDesk} recorded “${otherAnswer}” while ${keptDesk} recorded “${keptAnswer}”. The visit shows “${keptAnswer}” until someone decides.`,
};
