import type { Messages } from '../en';

/** The words of the month view (renderer/month) in Spanish. */
export const esMonth: Messages['month'] = {
  layout: 'Mes',
  of: 'Mes de',
  previousMonth: 'Mes anterior',
  nextMonth: 'Mes siguiente',
  gridLabel: (resource, month) => `${resource}, ${month}`,
  booked: { one: '# cita', other: '# citas' },
  free: (duration) => `${duration} sin reservar`,
  noHours: 'Sin horario',
  closed: (reason) => `Cerrado: ${reason}`,
  onLeave: (reasons) => (reasons === '' ? 'Ausente' : `Ausente: ${reasons}`),
  today: 'Hoy',
  dayLabel: (date, parts) => `${date}: ${parts}`,
  keys: 'Flechas: un día o una semana · Page Up / Page Down: un mes · Enter: abrir el día en la agenda del día',
  shortcut: {
    intro: 'En la vista mensual (← / → también mueven un día):',
    previousWeek: 'Una semana antes',
    nextWeek: 'Una semana después',
    previousMonth: 'El mismo día un mes antes',
    nextMonth: 'El mismo día un mes después',
    openDay: 'Abrir el día elegido en la agenda del día',
  },
  keyNames: { PageUp: 'Page Up', PageDown: 'Page Down', Enter: 'Enter' },
  loading: 'Contando el mes…',
  failed: 'No se pudo leer el mes en los registros de este puesto.',
  noResource: 'Elija un profesional o una sala para ver su mes.',
};
