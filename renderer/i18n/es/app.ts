import type { Messages } from '../en';
import { count, number } from './count';

/** Shared by every form (renderer/forms), in Spanish. */
export const esForms: Messages['forms'] = {
  characters: (used, limit) =>
    used > limit
      ? `${number(used)} de ${count(limit, 'carácter', 'caracteres')}: ${count(used - limit, 'carácter', 'caracteres')} de más. Acórtelo para poder guardar.`
      : `${number(used)} de ${count(limit, 'carácter', 'caracteres')}`,
  oldDateOfBirth: (age) => `Con esa fecha el paciente tendría ${count(age, 'año', 'años')}. Revise el año antes de guardar.`,
};

export const esApp: Messages['app'] = {
  opening: 'Abriendo los datos de la clínica…',
  openFailedTitle: 'No se pudieron abrir los datos de la clínica',
  openFailed: 'Este navegador o equipo rechazó el almacenamiento local. Compruebe que el almacenamiento está permitido para esta aplicación y que el disco no está lleno, y vuelva a cargar.',
  loading: 'Cargando…',
  unexpectedError: 'Algo salió mal y no se guardó nada. Inténtelo de nuevo.',
  close: 'Cerrar',
  cancel: 'Cancelar',
  save: 'Guardar',
  saving: 'Guardando…',
};

/** The start-up audit check's banner (renderer/app/AuditChainBanner.tsx). */
export const esChainBanner: Messages['chainBanner'] = {
  label: 'Integridad del registro de auditoría',
  message: (seq) => `El registro de auditoría de este puesto no superó la comprobación de integridad en la entrada ${seq}: avise al gerente de la clínica.`,
  acknowledge: 'Entendido',
  acknowledgeHint: 'Oculta este aviso durante esta sesión. La rotura sigue anotada en el registro de auditoría.',
  checkFailed: 'No se pudo comprobar el registro de auditoría de este puesto: avise al gerente de la clínica.',
};

export const esFields: Messages['fields'] = {
  clinicName: 'Nombre de la clínica',
  timeZone: 'Zona horaria',
  locale: 'Idioma y región',
  adminDisplayName: 'Su nombre',
  adminUsername: 'Nombre de usuario',
  username: 'Nombre de usuario',
  passphrase: 'Frase de acceso',
  passphraseAgain: 'Repita la frase de acceso',
  providerNames: 'Profesionales',
  roomNames: 'Salas',
  patient: 'Paciente',
  patientId: 'Paciente',
  resourceIds: 'Profesionales y salas',
  date: 'Fecha',
  time: 'Hora de inicio',
  wallStart: 'Hora de inicio',
  durationMinutes: 'Duración',
  visitReason: 'Motivo de la visita',
  notes: 'Notas',
  givenName: 'Nombre',
  familyName: 'Apellidos',
  dateOfBirth: 'Fecha de nacimiento',
  phone: 'Teléfono',
  email: 'Correo electrónico',
  mrn: 'Número de historia clínica',
  reason: 'Motivo',
  optOutReason: 'Por qué no desea mensajes',
  preferredChannel: 'Medio preferido',
  displayName: 'Nombre',
  name: 'Nombre',
  capacity: 'Capacidad',
  color: 'Color',
  startDate: 'Primer día',
  endDate: 'Último día',
  resourceId: 'Profesional, sala o equipo',
  start: 'Inicio',
  end: 'Fin',
  fromDate: 'Desde',
  toDate: 'Hasta',
};

export const esFirstRun: Messages['firstRun'] = {
  title: 'Configure su clínica',
  intro: 'Este equipo todavía no tiene ninguna clínica. Introduzca los datos de la clínica y cree la primera cuenta de administrador. Todo se guarda en este equipo y funciona sin internet.',
  clinicSection: 'Clínica',
  adminSection: 'Primer administrador',
  resourcesSection: 'Profesionales y salas',
  resourcesHint: 'Un nombre por línea. Cada uno empieza con un horario de trabajo de lunes a viernes, de 9:00 a 17:00; un administrador puede cambiarlo después.',
  timeZoneHint: 'Las citas se muestran en el reloj de esta zona. Escriba una ciudad, una región o un desfase para buscar.',
  localeHint: 'Cómo se escriben las fechas y las horas.',
  passphraseHint: 'Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
  submit: 'Crear la clínica',
  submitting: 'Creando la clínica…',
  mismatch: 'Las dos frases de acceso no coinciden.',
  tooShort: 'La frase de acceso debe tener al menos 10 caracteres.',
  sample: 'Cargar la clínica de ejemplo (para probar Timedesk)',
  sampleHint: 'Seis profesionales, tres salas, 300 pacientes y cuatro semanas de citas, incluidas visitas semanales que atraviesan un cambio de horario de verano. Todo se guarda como citas reales y se puede cambiar.',
  loadingSample: 'Cargando la clínica de ejemplo…',
  progress: (done, total) => `${Math.floor((done * 100) / total)} %`,
  problems: (value) => (value === 0 ? '' : value === 1 ? 'Un campo necesita atención.' : `${number(value)} campos necesitan atención.`),
  joinInstead: 'Unirse a su clínica',
  joinInsteadHint: '¿La clínica ya está configurada en otro puesto? Únase a ella en lugar de crear una nueva.',
  joinTitle: 'Unirse a su clínica',
  joinIntro: 'Conecte este equipo al servidor de sincronización de su clínica. Se copian aquí los profesionales, los horarios, el personal, los pacientes y las citas de la clínica; después inicie sesión con su nombre de usuario y su frase de acceso de siempre.',
  joinServerUrl: 'Dirección del servidor de sincronización',
  joinServerUrlHint: 'Se la da su administrador, p. ej. https://sync.example-clinic.org',
  joinCode: 'Código de vinculación',
  joinCodeHint: 'Un código de un solo uso que le da su administrador (válido durante una hora; funciona una vez).',
  joinDeskName: 'Nombre de este puesto',
  joinDeskNameHint: 'Cómo ven este equipo los demás puestos, p. ej. en “reservada en Recepción 2”.',
  joinDefaultDeskName: 'Recepción 2',
  joinSubmit: 'Unirse a la clínica',
  joinRetry: 'Intentar de nuevo',
  joinSubmitting: 'Uniéndose…',
  joinCopying: 'Copiando la clínica a este puesto…',
  joinProgress: (done, total) => (total === null ? `${count(done, 'registro copiado', 'registros copiados')}` : `${number(done)} de ${count(total, 'registro copiado', 'registros copiados')}`),
  joinBack: 'Configurar una clínica nueva',
  joinReloading: 'Permitido: recargando para conectar…',
  joinErrors: {
    'desk-name-required': 'Dé un nombre a este puesto, p. ej. Recepción 2.',
    'network-unreachable': 'No hay respuesta de esa dirección. Revísela y compruebe que este equipo tiene conexión.',
    'unexpected-response': 'Esa dirección respondió, pero no es un servidor de sincronización de Timedesk. Revise la dirección.',
    'invalid-enrollment-code': 'Ese código no existe, ya se usó o ha caducado: pida uno nuevo a su administrador.',
    'join-interrupted': 'La conexión se cortó mientras se copiaba la clínica. No se guardó nada en este puesto; pulse Intentar de nuevo.',
    'clinic-not-set-up': 'La clínica de este servidor todavía no tiene personal. Configúrela en su primer puesto, deje que ese puesto se sincronice y únase después.',
    'desk-already-set-up': 'Este puesto ya tiene una clínica propia, así que no puede unirse a otra.',
    'device-id-taken': 'Otra clínica ya usa el identificador de este puesto.',
    'device-revoked': 'El administrador desconectó este puesto y no puede volver a unirse.',
    'rate-limited': 'Demasiados intentos seguidos. Espere un minuto e inténtelo de nuevo.',
  },
};

/** The zone and locale pickers (renderer/zone-locale) and the note when the clinic keeps another clock. */
export const esZonePicker: Messages['zonePicker'] = {
  languageTag: 'es',
  listLabel: 'Zonas horarias',
  thisComputer: 'este equipo',
  noMatch: (query) => `Ninguna zona horaria coincide con “${query}”.`,
  localeOption: (name, example, thisComputer) => `${name} — ${example}${thisComputer ? ' (este equipo)' : ''}`,
  clinicClock: (clinicZone, clinicOffset, deskZone, deskOffset) =>
    `Las horas son las del reloj de la clínica: ${clinicZone} (${clinicOffset}). Este equipo está configurado en ${deskZone} (${deskOffset}).`,
};

export const esSignIn: Messages['signIn'] = {
  title: 'Iniciar sesión',
  lockedTitle: 'Pantalla bloqueada',
  lockedIntro: (name) => `Bloqueada por ${name}. Inicie sesión para continuar.`,
  submit: 'Iniciar sesión',
  submitting: 'Comprobando…',
  wrong: 'El nombre de usuario o la frase de acceso no son correctos.',
  inactive: 'Esta cuenta está desactivada. Pregunte a un administrador.',
  throttled: (time) => `Demasiados intentos. Inténtelo de nuevo después de las ${time}.`,
  switchUser: 'Iniciar sesión con otra cuenta',
};

export const esStatusBar: Messages['statusBar'] = {
  label: 'Estado',
  signedInAs: (name, role) => `${name} (${role})`,
  online: 'En línea',
  offline: 'Sin conexión: todo sigue funcionando y se guarda en este equipo',
  lock: 'Bloquear',
  lockHint: 'Bloquear la pantalla para que nadie pueda usarla hasta que vuelva a iniciar sesión',
  shortcuts: 'Atajos',
};
