import type { Messages } from '../en';
import { count } from './count';

/** The day sheet (renderer/day-view) in Spanish. */
export const esDayView: Messages['dayView'] = {
  title: 'Agenda del día',
  gridLabel: 'Citas por hora',
  previousDay: 'Día anterior',
  nextDay: 'Día siguiente',
  previousWeek: 'Semana anterior',
  nextWeek: 'Semana siguiente',
  today: 'Hoy',
  date: 'Fecha',
  columns: 'Columnas',
  slotSize: 'Intervalo',
  slotMinutes: (minutes) => `${minutes} min`,
  dayStart: 'Desde',
  dayEnd: 'Hasta',
  showCancelled: 'Mostrar canceladas',
  newAppointment: 'Nueva cita',
  print: 'Imprimir',
  noResources: (kind) => `Todavía no hay ${kind.toLowerCase()}. Se añaden en la configuración (un administrador).`,
  closed: (reason) => `Cerrado: ${reason}`,
  nowLine: 'Ahora',
  emptySlot: (time, resource) => `Reservar con ${resource} a las ${time}`,
  appointmentLabel: (patient, time, minutes, status, reason) => `${patient}, ${time}, ${count(minutes, 'minuto', 'minutos')}, ${status}${reason ? `, ${reason}` : ''}`,
  unknownPatient: 'Paciente desconocido',
  otherColumn: 'Sin asignar',
  layout: 'Vista',
  grid: 'Cuadrícula',
  agenda: 'Lista',
  week: 'Semana',
  weekOf: 'De',
  weekTitle: (first, last) => `Semana del ${first} al ${last}`,
  agendaEmpty: 'No hay nada reservado este día.',
  checkIn: 'Registrar llegada',
  nextStep: 'Siguiente paso',
  moved: (patient, time, minutes) => `La cita de ${patient} pasó a las ${time} (${minutes} min).`,
  notMoved: (patient, reason) => `No se movió la cita de ${patient}: ${reason}.`,
  moveUndoFailed: 'No se pudo deshacer el cambio: la hora anterior ya no está libre.',
  resizeHandle: 'Arrastre para cambiar la duración',
  seriesMark: 'Se repite',
  statusIcons: { booked: '○', arrived: '◐', in_room: '●', completed: '✓', no_show: '✗', cancelled: '⊘' },
  loadFailed: 'No se pudo leer el día.',
  count: (value) => count(value, 'cita', 'citas'),
};

/** Status changes on a booking. */
export const esStatus: Messages['status'] = {
  actions: 'Estado',
  arrive: 'Llegó',
  inRoom: 'En consulta',
  complete: 'Atendida',
  noShow: 'No se presentó',
  cancel: 'Cancelar…',
  undo: 'Deshacer',
  changed: (patient, status) => `${patient}: ${status.toLowerCase()}.`,
  undone: (patient, status) => `${patient}: vuelve a “${status.toLowerCase()}”.`,
  notAllowed: (from, to) => `Una cita en estado “${from.toLowerCase()}” no se puede marcar como “${to.toLowerCase()}”.`,
  occurrenceNote: 'Forma parte de una serie que se repite. Cambiar su estado afecta solo a esta visita.',
  cancelTitle: 'Cancelar la cita',
  cancelIntro: (patient, time) => `¿Cancelar la cita de ${patient} de las ${time}?`,
  cancelReason: 'Motivo de la cancelación',
  cancelConfirm: 'Cancelar la cita',
  keepIt: 'Mantenerla',
};

export const esFinder: Messages['finder'] = {
  title: 'Buscar paciente',
  visits: 'Visitas',
  none: 'No hay visitas entre hace tres meses y dentro de un año.',
};

export const esShortcuts: Messages['shortcuts'] = {
  title: 'Atajos de teclado',
  newAppointment: 'Nueva cita',
  today: 'Ir a hoy',
  previousDay: 'Día anterior (semana anterior en la vista semanal)',
  nextDay: 'Día siguiente (semana siguiente en la vista semanal)',
  help: 'Mostrar esta lista',
  findPatient: 'Buscar un paciente y sus visitas',
  statusIntro: 'Sobre la cita seleccionada (haga clic en ella, llegue con Tab o use la que acaba de reservar):',
  status: {
    arrived: 'Marcar que llegó',
    in_room: 'Marcar en consulta',
    completed: 'Marcar como atendida',
    no_show: 'Marcar que no se presentó',
    cancelled: 'Cancelar (pide un motivo)',
  },
  edit: 'Editar (hora, duración, profesionales, motivo, notas)',
  undo: 'Deshacer su último cambio de estado',
  undoLast: 'Deshacer el cambio que ofrece el aviso',
  undoLastKeys: 'Ctrl+Z',
  closeDialog: 'Cerrar un cuadro de diálogo',
  escapeKey: 'Esc',
  selectFirst: 'Primero seleccione una cita: haga clic en ella o llegue con Tab.',
};

export const esPrint: Messages['print'] = {
  hours: (working, marks) => `Reservable ${working}${marks ? `; ${marks}` : ''}`,
  noHours: 'No hay horario de trabajo este día.',
  nothingBooked: 'No hay nada reservado.',
  time: 'Hora',
  length: 'Duración',
  status: 'Estado',
  printedBy: (date, time, name) =>
    `Impreso el ${date} a las ${time}${name ? ` por ${name}` : ''}. Contiene información de pacientes: manténgalo fuera de la vista y destrúyalo después de usarlo.`,
};
