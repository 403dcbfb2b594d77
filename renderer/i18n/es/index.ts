import type { Messages } from '../en';
import { esAdmin, esAuditActions, esAuditViewer } from './admin';
import { esApp, esChainBanner, esFields, esFirstRun, esForms, esSignIn, esStatusBar, esZonePicker } from './app';
import { esBackup } from './backup';
import { esCalendarFiles } from './calendar-files';
import { esPatientFiles } from './patient-files';
import { esConfirmation } from './confirmation';
import { esConsent } from './consent';
import { esConflictKinds, esResourceKinds, esRoles, esStatuses, esValidation } from './core-words';
import { esDayView, esFinder, esPrint, esShortcuts, esStatus } from './day';
import { esDialog, esEdit, esEditScope, esPreview, esRepeat } from './dialog';
import { esMonth } from './month';
import { esOpenings } from './openings';
import { spanishRecurrenceLabels } from './recurrence';
import { esReports } from './reports';
import { esSchedule } from './schedule';
import { esLanguage, esNav, esNeedsAttention, esSync } from './sync';
import { esWaitlist } from './waitlist';

/**
 * The Spanish text of the desk: every key of {@link Messages}, in neutral
 * clinic Spanish addressed as "usted". Dates and times arrive already
 * written by Intl in the clinic's locale; counts go through `plural('es', …)`.
 *
 * @example es.dayView.count(1) // '1 cita'
 */
export const es: Messages = {
  appName: 'Timedesk',
  patientName: (patient) => `${patient.givenName} ${patient.familyName}`,
  validation: esValidation,
  statuses: esStatuses,
  conflictKinds: esConflictKinds,
  resourceKinds: esResourceKinds,
  roles: esRoles,
  forms: esForms,
  app: esApp,
  chainBanner: esChainBanner,
  fields: esFields,
  firstRun: esFirstRun,
  zonePicker: esZonePicker,
  signIn: esSignIn,
  statusBar: esStatusBar,
  dayView: esDayView,
  status: esStatus,
  dialog: esDialog,
  finder: esFinder,
  repeat: esRepeat,
  preview: esPreview,
  edit: esEdit,
  editScope: esEditScope,
  shortcuts: esShortcuts,
  admin: esAdmin,
  auditViewer: esAuditViewer,
  auditActions: esAuditActions,
  print: esPrint,
  sync: esSync,
  needsAttention: esNeedsAttention,
  schedule: esSchedule,
  nav: esNav,
  backup: esBackup,
  reports: esReports,
  calendarFiles: esCalendarFiles,
  patientFiles: esPatientFiles,
  confirmation: esConfirmation,
  consent: esConsent,
  month: esMonth,
  openings: esOpenings,
  waitlist: esWaitlist,
  recurrence: spanishRecurrenceLabels,
  language: esLanguage,
};
