import type { Messages } from '../en';
import { number } from './count';

/** The words of confirmations (renderer/confirmations) in Spanish. */
export const esConfirmation: Messages['confirmation'] = {
  statuses: {
    unconfirmed: 'Sin confirmar',
    reminded: 'Recordada',
    confirmed: 'Confirmada',
    declined: 'Rechazada',
    no_answer: 'Sin respuesta',
  },
  icons: { unconfirmed: '', reminded: '✉', confirmed: '☑', declined: '☒', no_answer: '☏' },
  heading: 'Confirmación',
  actions: { confirmed: 'Confirmada por teléfono', declined: 'Rechazada', no_answer: 'Sin respuesta' },
  undo: 'Deshacer la confirmación',
  movedSince: 'Se movió después de la última respuesta: vuelva a preguntar.',
  set: (name, status) => `${name}: ${status.toLowerCase()}.`,
  undone: (name, status) => `${name}: vuelve a “${status.toLowerCase()}”.`,
  shortcut: { confirmed: 'El paciente confirmó (por teléfono)', declined: 'El paciente rechazó la cita', no_answer: 'Se llamó, sin respuesta' },
  listShortcut: 'Mostrar u ocultar la lista Por confirmar',
  listTitle: 'Por confirmar',
  listButton: 'Por confirmar',
  listIntro: 'Las visitas de mañana y pasado mañana que aún esperan respuesta, en orden de llamada: primero las que aún no se han llamado y después las que no contestaron.',
  listEmpty: 'Todos los citados para los próximos dos días ya han respondido.',
  listLoading: 'Leyendo los próximos dos días…',
  listFailed: 'No se pudieron leer los próximos dos días.',
  dayHeading: (day, value) => `${day} — ${value === 1 ? '1 por llamar' : `${number(value)} por llamar`}`,
  noPhone: 'Sin número de teléfono',
  tries: (value) => (value === 0 ? '' : value === 1 ? '1 llamada sin respuesta' : `${number(value)} llamadas sin respuesta`),
  columns: { time: 'Hora', patient: 'Paciente', phone: 'Teléfono', with: 'Con', answer: 'Respuesta' },
  close: 'Cerrar la lista',
  editTitle: (patient) => `${patient}: dos respuestas registradas`,
  editSentence: (otherDesk, otherAnswer, keptDesk, keptAnswer) =>
    `${otherDesk} registró “${otherAnswer}” mientras que ${keptDesk} registró “${keptAnswer}”. La visita muestra “${keptAnswer}” hasta que alguien decida.`,
};
