import type { Messages } from '../en';
import { plural } from '../plural';

/** The words of the patients part of Administration → Calendar files, `Messages['patientFiles']` in French. */
export const frPatientFiles: Messages['patientFiles'] = {
  exportTitle: 'Exporter les patients',
  exportIntro:
    'Tous les patients du poste dans un tableur (CSV)\u00a0: numéro de dossier, prénom, nom, date de naissance, téléphone, e-mail et notes. Le fichier contient des données de patients\u00a0: gardez-le dans la clinique. Chaque export est consigné dans le journal d’audit.',
  exportButton: 'Exporter les patients en CSV',
  exported: (count, fileName) => `${plural('fr', count, { one: '# patient écrit', other: '# patients écrits' })} dans ${fileName}.`,
  importTitle: 'Importer des patients (CSV)',
  importIntro:
    'Choisissez un fichier CSV, indiquez quelle colonne est quoi et lancez l’aperçu. Les patients déjà présents sur le poste (même numéro de dossier, ou mêmes prénom, nom et date de naissance) sont ignorés. Rien n’est enregistré avant que vous appuyiez sur Importer, et alors tous les nouveaux patients ou aucun.',
  file: 'Fichier CSV des patients',
  readProblems: {
    'csv-syntax': (row) => `Le fichier est illisible\u00a0: la ligne ${row} ne respecte pas le format CSV (un guillemet ou un saut de ligne isolé).`,
    'no-header': () => 'Le fichier n’a pas de ligne d’en-tête nommant ses colonnes.',
    'too-many-rows': (max) => `Un fichier peut contenir au plus ${max} patients\u202f; découpez-le et importez chaque partie.`,
  },
  mappingTitle: 'Quelle colonne est quoi',
  mappingHint: 'Proposé d’après les titres des colonnes\u202f; corrigez ce qui ne va pas. Prénom, nom et date de naissance sont nécessaires\u202f; les dates au format 1980-03-25.',
  column: (position, title) => (title === '' ? `Colonne ${position}` : title),
  leaveOut: 'Ne pas importer',
  fields: { mrn: 'Numéro de dossier', givenName: 'Prénom', familyName: 'Nom', dateOfBirth: 'Date de naissance', phone: 'Téléphone', email: 'E-mail', notes: 'Notes' },
  mappingProblems: {
    required: (field) => `Aucune colonne n’est «\u00a0${field}\u00a0».`,
    'duplicate-column': (field) => `Deux colonnes sont «\u00a0${field}\u00a0»\u00a0: choisissez-en une.`,
  },
  previewButton: 'Aperçu',
  summary: (fresh, skipped, refused) =>
    `${plural('fr', fresh, { one: '# à enregistrer', other: '# à enregistrer' })}, ${plural('fr', skipped, { one: '# ignoré car déjà présent', other: '# ignorés car déjà présents' })}, ${plural('fr', refused, { one: '# ligne à problème', other: '# lignes à problème' })}.`,
  duplicatesTitle: 'Ignorés\u00a0: déjà sur le poste',
  duplicateOf: {
    'same-record-number': (row, name) => `Ligne ${row}, ${name}\u00a0: un patient du poste a le même numéro de dossier.`,
    'same-name-and-birth': (row, name) => `Ligne ${row}, ${name}\u00a0: un patient du poste a les mêmes prénom, nom et date de naissance.`,
  },
  sameAsRow: (row, name, other) => `Ligne ${row}, ${name}\u00a0: le même patient que la ligne ${other}.`,
  problemsTitle: 'Enregistrement impossible',
  problem: (row, column, sentence) => `Ligne ${row}, colonne «\u00a0${column}\u00a0»\u00a0: ${sentence}`,
  noColumn: 'aucune',
  tooLong: (label, limit) => `${label} dépasse ${limit} caractères.`,
  fixFirst: 'Corrigez ces lignes dans le fichier, puis relancez l’aperçu\u00a0: un fichier est importé en entier ou pas du tout.',
  importButton: 'Importer',
  imported: (count) => `${plural('fr', count, { one: '# patient enregistré', other: '# patients enregistrés' })}.`,
  importRefused: (row, reason) => `Rien n’a été importé\u00a0: la ligne ${row} a été refusée — ${reason}`,
  registeredSince: (row) => `Rien n’a été importé\u00a0: le patient de la ligne ${row} est maintenant sur le poste (enregistré depuis l’aperçu, ici ou sur un autre poste). Relancez l’aperçu.`,
  patientName: (given, family) => `${given} ${family}`,
};
