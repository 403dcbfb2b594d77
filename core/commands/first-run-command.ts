import { z } from 'zod';
import { clinicSettingsSchema, defaultClinicSettings } from '../db';
import type { ClinicSettings, StaffCredential } from '../db';
import { idSchema, staffMemberSchema } from '../model';
import type { StaffMember } from '../model';
import { refuse } from './command-result';
import type { CommandResult } from './command-result';
import { defineCommand } from './define-command';
import { fieldChanges } from './field-changes';
import { runCommandBatchAfter } from './command-batch';
import type { CommandBatch, CommandBatchOptions } from './command-batch';
import type { CommandEnvironment } from './run-command';
import type { CommandSession } from './session';

/**
 * What first run stores: the clinic's settings and its first admin. The
 * idle-lock minutes may be left out (the default applies).
 *
 * @example firstRunArgsSchema.parse({ clinic: { name: 'Northside', timeZone: 'America/New_York', locale: 'en-US' }, admin: { displayName: 'Jo Admin', username: 'jo.admin' } })
 */
export const firstRunArgsSchema = z.object({
  clinic: clinicSettingsSchema.extend({ idleLockMinutes: clinicSettingsSchema.shape.idleLockMinutes.optional() }),
  admin: z.object({ id: idSchema.optional(), displayName: staffMemberSchema.shape.displayName, username: staffMemberSchema.shape.username }),
});

/** A passphrase credential already hashed (by core/auth, outside any transaction); the staff id is filled in by the command. */
export type PreparedCredential = Omit<StaffCredential, 'staffId' | 'failedAttempts' | 'lockedUntil'>;

/** What a completed first run made: the admin (and the session that speaks for them) and the stored settings. */
export interface FirstRunOutcome {
  admin: StaffMember;
  session: CommandSession;
  clinic: ClinicSettings;
}

/**
 * The `setup/first-run` command: in ONE transaction it stores the clinic
 * settings, the first admin's staff row and their passphrase credential,
 * with the audit entries `CLINIC_CREATED` and `STAFF_SAVED` (actor: the new
 * admin, so the log's first entries name who set the desk up). It refuses
 * (`not-permitted`, field `setup`) once any staff member exists, checked
 * inside the transaction so two windows cannot both set up a clinic.
 *
 * The credential is hashed by the caller before this runs (PBKDF2 must not
 * run inside an IndexedDB transaction); it is closed over, never part of the
 * arguments, so it reaches neither the audit log nor the outbox. Use
 * core/auth's `setUpFirstRun`, which hashes the passphrase and calls this.
 *
 * `then` runs more commands as the new admin in the SAME transaction (the
 * clinic's providers, rooms and hours; the sample clinic): first run is all
 * or nothing, so a window closed half-way leaves a fresh desk, never an admin
 * without the rest. A refusal there refuses the whole first run.
 *
 * @example
 * const result = await runFirstRunSetup(env, { clinic: { name: 'Northside', timeZone: 'America/New_York', locale: 'en-US' }, admin: { displayName: 'Jo Admin', username: 'jo.admin' } }, credential,
 *   (batch) => batch.run('resource/save', { kind: 'room', name: 'Room 1', timeZone: 'America/New_York' }));
 * if (result.ok) signInAs(result.value.session);
 */
export async function runFirstRunSetup(
  env: CommandEnvironment,
  input: unknown,
  credential: PreparedCredential,
  then: (batch: CommandBatch, outcome: FirstRunOutcome) => Promise<unknown> = async () => undefined,
  options: CommandBatchOptions = {},
): Promise<CommandResult<FirstRunOutcome>> {
  const parsed = firstRunArgsSchema.safeParse(input);
  // The session needs the admin's id and name before the transaction; bad input is refused by the wrapper's own parse below.
  const adminId = (parsed.success ? parsed.data.admin.id : undefined) ?? env.newId();
  const session: CommandSession = { staffId: adminId, displayName: parsed.success ? parsed.data.admin.displayName : 'First admin', role: 'admin' };
  const firstRun = defineCommand({
    args: firstRunArgsSchema,
    async run(scope, args) {
      if ((await scope.db.staff.count()) > 0) return refuse('not-permitted', 'setup', 'This clinic is already set up; sign in instead.');
      const clinic: ClinicSettings = { ...args.clinic, key: 'clinic', idleLockMinutes: args.clinic.idleLockMinutes ?? defaultClinicSettings.idleLockMinutes };
      const admin: StaffMember = { id: adminId, displayName: args.admin.displayName, username: args.admin.username, role: 'admin', active: true };
      await scope.db.meta.put(clinic);
      await scope.db.staff.put(admin);
      await scope.db.staffCredentials.put({ ...credential, staffId: adminId, failedAttempts: 0, lockedUntil: 0 });
      scope.audit({ action: 'CLINIC_CREATED', entityType: 'clinic-settings', entityId: 'clinic', changes: fieldChanges(null, { ...clinic }, ['key']) });
      scope.audit({ action: 'STAFF_SAVED', entityType: 'staff', entityId: adminId, changes: { ...fieldChanges(null, admin, ['id']), passphrase: { before: null, after: 'changed' } } });
      // The intent carries the admin (a synced record) but never the credential.
      return { ok: true, value: { admin, session, clinic }, baseVersion: null, intent: { clinic: args.clinic, admin } };
    },
  });
  const result = await runCommandBatchAfter(env, session, { name: 'setup/first-run', definition: firstRun as never, input }, then, options);
  return result.ok ? { ok: true, value: result.value.first } : result;
}
