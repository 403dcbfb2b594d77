import type { Messages } from '../en';
import { plural } from '../plural';
import { de } from './elision';

const checked = (visits: number) => plural('fr', visits, { one: '# visite vérifiée', other: '# visites vérifiées' });

/** The appointment dialog (renderer/appointment-dialog) in French. */
export const frDialog: Messages['dialog'] = {
  newTitle: 'Nouveau rendez-vous',
  patientSearch: 'Trouver un patient',
  patientSearchHint: 'Nom, téléphone, date de naissance (AAAA-MM-JJ) ou numéro de dossier',
  noPatients: 'Aucun patient ne correspond.',
  registerNew: 'Enregistrer un nouveau patient',
  registerTitle: 'Nouveau patient',
  registerSubmit: 'Enregistrer le patient',
  changePatient: 'Changer',
  // "né le" would need the patient's gender.
  born: (date) => `naissance\u00a0: ${date}`,
  resources: 'Praticiens et salles',
  duration: 'Durée',
  durationMinutes: (minutes) => (minutes < 60 ? `${minutes} min` : minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`),
  otherDuration: 'Minutes',
  submit: 'Réserver le rendez-vous',
  submitSeries: 'Réserver le rendez-vous récurrent',
  submitting: 'Réservation…',
  choosePatient: 'Choisissez ou enregistrez d’abord un patient.',
  chooseResource: 'Choisissez au moins un praticien ou une salle.',
  conflictTitle: 'Cet horaire n’est pas libre',
  conflictIntro: 'Rien n’a été réservé. Choisissez un autre horaire ou un autre praticien\u00a0:',
  // The reason is a verb phrase (conflictKinds): "Salle 1 a déjà un rendez-vous à cette heure".
  conflictWith: (resource, reason) => `${resource} ${reason}`,
  closedFor: (reason) => `La clinique est fermée ce jour-là\u00a0: ${reason}`,
  conflictAppointment: (patient, time, minutes) => `${patient}, ${time} (${minutes} min)`,
  conflictSeries: 'Une visite d’une série récurrente',
  overrideReason: 'Réserver quand même — motif',
  overrideHint: 'Responsables et administrateurs uniquement. Le motif et les conflits sont conservés dans le journal d’audit.',
  overrideSubmit: 'Réserver quand même',
  warningsTitle: 'Réservé, avec une remarque',
  booked: (patient, time) => `Rendez-vous réservé pour ${patient} à ${time}.`,
};

/** Find patient in French. */
export const frFinder: Messages['finder'] = {
  title: 'Trouver un patient',
  visits: 'Visites',
  none: 'Aucune visite entre il y a trois mois et dans un an.',
};

/** The repeat builder in French (its sentences are in recurrence.ts). */
export const frRepeat: Messages['repeat'] = {
  title: 'Répétition',
  kind: 'Répétition',
  kinds: {
    none: 'Ne se répète pas',
    daily: 'Tous les jours',
    weekly: 'Toutes les semaines',
    weekdays: 'Du lundi au vendredi',
    'monthly-by-date': 'Tous les mois à la même date',
    'monthly-by-weekday': 'Tous les mois le même jour de la semaine',
    'yearly-by-date': 'Tous les ans à la même date',
    'yearly-by-weekday': 'Tous les ans le même jour de la semaine du mois',
  },
  // "Tous les" / "Toutes les" would depend on the unit after the number.
  every: 'Intervalle',
  unit: { daily: 'jour(s)', weekly: 'semaine(s)', 'monthly-by-date': 'mois', 'monthly-by-weekday': 'mois', 'yearly-by-date': 'an(s)', 'yearly-by-weekday': 'an(s)' },
  fromEnd: (weekday) => `Compter depuis la fin du mois (le dernier ${weekday})`,
  onDays: 'Ces jours-là',
  weekday: { mon: 'lun.', tue: 'mar.', wed: 'mer.', thu: 'jeu.', fri: 'ven.', sat: 'sam.', sun: 'dim.' },
  ends: 'Fin',
  after: 'Après',
  times: 'fois',
  until: 'Le',
  lastDate: 'Dernière date',
  never: 'Jamais',
  shifted: 'décalé par le changement d’heure (cette heure n’existe pas ce jour-là)',
  otherOffset: 'après un changement d’heure (même heure à l’horloge)',
  more: '…et d’autres',
  booked: (patient, summary, count) => `Réservé pour ${patient}\u00a0: ${summary} (${checked(count)}).`,
  conflictOn: (date) => `le ${date}`,
};

/** The booking check's preview in the dialog, in French. */
export const frPreview: Messages['preview'] = {
  checking: 'Recherche de conflits…',
  checkFailed: 'Impossible de vérifier ce rendez-vous pour l’instant\u202f; il sera vérifié à l’enregistrement.',
  clear: (visits) =>
    visits === 1
      ? 'Aucun conflit, aucune fermeture, aucun problème d’horaires.'
      : plural('fr', visits, {
          one: 'Aucun conflit, aucune fermeture, aucun problème d’horaires dans la # visite vérifiée.',
          other: 'Aucun conflit, aucune fermeture, aucun problème d’horaires dans les # visites vérifiées.',
        }),
  counts: (parts, visits) => `${parts.join(', ')} — sur ${checked(visits)}.`,
  countClosed: (count) => plural('fr', count, { one: '# tombe un jour de fermeture', other: '# tombent un jour de fermeture' }),
  countConflict: (count) => plural('fr', count, { one: '# conflit', other: '# conflits' }),
  countOutsideHours: (count) => plural('fr', count, { one: '# en dehors des horaires', other: '# en dehors des horaires' }),
  flagClosed: 'Fermé',
  flagBlocked: 'Bloqué',
  countBlocked: (count) => plural('fr', count, { one: '# dans une plage bloquée ou un congé', other: '# dans une plage bloquée ou un congé' }),
  flagConflict: 'Conflit',
  flagOutsideHours: 'Hors horaires',
  withWhom: (names) => ` — ${names}`,
  laterTitle: 'Visites suivantes avec un problème',
  confirmTitle: 'Réserver quand même\u202f?',
  visitsAre: (count, single) => (single ? 'Cette visite est' : plural('fr', count, { one: '# visite est', other: '# visites sont' })),
  confirmOutsideHours: (subject) => `${subject} en dehors des horaires de travail.`,
  confirmBreak: (subject) => `${subject} pendant une pause.`,
  confirmNoHours: (subject) => `${subject} avec un praticien ou une salle sans horaires de travail définis.`,
  // "sous le coup de" agrees with one visit and many alike.
  confirmOther: (subject) => `${subject} sous le coup d’un avertissement.`,
  confirmMore: (count) => `…et ${plural('fr', count, { one: '# autre', other: '# autres' })}`,
  confirmBook: 'Réserver quand même',
  confirmBack: 'Retour au formulaire',
};

/** Editing an appointment, in French. */
export const frEdit: Messages['edit'] = {
  title: 'Modifier le rendez-vous',
  action: 'Modifier…',
  submit: 'Enregistrer les modifications',
  saving: 'Enregistrement…',
  patient: 'Patient',
  repeatKept: 'Se répète comme avant. À l’enregistrement, vous choisirez quelles visites de la série modifier.',
  saved: (patient, time) => `Rendez-vous ${de(patient)} à ${time} enregistré.`,
  savedFollowing: (patient, date) => `Enregistré\u00a0: les visites ${de(patient)} à partir du ${date} sont modifiées.`,
  savedAll: (patient) => `Enregistré\u00a0: toutes les visites ${de(patient)} dans la série sont modifiées.`,
  nothingChanged: 'Rien n’a été modifié.',
  undone: (patient, time) => `Annulé\u00a0: la visite ${de(patient)} est de nouveau à ${time}.`,
  notUndone: (patient, reason) => `La visite ${de(patient)} n’a pas été remise à sa place\u00a0: ${reason}.`,
};

/** Which visits of a series a change is for, in French. */
export const frEditScope: Messages['editScope'] = {
  title: 'Modifier un rendez-vous récurrent',
  cancelTitle: 'Annuler un rendez-vous récurrent',
  intro: (patient, date) => `La visite ${de(patient)} du ${date} fait partie d’une série récurrente.`,
  legend: 'Quelles visites\u202f?',
  this: 'Cette visite uniquement',
  following: 'Cette visite et les suivantes',
  all: 'Toutes les visites de la série',
  allCancel: 'Toutes les visites qui n’ont pas encore eu lieu (les visites passées sont conservées)',
  confirm: 'Enregistrer',
  notes: {
    'moved-already': 'Déjà déplacée seule, cette visite bouge seule\u00a0: le reste de la série garde ses jours et ses heures.',
    'month-or-year-dates': 'Cette série se répète à des dates du mois ou de l’année, pas sur des jours de la semaine\u202f; déplacée à un autre jour, cette visite bouge seule\u00a0: le reste de la série garde ses dates et ses heures.',
    'rule-parts': 'La règle de répétition de cette série ne peut pas suivre un déplacement à un autre jour\u202f; cette visite bouge donc seule\u00a0: le reste de la série garde ses jours et ses heures.',
    'weekdays-move': 'Si vous déplacez cette visite et les suivantes, ou toutes, les jours de la semaine de la série sont décalés du même nombre de jours\u202f; les visites déjà déplacées seules restent où elles sont.',
  },
  cancelledFollowing: (patient, date) => `Les visites ${de(patient)} à partir du ${date} sont annulées.`,
  cancelledAll: (patient) => `Les visites restantes ${de(patient)} dans la série sont annulées.`,
};
