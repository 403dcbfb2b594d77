import type { Table } from 'dexie';
import { z } from 'zod';
import { closureSchema, deskLanguageSchema, idSchema, parseWith, resourceSchema, staffMemberSchema } from '../model';
import type { Closure, Resource, StaffMember } from '../model';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import type { WriteScope } from './define-command';
import { fieldChanges } from './field-changes';
import { isManager } from './session';

/** Setup changes what every booking is checked against, so only managers and admins make them. */
function managerOnly(scope: WriteScope, what: string) {
  return isManager(scope.session) ? undefined : refuse('not-permitted', 'session', `Only a manager or admin can change ${what}.`);
}

/**
 * The shared tail of every setup command: store the record (new or
 * replacing the one with its id) and audit each changed field.
 */
async function saveRecord<Row extends { id: string }>(
  scope: WriteScope,
  table: Table<Row, string>,
  record: Row,
  action: 'RESOURCE_SAVED' | 'CLOSURE_SAVED' | 'STAFF_SAVED',
  entityType: string,
) {
  const before = await table.get(record.id);
  await table.put(record);
  scope.audit({ action, entityType, entityId: record.id, changes: fieldChanges(before ?? null, record, ['id']) });
  return { ok: true as const, value: record, baseVersion: null, intent: record };
}

/**
 * Removes one setup record (a closure entered by mistake),
 * auditing every field it had. Resources and staff are never removed: they
 * are made inactive, because bookings and audit entries name them.
 */
async function removeRecord<Row extends { id: string }>(
  scope: WriteScope,
  table: Table<Row, string>,
  id: string,
  action: 'CLOSURE_REMOVED',
  entityType: string,
) {
  const before = await table.get(id);
  if (!before) return refuse('unknown-entity', 'id', `There is no ${entityType} "${id}".`);
  await table.delete(id);
  scope.audit({ action, entityType, entityId: id, changes: fieldChanges(before, null, ['id']) });
  return { ok: true as const, value: before, baseVersion: null, intent: { id } };
}

/**
 * Clinic setup: resources, closures and staff (schedules are
 * schedule-commands.ts). Each save is an upsert (a missing id makes a new
 * record) audited with field-level changes; closures can also be removed.
 */
export const setupCommands = {
  /** @example run('resource/save', { kind: 'room', name: 'Room 1', timeZone: 'America/New_York' }, manager) */
  'resource/save': defineCommand({
    args: resourceSchema.extend({ id: idSchema.optional() }),
    async run(scope, args) {
      const denied = managerOnly(scope, 'resources');
      if (denied) return denied;
      const resource: Resource = { ...args, id: args.id ?? scope.newId() };
      return saveRecord(scope, scope.db.resources, resource, 'RESOURCE_SAVED', 'resource');
    },
  }),

  /** @example run('closure/save', { resourceId: null, startDate: '2026-12-25', endDate: '2026-12-26', reason: 'Christmas' }, manager) */
  'closure/save': defineCommand({
    args: z.object({ ...closureSchema.shape, id: idSchema.optional() }),
    async run(scope, args) {
      const denied = managerOnly(scope, 'closures');
      if (denied) return denied;
      if (args.resourceId !== null && !(await scope.db.resources.get(args.resourceId))) {
        return refuse('unknown-entity', 'resourceId', `There is no resource "${args.resourceId}".`);
      }
      const closure: Closure = parseWith(closureSchema, { ...args, id: args.id ?? scope.newId() });
      return saveRecord(scope, scope.db.closures, closure, 'CLOSURE_SAVED', 'closure');
    },
  }),

  /** @example run('closure/remove', { id: 'christmas-2026' }, manager) */
  'closure/remove': defineCommand({
    args: z.object({ id: idSchema }),
    async run(scope, args) {
      return managerOnly(scope, 'closures') ?? removeRecord(scope, scope.db.closures, args.id, 'CLOSURE_REMOVED', 'closure');
    },
  }),

  /**
   * Saves a staff member's public record (name, username, role, active).
   * Admins only; usernames are unique. Passphrases are set through core/auth,
   * which hashes outside any transaction.
   *
   * @example run('staff/save', { displayName: 'Jo Smith', username: 'jo', role: 'front_desk' }, admin)
   */
  'staff/save': defineCommand({
    args: staffMemberSchema.extend({ id: idSchema.optional() }),
    async run(scope, args) {
      if (scope.session.role !== 'admin') return refuse('not-permitted', 'session', 'Only an admin can manage staff accounts.');
      const id = args.id ?? scope.newId();
      // The language is the staff member's own choice (staff/set-language): an edit that leaves it out keeps it.
      const kept = args.language ?? (await scope.db.staff.get(id))?.language;
      const member: StaffMember = kept === undefined ? { ...args, id } : { ...args, id, language: kept };
      const holder = await scope.db.staff.where('username').equals(member.username).first();
      if (holder && holder.id !== member.id) return refuse('duplicate-id', 'username', `The username "${member.username}" is taken.`);
      return saveRecord(scope, scope.db.staff, member, 'STAFF_SAVED', 'staff');
    },
  }),

  /**
   * Sets the language the desk shows a staff member (`null`: the clinic's).
   * Everyone may choose their own; only an admin chooses someone else's.
   * Audited as a change of the staff record and synced with it, so the
   * choice follows them to every desk.
   *
   * @example run('staff/set-language', { staffId: 's1', language: 'es' }, session)
   */
  'staff/set-language': defineCommand({
    args: z.object({ staffId: idSchema, language: deskLanguageSchema.nullable() }),
    async run(scope, { staffId, language }) {
      if (scope.session.staffId !== staffId && scope.session.role !== 'admin') return refuse('not-permitted', 'session', 'Only an admin can choose another staff member’s language.');
      const before = await scope.db.staff.get(staffId);
      if (!before) return refuse('unknown-entity', 'staffId', `There is no staff member "${staffId}".`);
      const { language: _previous, ...rest } = before;
      const member: StaffMember = language === null ? rest : { ...rest, language };
      return saveRecord(scope, scope.db.staff, member, 'STAFF_SAVED', 'staff');
    },
  }),
};
