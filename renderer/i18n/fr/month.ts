import type { Messages } from '../en';

/** The words of the month view, `Messages['month']` in French. */
export const frMonth: Messages['month'] = {
  layout: 'Mois',
  of: 'Mois de',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  gridLabel: (resource, month) => `${resource}, ${month}`,
  booked: { one: '# rendez-vous', other: '# rendez-vous' },
  // "de libre" whatever the duration: "4 h de libre", "30 min de libre".
  free: (duration) => `${duration} de libre`,
  noHours: 'Aucun horaire',
  closed: (reason) => `Fermé\u00a0: ${reason}`,
  onLeave: (reasons) => (reasons === '' ? 'En congé' : `En congé\u00a0: ${reasons}`),
  today: 'Aujourd’hui',
  dayLabel: (date, parts) => `${date}\u00a0: ${parts}`,
  keys: 'Flèches\u00a0: un jour ou une semaine · Pg préc. / Pg suiv.\u00a0: un mois · Entrée\u00a0: ouvrir le jour sur la feuille du jour',
  shortcut: {
    intro: 'Sur la vue du mois (← / → y déplacent aussi d’un jour)\u00a0:',
    previousWeek: 'Une semaine plus tôt',
    nextWeek: 'Une semaine plus tard',
    previousMonth: 'Le même jour, un mois plus tôt',
    nextMonth: 'Le même jour, un mois plus tard',
    openDay: 'Ouvrir le jour choisi sur la feuille du jour',
  },
  // The labels French keyboards print on these keys.
  keyNames: { PageUp: 'Pg préc.', PageDown: 'Pg suiv.', Enter: 'Entrée' },
  loading: 'Décompte du mois…',
  failed: 'Le mois n’a pas pu être lu dans les données de ce poste.',
  noResource: 'Choisissez un praticien ou une salle pour voir son mois.',
};
