import { z } from 'zod';
import { availabilityRuleSchema, closureSchema, idSchema, parseWith, resourceSchema, staffMemberSchema } from '../model';
import type { AvailabilityRule, Closure, Resource, StaffMember } from '../model';
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
 * Clinic setup: resources, weekly hours, closures and staff. Each is an
 * upsert (a missing id makes a new record) audited with field-level changes.
 */
export const setupCommands = {
  /** @example run('resource/save', { kind: 'room', name: 'Room 1', timeZone: 'America/New_York' }, manager) */
  'resource/save': defineCommand({
    args: resourceSchema.extend({ id: idSchema.optional() }),
    async run(scope, args) {
      const denied = managerOnly(scope, 'resources');
      if (denied) return denied;
      const resource: Resource = { ...args, id: args.id ?? scope.newId() };
      const before = await scope.db.resources.get(resource.id);
      await scope.db.resources.put(resource);
      scope.audit({ action: 'RESOURCE_SAVED', entityType: 'resource', entityId: resource.id, changes: fieldChanges(before ?? null, resource, ['id']) });
      return { ok: true, value: resource, baseVersion: null, intent: resource };
    },
  }),

  /** @example run('availability/save', { resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '17:00', kind: 'working' }, manager) */
  'availability/save': defineCommand({
    args: z.object({ ...availabilityRuleSchema.shape, id: idSchema.optional() }),
    async run(scope, args) {
      const denied = managerOnly(scope, 'working hours');
      if (denied) return denied;
      if (!(await scope.db.resources.get(args.resourceId))) return refuse('unknown-entity', 'resourceId', `There is no resource "${args.resourceId}".`);
      // The model schema again, for its cross-field checks (end after start).
      const rule: AvailabilityRule = parseWith(availabilityRuleSchema, { ...args, id: args.id ?? scope.newId() });
      const before = await scope.db.availability.get(rule.id);
      await scope.db.availability.put(rule);
      scope.audit({ action: 'AVAILABILITY_SAVED', entityType: 'availability', entityId: rule.id, changes: fieldChanges(before ?? null, rule, ['id']) });
      return { ok: true, value: rule, baseVersion: null, intent: rule };
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
      const before = await scope.db.closures.get(closure.id);
      await scope.db.closures.put(closure);
      scope.audit({ action: 'CLOSURE_SAVED', entityType: 'closure', entityId: closure.id, changes: fieldChanges(before ?? null, closure, ['id']) });
      return { ok: true, value: closure, baseVersion: null, intent: closure };
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
      const member: StaffMember = { ...args, id: args.id ?? scope.newId() };
      const holder = await scope.db.staff.where('username').equals(member.username).first();
      if (holder && holder.id !== member.id) return refuse('duplicate-id', 'username', `The username "${member.username}" is taken.`);
      const before = await scope.db.staff.get(member.id);
      await scope.db.staff.put(member);
      scope.audit({ action: 'STAFF_SAVED', entityType: 'staff', entityId: member.id, changes: fieldChanges(before ?? null, member, ['id']) });
      return { ok: true, value: member, baseVersion: null, intent: member };
    },
  }),
};
