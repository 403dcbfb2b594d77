/**
 * The words of the Calendar files tab of Administration (issue 14): ICS and
 * CSV export, ICS import with its preview. Part of the `Messages` object
 * (en.ts `calendarFiles`); a translation gives its own.
 */
export const calendarFilesMessages = {
  exportTitle: 'Export visits',
  exportIntro: 'A calendar file (ICS) opens in Google Calendar, Outlook or Apple Calendar with the right times; a CSV opens in a spreadsheet. Each export is recorded in the audit log.',
  what: 'Whose visits',
  wholeClinic: 'The whole clinic',
  from: 'From',
  to: 'To',
  format: 'File',
  formats: { ics: 'Calendar (ICS)', csv: 'Spreadsheet (CSV)' },
  includeNames: 'Include patient names',
  includeNamesHint: 'Leave unticked unless the file stays inside the clinic: without it the file holds times and reasons only.',
  exportButton: 'Export',
  exported: (count: number, fileName: string) => `${count} ${count === 1 ? 'visit' : 'visits'} written to ${fileName}.`,
  importTitle: 'Import a calendar file (ICS)',
  importIntro: 'Events from another calendar are booked for the provider or room and patient you choose; a file exported by Timedesk books its own. Nothing is booked until you press Import, and then all of the file or none of it.',
  file: 'ICS file',
  bookFor: 'Book for',
  patientSearch: 'Patient (type to search)',
  patient: 'Patient',
  noPatient: 'Choose a patient',
  noResource: 'Choose a provider or room',
  patientName: (given: string, family: string) => `${given} ${family}`,
  previewButton: 'Preview',
  summary: (fresh: number, here: number, refused: number) => `${fresh} new, ${here} already here, ${refused} refused.`,
  refusedTitle: 'Cannot be imported',
  problem: (line: number, uid: string | null, field: string, message: string) => `Line ${line}${uid === null ? '' : ` (UID ${uid})`}, ${field}: ${message}`,
  fixFirst: 'Fix or remove the refused events, then preview again: a file is imported whole or not at all.',
  importButton: 'Import',
  conflict: 'It collides with another booking.',
  imported: (appointments: number, series: number) => `Imported ${appointments} ${appointments === 1 ? 'visit' : 'visits'} and ${series} repeating ${series === 1 ? 'series' : 'series'}.`,
  importRefused: (line: number, uid: string, reason: string) => `Nothing was imported: the event on line ${line} (UID ${uid}) was refused — ${reason}`,
  columns: { start: 'Start', end: 'End', timeZone: 'Time zone', minutes: 'Minutes', resources: 'With', status: 'Status', reason: 'Reason', visit: 'Visit', patient: 'Patient' },
};
