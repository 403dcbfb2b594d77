import type { ContactChannel } from '../../core/model';

/**
 * The words of contact consent (issue 16): the patient's consent in Find
 * patient, the booking dialog's line, the call-down list's mark and the
 * Needs attention card. Part of the `Messages` object (en.ts `consent`); a
 * translation gives its own.
 */

const channels: Record<ContactChannel, string> = { email: 'Email', sms: 'Text message (SMS)', none: 'No preference' };

export const consentMessages = {
  heading: 'Contact consent',
  notAsked: 'Contact consent not asked yet',
  /** The booking dialog's line and the call-down list's mark for a patient who opted out. */
  optedOutLine: 'Opted out of reminders — no messages will be sent',
  optedOutMark: 'Opted out',
  optedOutWhy: (reason: string) => `Opted out of all messages: ${reason}`,
  allowed: (list: string) => `Messages allowed by ${list}`,
  nothingAllowed: 'No channel allowed: no messages will be sent',
  prefers: (channel: string) => `Prefers: ${channel}`,
  recorded: (who: string, when: string) => `Recorded by ${who} on ${when}`,
  channels,
  emailAllowed: 'Email allowed',
  smsAllowed: 'Text messages (SMS) allowed',
  preferredChannel: 'Preferred channel',
  optedOut: 'Opted out of all messages',
  optOutReason: 'Why they opted out',
  optOutHint: 'Nothing is sent to a patient who opted out, whatever is allowed above.',
  preferredNotAllowed: 'Choose a preferred channel the patient allowed.',
  save: 'Save contact consent',
  saved: (name: string) => `Contact consent saved for ${name}.`,
  // Needs attention: two desks recorded different consent offline.
  editTitle: (patient: string) => `${patient}: two contact consents recorded`,
  editSentence: (otherDesk: string, otherAnswer: string, keptDesk: string, keptAnswer: string) =>
    `${otherDesk} recorded “${otherAnswer}” while ${keptDesk} recorded “${keptAnswer}”. The patient’s record shows “${keptAnswer}” until someone decides.`,
};
