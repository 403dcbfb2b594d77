import type { Messages } from '../en';
import { plural } from '../plural';

/** The words of confirmations, `Messages['confirmation']` in French. */
export const frConfirmation: Messages['confirmation'] = {
  statuses: {
    unconfirmed: 'Non confirmé',
    reminded: 'Rappel envoyé',
    confirmed: 'Confirmé',
    declined: 'Refusé',
    no_answer: 'Sans réponse',
  },
  // The marks are the same in every language.
  icons: { unconfirmed: '', reminded: '✉', confirmed: '☑', declined: '☒', no_answer: '☏' },
  heading: 'Confirmation',
  actions: { confirmed: 'Confirmé par téléphone', declined: 'Refusé', no_answer: 'Sans réponse' },
  undo: 'Annuler la confirmation',
  movedSince: 'Déplacé depuis la dernière réponse\u00a0: redemandez.',
  set: (name, status) => `${name}\u00a0: ${status.toLowerCase()}.`,
  undone: (name, status) => `${name}\u00a0: retour à «\u00a0${status.toLowerCase()}\u00a0».`,
  shortcut: { confirmed: 'Le patient a confirmé (par téléphone)', declined: 'Le patient a refusé', no_answer: 'Appelé, sans réponse' },
  listShortcut: 'Afficher ou masquer la liste À confirmer',
  // The call-down list.
  listTitle: 'À confirmer',
  listButton: 'À confirmer',
  listIntro: 'Les visites de demain et d’après-demain qui attendent encore une réponse, dans l’ordre d’appel\u00a0: d’abord ceux qui n’ont pas encore été appelés, puis ceux qui n’ont pas répondu.',
  listEmpty: 'Tous les patients attendus dans les deux prochains jours ont répondu.',
  listLoading: 'Lecture des deux prochains jours…',
  listFailed: 'Les deux prochains jours n’ont pas pu être lus.',
  dayHeading: (day, count) => `${day} — ${plural('fr', count, { one: '# à appeler', other: '# à appeler' })}`,
  noPhone: 'Pas de numéro de téléphone',
  tries: (count) => (count === 0 ? '' : plural('fr', count, { one: '# appel sans réponse', other: '# appels sans réponse' })),
  columns: { time: 'Heure', patient: 'Patient', phone: 'Téléphone', with: 'Avec', answer: 'Réponse' },
  close: 'Fermer la liste',
  // Needs attention: two desks recorded different answers offline.
  editTitle: (patient) => `${patient}\u00a0: deux réponses enregistrées`,
  editSentence: (otherDesk, otherAnswer, keptDesk, keptAnswer) =>
    `${otherDesk} a enregistré «\u00a0${otherAnswer}\u00a0»\u202f; pendant ce temps, ${keptDesk} a enregistré «\u00a0${keptAnswer}\u00a0». La visite affiche «\u00a0${keptAnswer}\u00a0» jusqu’à ce que quelqu’un décide.`,
};
