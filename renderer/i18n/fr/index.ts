import type { Messages } from '../en';
import { plural } from '../plural';
import { frAdmin, frAuditActions, frAuditViewer } from './admin';
import { frBackup } from './backup';
import { frCalendarFiles } from './calendar-files';
import { frPatientFiles } from './patient-files';
import { frConfirmation } from './confirmation';
import { frConsent } from './consent';
import { frConflictKinds, frResourceKinds, frRoles, frStatuses } from './core-words';
import { frDayView, frPrint, frShortcuts, frStatus } from './day-view';
import { frDialog, frEdit, frEditScope, frFinder, frPreview, frRepeat } from './dialog';
import { frMonth } from './month';
import { frenchNumber } from './number';
import { frOpenings } from './openings';
import { frenchRecurrenceLabels } from './recurrence';
import { frReports } from './reports';
import { frSchedule } from './schedule';
import { frFields, frFirstRun, frSignIn, frZonePicker } from './setup';
import { frNeedsAttention, frSync } from './sync';
import { frValidation } from './validation';
import { frWaitlist } from './waitlist';

/**
 * The desk in French: every word of {@link Messages}, so the compiler lists
 * anything a new English key leaves untranslated. Vous form; a no-break space
 * before « : ; ? ! % » and inside guillemets, as French typography has it.
 */
export const fr: Messages = {
  appName: 'Timedesk',
  patientName: (patient) => `${patient.givenName} ${patient.familyName}`,
  validation: frValidation,
  statuses: frStatuses,
  conflictKinds: frConflictKinds,
  resourceKinds: frResourceKinds,
  roles: frRoles,
  forms: {
    characters: (count, limit) =>
      count > limit
        ? `${plural('fr', count, { one: '# caractère', other: '# caractères' })} sur ${frenchNumber(limit)}\u00a0: ${frenchNumber(count - limit)} de trop. Raccourcissez le texte pour enregistrer.`
        : `${plural('fr', count, { one: '# caractère', other: '# caractères' })} sur ${frenchNumber(limit)}`,
    oldDateOfBirth: (age) => `Le patient aurait donc ${age} ans. Vérifiez l’année avant d’enregistrer.`,
  },
  app: {
    opening: 'Ouverture des données de la clinique…',
    openFailedTitle: 'Les données de la clinique n’ont pas pu être ouvertes',
    openFailed: 'Ce navigateur ou cet ordinateur a refusé le stockage local. Vérifiez que le stockage est autorisé pour cette application et que le disque n’est pas plein, puis rechargez.',
    loading: 'Chargement…',
    unexpectedError: 'Un problème est survenu et rien n’a été enregistré. Veuillez réessayer.',
    close: 'Fermer',
    cancel: 'Annuler',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
  },
  chainBanner: {
    label: 'Intégrité du journal d’audit',
    message: (seq) => `Le journal d’audit de ce poste a échoué à la vérification d’intégrité à l’entrée ${seq} — prévenez le responsable de la clinique.`,
    acknowledge: 'J’ai compris',
    acknowledgeHint: 'Masque cet avertissement pour cette session. La rupture reste consignée dans le journal d’audit.',
    checkFailed: 'Le journal d’audit de ce poste n’a pas pu être vérifié — prévenez le responsable de la clinique.',
  },
  fields: frFields,
  firstRun: frFirstRun,
  zonePicker: frZonePicker,
  signIn: frSignIn,
  statusBar: {
    label: 'État',
    signedInAs: (name, role) => `${name} (${role})`,
    online: 'En ligne',
    offline: 'Hors ligne — tout fonctionne encore et est enregistré sur cet ordinateur',
    lock: 'Verrouiller',
    lockHint: 'Verrouiller l’écran pour que personne ne puisse l’utiliser avant que vous vous reconnectiez',
    shortcuts: 'Raccourcis',
  },
  dayView: frDayView,
  status: frStatus,
  dialog: frDialog,
  finder: frFinder,
  repeat: frRepeat,
  preview: frPreview,
  edit: frEdit,
  editScope: frEditScope,
  shortcuts: frShortcuts,
  admin: frAdmin,
  auditViewer: frAuditViewer,
  auditActions: frAuditActions,
  print: frPrint,
  sync: frSync,
  needsAttention: frNeedsAttention,
  schedule: frSchedule,
  nav: {
    label: 'Écrans',
    daySheet: 'Feuille du jour',
    admin: 'Administration',
    audit: 'Journal d’audit',
    sync: 'Synchronisation',
    needsAttention: 'À traiter',
    backups: 'Sauvegardes',
    reports: 'Rapports',
  },
  backup: frBackup,
  reports: frReports,
  calendarFiles: frCalendarFiles,
  patientFiles: frPatientFiles,
  confirmation: frConfirmation,
  consent: frConsent,
  month: frMonth,
  openings: frOpenings,
  waitlist: frWaitlist,
  recurrence: frenchRecurrenceLabels,
  language: {
    label: 'Langue',
    hint: 'Les mots que le poste vous affiche. Les dates et les heures s’écrivent comme dans la région de la clinique.',
    clinicDefault: (name) => `La langue de la clinique (${name})`,
    noTranslation: (region) => `Le poste n’a pas encore de traduction pour ${region}\u202f; il utilise l’anglais.`,
    save: 'Utiliser cette langue',
    saved: (name) => `Le poste affiche désormais la langue\u00a0: ${name}.`,
    column: 'Langue',
  },
};
