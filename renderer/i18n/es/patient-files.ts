import type { Messages } from '../en';
import { count } from './count';

/** The words of the patients part of Administration → Calendar files (renderer/calendar-files) in Spanish. */
export const esPatientFiles: Messages['patientFiles'] = {
  exportTitle: 'Exportar pacientes',
  exportIntro:
    'Todos los pacientes del puesto en una hoja de cálculo (CSV): número de historia, nombre, apellidos, fecha de nacimiento, teléfono, correo y notas. El archivo contiene datos de pacientes: no lo saque de la clínica. Cada exportación queda anotada en el registro de auditoría.',
  exportButton: 'Exportar pacientes en CSV',
  exported: (value, fileName) => `${count(value, 'paciente guardado', 'pacientes guardados')} en ${fileName}.`,
  importTitle: 'Importar pacientes (CSV)',
  importIntro:
    'Elija un archivo CSV, indique qué columna es cada dato y vea la vista previa. Los pacientes que ya están en el puesto (mismo número de historia, o mismo nombre, apellidos y fecha de nacimiento) se omiten. No se registra nada hasta que pulse Importar, y entonces se registran todos los pacientes nuevos o ninguno.',
  file: 'Archivo CSV de pacientes',
  readProblems: {
    'csv-syntax': (row) => `No se puede leer el archivo: la fila ${row} no respeta el formato CSV (unas comillas o un salto de línea sueltos).`,
    'no-header': () => 'El archivo no tiene una fila de encabezado con los nombres de las columnas.',
    'too-many-rows': (max) => `Un archivo puede contener como máximo ${max} pacientes; divídalo e importe cada parte.`,
  },
  mappingTitle: 'Qué columna es cada dato',
  mappingHint: 'Se propone a partir de los títulos de las columnas; corrija lo que no esté bien. Se necesitan nombre, apellidos y fecha de nacimiento; las fechas, como 1980-03-25.',
  column: (position, title) => (title === '' ? `Columna ${position}` : title),
  leaveOut: 'No importar',
  fields: { mrn: 'Número de historia', givenName: 'Nombre', familyName: 'Apellidos', dateOfBirth: 'Fecha de nacimiento', phone: 'Teléfono', email: 'Correo electrónico', notes: 'Notas' },
  mappingProblems: {
    required: (field) => `Ninguna columna es «${field}».`,
    'duplicate-column': (field) => `Dos columnas son «${field}»: elija una.`,
  },
  previewButton: 'Vista previa',
  summary: (fresh, skipped, refused) =>
    `${count(fresh, 'para registrar', 'para registrar')}, ${count(skipped, 'omitido por estar ya', 'omitidos por estar ya')}, ${count(refused, 'fila con problemas', 'filas con problemas')}.`,
  duplicatesTitle: 'Omitidos: ya están en el puesto',
  duplicateOf: {
    'same-record-number': (row, name) => `Fila ${row}, ${name}: un paciente del puesto tiene el mismo número de historia.`,
    'same-name-and-birth': (row, name) => `Fila ${row}, ${name}: un paciente del puesto tiene el mismo nombre, apellidos y fecha de nacimiento.`,
  },
  sameAsRow: (row, name, other) => `Fila ${row}, ${name}: es el mismo paciente que la fila ${other}.`,
  problemsTitle: 'No se pueden registrar',
  problem: (row, column, sentence) => `Fila ${row}, columna «${column}»: ${sentence}`,
  noColumn: 'ninguna',
  tooLong: (label, limit) => `${label} tiene más de ${limit} caracteres.`,
  fixFirst: 'Corrija estas filas en el archivo y vuelva a ver la vista previa: un archivo se importa entero o no se importa.',
  importButton: 'Importar',
  imported: (value) => `${count(value, 'paciente registrado', 'pacientes registrados')}.`,
  importRefused: (row, reason) => `No se importó nada: se rechazó la fila ${row}: ${reason}`,
  registeredSince: (row) => `No se importó nada: el paciente de la fila ${row} ya está en el puesto (se registró después de la vista previa, aquí o en otro puesto). Vuelva a ver la vista previa.`,
  patientName: (given, family) => `${given} ${family}`,
};
