import type { Messages } from '../en';
import { plural } from '../plural';
import { de } from './elision';

/** The words of *Find an opening*, `Messages['openings']` in French. */
export const frOpenings: Messages['openings'] = {
  title: 'Trouver un créneau',
  button: 'Trouver un créneau',
  shortcut: 'Trouver un créneau (durée, praticiens, salles, jours, heures)',
  intro: 'Les prochains moments où une visite tient, du plus tôt au plus tard, selon les horaires de chaque praticien moins ce qui est déjà réservé.',
  fields: {
    length: 'Durée',
    providers: 'Praticien',
    rooms: 'Salle',
    patient: 'Patient',
    weekdays: 'Jour',
    times: 'Moment de la journée',
    customStart: 'De (heure)',
    customEnd: 'À (heure)',
    fromDate: 'Du',
    untilDate: 'Au',
  },
  lengthHint: 'En minutes, de 5 à 1440.',
  anyProvider: 'N’importe quel praticien',
  roomChoice: { none: 'Pas besoin de salle', any: 'N’importe quelle salle', named: 'Ces salles' },
  patientHint: 'Facultatif\u00a0: jamais à une heure où ce patient a un rendez-vous ailleurs.',
  timesChoice: { any: 'N’importe quand', mornings: 'Le matin (avant midi)', afternoons: 'L’après-midi (à partir de midi)', custom: 'Entre…' },
  timesHint: 'Selon l’horloge de chaque praticien\u202f; toute la visite doit y tenir.',
  untilHint: 'Laissez vide pour les huit prochaines semaines.',
  search: 'Rechercher',
  searching: 'Recherche…',
  close: 'Fermer',
  failed: 'La recherche n’a pas pu être lancée.',
  resultsLabel: 'Créneaux, du plus tôt au plus tard\u00a0: ↑ ↓ pour se déplacer, Entrée pour réserver',
  count: (count) => plural('fr', count, { one: '# créneau', other: '# créneaux' }),
  with: (provider, room) => (room === undefined ? provider : `${provider} · ${room}`),
  onClock: (zone) => `(heure ${de(zone)})`,
  soft: (labels) => `Dans une plage bloquée que seul un responsable peut réserver\u00a0: ${labels}`,
  nothingFound: 'Aucun créneau ne convient. Pourquoi, pour chaque praticien ou salle\u00a0:',
  noProviders: 'Aucun praticien n’est activé\u00a0: activez-en un ou ajoutez-en un dans Administration → Praticiens, salles et équipements.',
  // Why a search found nothing (core/openings whyNoOpenings), one sentence per provider or room.
  why: {
    noHours: (name) => `${name} n’a aucun horaire de travail sur ces dates.`,
    noHoursOnDays: (name, days) => `${name} n’a aucun horaire ces jours-là\u00a0: ${days}.`,
    noHoursAtTimes: (name) => `${name} n’a aucun horaire à ces moments de la journée, ces jours-là.`,
    tooShort: (name, longest, wanted) => `La plus longue plage d’horaires ${de(name)} dure ${plural('fr', longest, { one: '# minute', other: '# minutes' })}\u202f; la visite en demande ${wanted}.`,
    fullyBooked: (name) => `${name}\u00a0: tout est réservé à ces heures (ou la salle ou le patient est déjà pris à ce moment).`,
  },
};
