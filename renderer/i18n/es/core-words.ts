import type { Messages } from '../en';

/**
 * The Spanish words for the engine's codes: validation sentences, appointment
 * statuses, booking-check findings, kinds of resource and staff roles.
 * Validation sentences quote the field's label so they read right whatever
 * its grammatical gender.
 */

export const esValidation: Messages['validation'] = {
  required: (label) => `El campo “${label}” es obligatorio.`,
  'invalid-format': (label) => `“${label}” no tiene la forma esperada.`,
  'too-long': (label) => `El campo “${label}” es demasiado largo.`,
  'end-not-after-start': (label) => `“${label}” debe ser posterior al inicio.`,
  'unknown-zone': (label) => `“${label}” no es una zona horaria conocida (use un nombre como America/New_York).`,
  'invalid-date': (label) => `“${label}” no es una fecha del calendario.`,
  'invalid-time': (label) => `“${label}” no es una hora del día.`,
  'invalid-duration': () => 'La duración debe estar entre 5 minutos y 24 horas.',
  'invalid-interval': () => 'El intervalo de repetición debe ser un número entero igual o mayor que 1.',
  'invalid-count': () => 'El número de repeticiones debe ser un número entero igual o mayor que 1.',
  'until-before-start': () => 'La última fecha es anterior a la primera cita.',
  'too-many-occurrences': () => 'Esa repetición genera demasiadas citas; haga que termine antes.',
  'window-required': () => 'Una repetición sin fin necesita un rango de fechas para mostrarse.',
  'invalid-rrule': () => 'No se pudo leer la regla de repetición.',
  'weekday-required': () => 'Elija al menos un día de la semana.',
  'invalid-weekday': (label) => `“${label}” no es un día de la semana.`,
  'invalid-month-day': (label) => `“${label}” no es un día del mes.`,
  'invalid-month': (label) => `“${label}” no es un mes.`,
  'invalid-nth': (label) => `“${label}” debe ser primero, segundo, tercero, cuarto o último.`,
  'conflicting-end': () => 'Elija un número de repeticiones o una última fecha, no ambos.',
  'invalid-capacity': () => 'La capacidad debe ser un número entero de 1 a 1000.',
  'invalid-status-transition': () => 'La cita no puede pasar a ese estado desde el estado en que está.',
  'reason-required': () => 'Indique un motivo.',
  'nothing-to-undo': () => 'No hay ningún cambio de estado que deshacer.',
  'unknown-entity': (label) => `“${label}” ya no existe; puede que se haya eliminado en otro puesto.`,
  'duplicate-id': (label) => `“${label}” ya está en uso.`,
  'not-permitted': () => 'Su rol no permite hacer esto. Pídaselo a un gerente o a un administrador.',
  'too-short': (label) => `El campo “${label}” es demasiado corto.`,
  'nothing-to-cancel': () => 'Todas las visitas de esta serie ya han empezado o están canceladas; no queda nada por cancelar.',
  'date-in-future': (label) => `“${label}” es posterior a hoy.`,
  'unsupported-locale': (label) => `${label}: elija uno de los idiomas y regiones de la lista.`,
  'zero-length': (label) => `“${label}” coincide con el inicio: el bloque no tendría duración.`,
  'end-required': () => 'Una ausencia que se repite necesita un fin: un número de veces o una última fecha.',
  'inactive-resource': (label) => `${label}: está desactivado; vuelva a activarlo antes de cambiar su horario.`,
  'block-too-long': () => 'Un turno, una pausa o un cambio de horario dura como máximo 24 horas; un bloqueo, 31 días; una ausencia, 366 días.',
  'range-too-long': (label) => `${label}: busque como máximo un año cada vez.`,
  'changed-since': () => 'Esta visita se ha vuelto a cambiar desde entonces (aquí o en otro puesto), así que ese cambio ya no se puede deshacer.',
};

export const esStatuses: Messages['statuses'] = {
  booked: 'Reservada',
  arrived: 'En espera',
  in_room: 'En consulta',
  completed: 'Atendida',
  no_show: 'No se presentó',
  cancelled: 'Cancelada',
};

/**
 * Findings. The resource ones follow the resource's name directly
 * (`dialog.conflictWith` is "Dr. Ruiz ya tiene una cita a esa hora"), so each
 * carries its own verb.
 */
export const esConflictKinds: Messages['conflictKinds'] = {
  'resource-double-booked': 'ya tiene una cita a esa hora',
  'patient-double-booked': 'El paciente ya tiene una cita a esa hora',
  closed: 'La clínica está cerrada ese día',
  'outside-working-hours': 'está fuera de su horario de trabajo',
  'no-working-hours-defined': 'no tiene horario de trabajo definido para ese día',
  'schedule-blocked': 'no está disponible a esa hora (bloqueo o ausencia)',
  'soft-blockout': 'tiene un bloqueo a esa hora en el que solo un gerente puede reservar',
};

export const esResourceKinds: Messages['resourceKinds'] = {
  provider: { one: 'Profesional', many: 'Profesionales' },
  room: { one: 'Sala', many: 'Salas' },
  equipment: { one: 'Equipo', many: 'Equipos' },
};

export const esRoles: Messages['roles'] = {
  front_desk: 'Recepción',
  manager: 'Gerente',
  admin: 'Administrador',
};
