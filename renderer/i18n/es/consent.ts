import type { Messages } from '../en';

/** The words of contact consent (renderer/consent) in Spanish. */
export const esConsent: Messages['consent'] = {
  heading: 'Consentimiento de contacto',
  notAsked: 'Aún no se ha preguntado el consentimiento de contacto',
  optedOutLine: 'Ha pedido no recibir recordatorios: no se le enviará ningún mensaje',
  optedOutMark: 'No desea mensajes',
  optedOutWhy: (reason) => `No desea recibir ningún mensaje: ${reason}`,
  allowed: (list) => `Mensajes permitidos por ${list}`,
  nothingAllowed: 'Ningún medio permitido: no se enviará ningún mensaje',
  prefers: (channel) => `Prefiere: ${channel}`,
  recorded: (who, when) => `Registrado por ${who} el ${when}`,
  channels: { email: 'Correo electrónico', sms: 'Mensaje de texto (SMS)', none: 'Sin preferencia' },
  emailAllowed: 'Permite correo electrónico',
  smsAllowed: 'Permite mensajes de texto (SMS)',
  preferredChannel: 'Medio preferido',
  optedOut: 'No desea recibir ningún mensaje',
  optOutReason: 'Por qué no desea mensajes',
  optOutHint: 'No se envía nada a un paciente que no desea mensajes, aunque arriba haya algo permitido.',
  preferredNotAllowed: 'Elija un medio preferido que el paciente haya permitido.',
  save: 'Guardar el consentimiento de contacto',
  saved: (name) => `Consentimiento de contacto guardado para ${name}.`,
  editTitle: (patient) => `${patient}: dos consentimientos de contacto registrados`,
  editSentence: (otherDesk, otherAnswer, keptDesk, keptAnswer) =>
    `${otherDesk} registró “${otherAnswer}” mientras ${keptDesk} registró “${keptAnswer}”. La ficha del paciente muestra “${keptAnswer}” hasta que alguien decida.`,
};
