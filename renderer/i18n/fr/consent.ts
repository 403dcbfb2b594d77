import type { Messages } from '../en';

/** The words of contact consent, `Messages['consent']` in French. */
export const frConsent: Messages['consent'] = {
  heading: 'Consentement de contact',
  notAsked: 'Consentement de contact pas encore demandé',
  optedOutLine: 'A refusé les rappels — aucun message ne sera envoyé',
  optedOutMark: 'Refuse les messages',
  optedOutWhy: (reason) => `Refuse tout message\u00a0: ${reason}`,
  allowed: (list) => `Messages autorisés par ${list}`,
  nothingAllowed: 'Aucun moyen autorisé\u00a0: aucun message ne sera envoyé',
  prefers: (channel) => `Préfère\u00a0: ${channel}`,
  recorded: (who, when) => `Enregistré par ${who} le ${when}`,
  channels: { email: 'Courriel', sms: 'Texto (SMS)', none: 'Sans préférence' },
  emailAllowed: 'Courriel autorisé',
  smsAllowed: 'Textos (SMS) autorisés',
  preferredChannel: 'Moyen préféré',
  optedOut: 'Refuse tout message',
  optOutReason: 'Pourquoi le patient refuse les messages',
  optOutHint: 'Rien n’est envoyé à un patient qui refuse les messages, quoi qu’il ait autorisé ci-dessus.',
  preferredNotAllowed: 'Choisissez un moyen préféré que le patient a autorisé.',
  save: 'Enregistrer le consentement de contact',
  saved: (name) => `Consentement de contact enregistré pour ${name}.`,
  editTitle: (patient) => `${patient}\u00a0: deux consentements de contact enregistrés`,
  editSentence: (otherDesk, otherAnswer, keptDesk, keptAnswer) =>
    `${otherDesk} a enregistré «\u00a0${otherAnswer}\u00a0» pendant que ${keptDesk} enregistrait «\u00a0${keptAnswer}\u00a0». La fiche du patient affiche «\u00a0${keptAnswer}\u00a0» jusqu’à ce que quelqu’un décide.`,
};
