import { clinicSettingsSchema } from '../db';
import type { ClinicSettings } from '../db';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { fieldChanges } from './field-changes';

/**
 * Clinic-wide settings. They live in this desk's `meta` row (not a synced
 * record), so the command queues no outbox mutation; its audit entry still
 * reaches the server with the rest of the chain.
 */
export const clinicCommands = {
  /**
   * Saves the clinic's name, zone, locale and idle-lock minutes (admins
   * only). Fields left out keep their value; the audit entry lists each
   * changed field's before and after. Saving nothing new writes nothing.
   *
   * @example run('clinic/save-settings', { name: 'Northside Clinic', timeZone: 'America/New_York', idleLockMinutes: 10 }, admin)
   */
  'clinic/save-settings': defineCommand({
    args: clinicSettingsSchema.partial(),
    // Synced (as the `clinic` effect): every desk of the clinic reads its day sheet in the same zone.
    async run(scope, args) {
      if (scope.session.role !== 'admin') return refuse('not-permitted', 'session', 'Only an admin can change the clinic settings.');
      const before = scope.clinic;
      const given = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
      const after: ClinicSettings = { ...before, ...given, key: 'clinic' };
      const changes = fieldChanges({ ...before }, { ...after }, ['key']);
      if (Object.keys(changes).length === 0) return { ok: true, value: after };
      await scope.db.meta.put(after);
      scope.audit({ action: 'CLINIC_SETTINGS_SAVED', entityType: 'clinic-settings', entityId: 'clinic', changes });
      return { ok: true, value: after };
    },
  }),
};
