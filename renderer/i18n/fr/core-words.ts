import type { Messages } from '../en';

/** Appointment statuses, as adjectives of "rendez-vous" (masculine). */
export const frStatuses: Messages['statuses'] = {
  booked: 'Réservé',
  arrived: 'Arrivé',
  in_room: 'En salle',
  completed: 'Terminé',
  no_show: 'Absent',
  cancelled: 'Annulé',
};

/**
 * Booking-check findings. The resource ones follow its name ("Salle 1 a déjà
 * un rendez-vous…", dialog.conflictWith) and are verb phrases, so they read
 * right whatever the resource's gender.
 */
export const frConflictKinds: Messages['conflictKinds'] = {
  'resource-double-booked': 'a déjà un rendez-vous à cette heure',
  'patient-double-booked': 'Le patient a déjà un rendez-vous à cette heure',
  closed: 'La clinique est fermée ce jour-là',
  'outside-working-hours': 'est hors de ses horaires à cette heure',
  'no-working-hours-defined': 'n’a aucun horaire défini ce jour-là',
  'schedule-blocked': 'a une plage bloquée à cette heure (blocage ou congé)',
  'soft-blockout': 'a une plage bloquée que seul un responsable peut réserver',
};

export const frResourceKinds: Messages['resourceKinds'] = {
  provider: { one: 'Praticien', many: 'Praticiens' },
  room: { one: 'Salle', many: 'Salles' },
  equipment: { one: 'Équipement', many: 'Équipements' },
};

export const frRoles: Messages['roles'] = {
  front_desk: 'Accueil',
  manager: 'Responsable',
  admin: 'Administrateur',
};
