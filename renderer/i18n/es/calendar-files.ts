import type { Messages } from '../en';
import { count } from './count';

/** The words of Administration → Calendar files (renderer/calendar-files) in Spanish. */
export const esCalendarFiles: Messages['calendarFiles'] = {
  exportTitle: 'Exportar visitas',
  exportIntro:
    'Un archivo de calendario (ICS) se abre en Google Calendar, Outlook o Apple Calendar con las horas correctas; un CSV se abre en una hoja de cálculo. Cada exportación queda anotada en el registro de auditoría.',
  what: 'Visitas de',
  wholeClinic: 'Toda la clínica',
  from: 'Desde',
  to: 'Hasta',
  format: 'Archivo',
  formats: { ics: 'Calendario (ICS)', csv: 'Hoja de cálculo (CSV)' },
  includeNames: 'Incluir los nombres de los pacientes',
  includeNamesHint: 'Déjelo sin marcar salvo que el archivo no salga de la clínica: sin esta opción el archivo contiene solo horas y motivos.',
  exportButton: 'Exportar',
  exported: (value, fileName) => `${count(value, 'visita guardada', 'visitas guardadas')} en ${fileName}.`,
  importTitle: 'Importar un archivo de calendario (ICS)',
  importIntro:
    'Los eventos de otro calendario se reservan para el profesional o la sala y el paciente que elija; un archivo exportado por Timedesk reserva los suyos. No se reserva nada hasta que pulse Importar, y entonces se importa todo el archivo o nada.',
  file: 'Archivo ICS',
  bookFor: 'Reservar para',
  patientSearch: 'Paciente (escriba para buscar)',
  patient: 'Paciente',
  noPatient: 'Elija un paciente',
  noResource: 'Elija un profesional o una sala',
  patientName: (given, family) => `${given} ${family}`,
  previewButton: 'Vista previa',
  summary: (fresh, here, refused) => `${count(fresh, 'nueva', 'nuevas')}, ${count(here, 'ya existente', 'ya existentes')}, ${count(refused, 'rechazada', 'rechazadas')}.`,
  refusedTitle: 'No se pueden importar',
  problem: (line, uid, field, message) => `Línea ${line}${uid === null ? '' : ` (UID ${uid})`}, ${field}: ${message}`,
  fixFirst: 'Corrija o quite los eventos rechazados y vuelva a ver la vista previa: un archivo se importa entero o no se importa.',
  importButton: 'Importar',
  conflict: 'Coincide con otra reserva.',
  imported: (appointments, series) => `Se importaron ${count(appointments, 'visita', 'visitas')} y ${count(series, 'serie que se repite', 'series que se repiten')}.`,
  importRefused: (line, uid, reason) => `No se importó nada: se rechazó el evento de la línea ${line} (UID ${uid}): ${reason}`,
  columns: { start: 'Inicio', end: 'Fin', timeZone: 'Zona horaria', minutes: 'Minutos', resources: 'Con', status: 'Estado', reason: 'Motivo', visit: 'Visita', patient: 'Paciente' },
};
