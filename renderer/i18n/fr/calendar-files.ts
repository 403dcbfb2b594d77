import type { Messages } from '../en';
import { plural } from '../plural';

/** The words of Administration → Calendar files, `Messages['calendarFiles']` in French. */
export const frCalendarFiles: Messages['calendarFiles'] = {
  exportTitle: 'Exporter les visites',
  exportIntro: 'Un fichier de calendrier (ICS) s’ouvre dans Google Agenda, Outlook ou Calendrier d’Apple avec les bonnes heures\u202f; un CSV s’ouvre dans un tableur. Chaque export est consigné dans le journal d’audit.',
  what: 'Visites de',
  wholeClinic: 'Toute la clinique',
  from: 'Du',
  to: 'Au',
  format: 'Fichier',
  formats: { ics: 'Calendrier (ICS)', csv: 'Tableur (CSV)' },
  includeNames: 'Inclure le nom des patients',
  includeNamesHint: 'Laissez décoché sauf si le fichier reste dans la clinique\u00a0: sans les noms, il ne contient que les heures et les motifs.',
  exportButton: 'Exporter',
  exported: (count, fileName) => `${plural('fr', count, { one: '# visite écrite', other: '# visites écrites' })} dans ${fileName}.`,
  importTitle: 'Importer un fichier de calendrier (ICS)',
  importIntro: 'Les événements d’un autre calendrier sont réservés pour le praticien ou la salle et le patient que vous choisissez\u202f; un fichier exporté par Timedesk réserve les siens. Rien n’est réservé avant que vous appuyiez sur Importer, et alors tout le fichier ou rien.',
  file: 'Fichier ICS',
  bookFor: 'Réserver pour',
  patientSearch: 'Patient (tapez pour chercher)',
  patient: 'Patient',
  noPatient: 'Choisissez un patient',
  noResource: 'Choisissez un praticien ou une salle',
  patientName: (given, family) => `${given} ${family}`,
  previewButton: 'Aperçu',
  summary: (fresh, here, refused) =>
    `${plural('fr', fresh, { one: '# nouveau', other: '# nouveaux' })}, ${plural('fr', here, { one: '# déjà présent', other: '# déjà présents' })}, ${plural('fr', refused, { one: '# refusé', other: '# refusés' })}.`,
  refusedTitle: 'Import impossible',
  problem: (line, uid, field, message) => `Ligne ${line}${uid === null ? '' : ` (UID ${uid})`}, ${field}\u00a0: ${message}`,
  fixFirst: 'Corrigez ou retirez les événements refusés, puis relancez l’aperçu\u00a0: un fichier est importé en entier ou pas du tout.',
  importButton: 'Importer',
  conflict: 'Il chevauche un autre rendez-vous.',
  imported: (appointments, series) =>
    `${plural('fr', appointments, { one: '# visite importée', other: '# visites importées' })} et ${plural('fr', series, { one: '# série récurrente', other: '# séries récurrentes' })}.`,
  importRefused: (line, uid, reason) => `Rien n’a été importé\u00a0: l’événement de la ligne ${line} (UID ${uid}) a été refusé — ${reason}`,
  columns: { start: 'Début', end: 'Fin', timeZone: 'Fuseau horaire', minutes: 'Minutes', resources: 'Avec', status: 'Statut', reason: 'Motif', visit: 'Visite', patient: 'Patient' },
};
