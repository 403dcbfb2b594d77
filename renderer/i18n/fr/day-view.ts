import type { Messages } from '../en';
import { plural } from '../plural';
import { de } from './elision';

/** The day sheet (renderer/day-view) in French. */
export const frDayView: Messages['dayView'] = {
  title: 'Feuille du jour',
  gridLabel: 'Rendez-vous par heure',
  previousDay: 'Jour précédent',
  nextDay: 'Jour suivant',
  previousWeek: 'Semaine précédente',
  nextWeek: 'Semaine suivante',
  today: 'Aujourd’hui',
  date: 'Date',
  columns: 'Colonnes',
  slotSize: 'Créneau',
  slotMinutes: (minutes) => `${minutes} min`,
  dayStart: 'De',
  dayEnd: 'À',
  showCancelled: 'Afficher les annulés',
  newAppointment: 'Nouveau rendez-vous',
  print: 'Imprimer',
  noResources: (kind) => `Il n’y a pas encore ${de(kind.toLowerCase())}. Un administrateur les ajoute dans la configuration.`,
  closed: (reason) => `Fermé\u00a0: ${reason}`,
  nowLine: 'Maintenant',
  emptySlot: (time, resource) => `Réserver ${resource} à ${time}`,
  appointmentLabel: (patient, time, minutes, status, reason) =>
    `${patient}, ${time}, ${plural('fr', minutes, { one: '# minute', other: '# minutes' })}, ${status}${reason ? `, ${reason}` : ''}`,
  unknownPatient: 'Patient inconnu',
  otherColumn: 'Non attribué',
  layout: 'Vue',
  grid: 'Feuille',
  agenda: 'Agenda',
  week: 'Semaine',
  weekOf: 'Pour',
  weekTitle: (first, last) => `Semaine du ${first} au ${last}`,
  agendaEmpty: 'Aucun rendez-vous ce jour-là.',
  checkIn: 'Enregistrer l’arrivée',
  nextStep: 'Étape suivante',
  moved: (patient, time, minutes) => `Rendez-vous ${de(patient)} déplacé à ${time} (${minutes} min).`,
  notMoved: (patient, reason) => `Le rendez-vous ${de(patient)} n’a pas été déplacé\u00a0: ${reason}.`,
  moveUndoFailed: 'Le déplacement n’a pas pu être annulé\u00a0: l’ancien horaire n’est plus libre.',
  resizeHandle: 'Faites glisser pour changer la durée',
  seriesMark: 'Récurrent',
  // The marks are the same in every language.
  statusIcons: { booked: '○', arrived: '◐', in_room: '●', completed: '✓', no_show: '✗', cancelled: '⊘' },
  loadFailed: 'La journée n’a pas pu être lue.',
  count: (count) => plural('fr', count, { one: '# rendez-vous', other: '# rendez-vous' }),
};

/** The status buttons and notices in French. */
export const frStatus: Messages['status'] = {
  actions: 'Statut',
  arrive: 'Arrivé',
  inRoom: 'En salle',
  complete: 'Terminé',
  noShow: 'Absent',
  cancel: 'Annuler…',
  // "Annuler" is already Cancel on the same panel.
  undo: 'Défaire',
  changed: (patient, status) => `${patient}\u00a0: ${status.toLowerCase()}.`,
  undone: (patient, status) => `${patient}\u00a0: retour à «\u00a0${status.toLowerCase()}\u00a0».`,
  notAllowed: (from, to) => `Un rendez-vous au statut «\u00a0${from.toLowerCase()}\u00a0» ne peut pas passer au statut «\u00a0${to.toLowerCase()}\u00a0».`,
  occurrenceNote: 'Fait partie d’une série récurrente. Changer son statut ne concerne que cette visite.',
  cancelTitle: 'Annuler le rendez-vous',
  cancelIntro: (patient, time) => `Annuler le rendez-vous ${de(patient)} à ${time}\u202f?`,
  cancelReason: 'Motif de l’annulation',
  cancelConfirm: 'Annuler le rendez-vous',
  keepIt: 'Le garder',
};

/** The shortcut sheet in French (the keys themselves are drawn from renderer/shortcuts). */
export const frShortcuts: Messages['shortcuts'] = {
  title: 'Raccourcis clavier',
  newAppointment: 'Nouveau rendez-vous',
  today: 'Aller à aujourd’hui',
  previousDay: 'Jour précédent (semaine précédente sur la vue semaine)',
  nextDay: 'Jour suivant (semaine suivante sur la vue semaine)',
  help: 'Afficher cette liste',
  findPatient: 'Trouver un patient et ses visites',
  statusIntro: 'Sur le rendez-vous sélectionné (cliquez dessus, atteignez-le avec Tab, ou celui qui vient d’être réservé)\u00a0:',
  status: {
    arrived: 'Marquer arrivé',
    in_room: 'Marquer en salle',
    completed: 'Marquer terminé',
    no_show: 'Marquer absent (rendez-vous manqué)',
    cancelled: 'Annuler (demande un motif)',
  },
  edit: 'Modifier (heure, durée, praticiens, motif, notes)',
  undo: 'Annuler son dernier changement de statut',
  undoLast: 'Annuler le changement que propose la notification',
  undoLastKeys: 'Ctrl+Z',
  closeDialog: 'Fermer une boîte de dialogue',
  escapeKey: 'Échap',
  selectFirst: 'Sélectionnez d’abord un rendez-vous\u00a0: cliquez dessus ou atteignez-le avec Tab.',
};

/** The printed day sheet in French. */
export const frPrint: Messages['print'] = {
  hours: (working, marks) => `Réservable ${working}${marks ? `\u202f; ${marks}` : ''}`,
  noHours: 'Aucun horaire de travail ce jour-là.',
  nothingBooked: 'Aucun rendez-vous.',
  time: 'Heure',
  length: 'Durée',
  status: 'Statut',
  printedBy: (date, time, name) =>
    `Imprimé le ${date} à ${time}${name ? ` par ${name}` : ''}. Contient des informations sur les patients\u00a0: gardez-le hors de vue et détruisez-le après usage.`,
};
