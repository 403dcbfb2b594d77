import type { Messages } from '../en';
import { plural } from '../plural';
import { frenchNumber } from './number';

/** Form field labels (validation sentences and forms name fields with them), in French. */
export const frFields: Messages['fields'] = {
  clinicName: 'Nom de la clinique',
  timeZone: 'Fuseau horaire',
  locale: 'Langue et région',
  adminDisplayName: 'Votre nom',
  adminUsername: 'Nom d’utilisateur',
  username: 'Nom d’utilisateur',
  passphrase: 'Phrase secrète',
  passphraseAgain: 'Phrase secrète, à nouveau',
  providerNames: 'Praticiens',
  roomNames: 'Salles',
  patient: 'Patient',
  patientId: 'Patient',
  resourceIds: 'Praticiens et salles',
  date: 'Date',
  time: 'Heure de début',
  wallStart: 'Heure de début',
  durationMinutes: 'Durée',
  visitReason: 'Motif de la visite',
  notes: 'Notes',
  givenName: 'Prénom',
  familyName: 'Nom de famille',
  dateOfBirth: 'Date de naissance',
  phone: 'Téléphone',
  email: 'E-mail',
  mrn: 'Numéro de dossier médical',
  reason: 'Motif',
  optOutReason: 'Pourquoi le patient refuse les messages',
  preferredChannel: 'Moyen préféré',
  displayName: 'Nom',
  // Administration forms (renderer/admin).
  name: 'Nom',
  capacity: 'Capacité',
  color: 'Couleur',
  startDate: 'Premier jour',
  endDate: 'Dernier jour',
  resourceId: 'Praticien, salle ou équipement',
  start: 'Début',
  end: 'Fin',
  fromDate: 'Du',
  toDate: 'Au',
};

/** First run and Join your clinic (renderer/first-run) in French. */
export const frFirstRun: Messages['firstRun'] = {
  title: 'Configurer votre clinique',
  intro: 'Cet ordinateur n’a pas encore de clinique. Saisissez les informations de la clinique et créez le premier compte administrateur. Tout est enregistré sur cet ordinateur et fonctionne sans internet.',
  clinicSection: 'Clinique',
  adminSection: 'Premier administrateur',
  resourcesSection: 'Praticiens et salles',
  resourcesHint: 'Un nom par ligne. Chacun commence avec des horaires du lundi au vendredi, de 9:00 à 17:00\u202f; un administrateur peut les modifier ensuite.',
  timeZoneHint: 'Les rendez-vous sont affichés à l’heure de ce fuseau. Tapez une ville, une région ou un décalage pour chercher.',
  localeHint: 'La façon d’écrire les dates et les heures.',
  passphraseHint: 'Au moins 10 caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.',
  submit: 'Créer la clinique',
  submitting: 'Création de la clinique…',
  mismatch: 'Les deux phrases secrètes sont différentes.',
  tooShort: 'La phrase secrète doit compter au moins 10 caractères.',
  sample: 'Charger plutôt la clinique d’exemple (pour essayer Timedesk)',
  sampleHint:
    'Six praticiens, trois salles, 300 patients et quatre semaines de rendez-vous, dont des visites hebdomadaires de part et d’autre d’un changement d’heure. Tout est enregistré comme de vrais rendez-vous et peut être modifié.',
  loadingSample: 'Chargement de la clinique d’exemple…',
  progress: (done, total) => `${Math.floor((done * 100) / total)}\u202f%`,
  problems: (count) => (count === 0 ? '' : count === 1 ? 'Un champ demande votre attention.' : plural('fr', count, { one: '# champ demande votre attention.', other: '# champs demandent votre attention.' })),
  // "Join your clinic": a second desk of a clinic already set up elsewhere (renderer/first-run/JoinClinic.tsx).
  joinInstead: 'Rejoindre votre clinique',
  joinInsteadHint: 'La clinique est déjà configurée sur un autre poste\u202f? Rejoignez-la au lieu d’en créer une nouvelle.',
  joinTitle: 'Rejoindre votre clinique',
  joinIntro:
    'Reliez cet ordinateur au serveur de synchronisation de votre clinique. Les praticiens, horaires, membres du personnel, patients et rendez-vous de la clinique sont copiés ici\u202f; connectez-vous ensuite avec votre nom d’utilisateur et votre phrase secrète habituels.',
  joinServerUrl: 'Adresse du serveur de synchronisation',
  joinServerUrlHint: 'Fournie par votre administrateur, par ex. https://sync.example-clinic.org',
  joinCode: 'Code d’association',
  joinCodeHint: 'Un code à usage unique fourni par votre administrateur (valable une heure\u202f; il ne sert qu’une fois).',
  joinDeskName: 'Nom de ce poste',
  joinDeskNameHint: 'Le nom sous lequel les autres postes voient cet ordinateur, par ex. dans «\u00a0réservé sur Accueil 2\u00a0».',
  joinDefaultDeskName: 'Accueil 2',
  joinSubmit: 'Rejoindre la clinique',
  joinRetry: 'Réessayer',
  joinSubmitting: 'Connexion…',
  joinCopying: 'Copie de la clinique sur ce poste…',
  joinProgress: (done, total) =>
    total === null
      ? plural('fr', done, { one: '# élément copié', other: '# éléments copiés' })
      : `${frenchNumber(done)} sur ${plural('fr', total, { one: '# élément copié', other: '# éléments copiés' })}`,
  joinBack: 'Configurer plutôt une nouvelle clinique',
  joinReloading: 'Autorisé — rechargement pour se connecter…',
  joinErrors: {
    'desk-name-required': 'Nommez ce poste, par ex. Accueil 2.',
    'network-unreachable': 'Aucune réponse à cette adresse. Vérifiez-la, et vérifiez que cet ordinateur est connecté à internet.',
    'unexpected-response': 'Cette adresse a répondu, mais ce n’est pas un serveur de synchronisation Timedesk. Vérifiez l’adresse.',
    'invalid-enrollment-code': 'Ce code est inconnu, déjà utilisé ou expiré\u00a0: demandez-en un nouveau à votre administrateur.',
    'join-interrupted': 'La connexion a été coupée pendant la copie de la clinique. Rien n’a été enregistré sur ce poste\u202f; appuyez sur Réessayer.',
    'clinic-not-set-up': 'La clinique de ce serveur n’a pas encore de personnel. Configurez-la sur son premier poste, laissez ce poste se synchroniser, puis rejoignez-la.',
    'desk-already-set-up': 'Ce poste contient déjà sa propre clinique\u202f; il ne peut pas en rejoindre une autre.',
    'device-id-taken': 'Une autre clinique utilise déjà l’identifiant de ce poste.',
    'device-revoked': 'Ce poste a été déconnecté par l’administrateur et ne peut plus rejoindre la clinique.',
    'rate-limited': 'Trop de tentatives à l’instant. Attendez une minute et réessayez.',
  },
};

/** The zone and locale pickers, and the day view's clock note, in French. */
export const frZonePicker: Messages['zonePicker'] = {
  languageTag: 'fr',
  listLabel: 'Fuseaux horaires',
  thisComputer: 'cet ordinateur',
  noMatch: (query) => `Aucun fuseau horaire ne correspond à «\u00a0${query}\u00a0».`,
  localeOption: (name, example, thisComputer) => `${name} — ${example}${thisComputer ? ' (cet ordinateur)' : ''}`,
  clinicClock: (clinicZone, clinicOffset, deskZone, deskOffset) =>
    `Les heures sont celles de l’horloge de la clinique\u00a0: ${clinicZone} (${clinicOffset}). Cet ordinateur est réglé sur ${deskZone} (${deskOffset}).`,
};

/** Sign in and the lock screen, in French. */
export const frSignIn: Messages['signIn'] = {
  title: 'Connexion',
  lockedTitle: 'Écran verrouillé',
  lockedIntro: (name) => `Verrouillé par ${name}. Connectez-vous pour continuer.`,
  submit: 'Se connecter',
  submitting: 'Vérification…',
  wrong: 'Le nom d’utilisateur ou la phrase secrète est incorrect.',
  inactive: 'Ce compte a été désactivé. Demandez à un administrateur.',
  throttled: (time) => `Trop de tentatives. Réessayez après ${time}.`,
  switchUser: 'Se connecter sous un autre nom',
};
