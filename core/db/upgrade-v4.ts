import type { Transaction } from 'dexie';
import type { AvailabilityRule, Resource } from '../model';
import { blockFromWeeklyRule } from '../schedule';
import type { ClinicSettings } from './device-meta';
import { defaultClinicSettings } from './device-meta';
import type { MutationEffect, OutboxMutation } from './records';

/** The legacy entity name queued v3 mutations carry for a weekday rule. */
const legacyEntity = 'availability';

/**
 * v3 → v4 (schedules): every weekday rule becomes the equivalent weekly
 * schedule block with the same id, in its resource's zone (a rule of a
 * resource no longer stored takes the clinic's zone, so nothing is dropped);
 * the `availability` table is emptied. Queued outbox mutations are rewritten
 * the same way — a rule's put becomes the block's put, its delete the
 * block's delete — and stamped with schema version 4, so nothing queued
 * offline before the update is lost, and the sync server (which refuses
 * mutations from desks older than v4) accepts them. The sync server upgrades
 * its stored rules with the same function, so both copies agree.
 *
 * @example this.version(4).stores(v4Stores).upgrade((transaction) => upgradeToV4(transaction, '2026-12-01T09:00:00.000Z'));
 */
export async function upgradeToV4(transaction: Transaction, at: string): Promise<void> {
  const resources = (await transaction.table('resources').toArray()) as Resource[];
  const zones = new Map(resources.map((resource) => [resource.id, resource.timeZone]));
  const clinic = ((await transaction.table('meta').get('clinic')) as ClinicSettings | undefined) ?? defaultClinicSettings;
  const zoneOf = (resourceId: string) => zones.get(resourceId) ?? clinic.timeZone;

  const rules = (await transaction.table(legacyEntity).toArray()) as AvailabilityRule[];
  await transaction.table('scheduleBlocks').bulkPut(rules.map((rule) => blockFromWeeklyRule(rule, zoneOf(rule.resourceId), at)));
  await transaction.table(legacyEntity).clear();

  await transaction
    .table('outbox')
    .toCollection()
    .modify((mutation: OutboxMutation) => {
      mutation.effects = mutation.effects.map((effect) => upgradeEffect(effect, zoneOf, at));
      mutation.schemaVersion = 4;
    });
}

function upgradeEffect(effect: MutationEffect, zoneOf: (resourceId: string) => string, at: string): MutationEffect {
  if ((effect.entity as string) !== legacyEntity) return effect;
  if (effect.op === 'delete') return { entity: 'scheduleBlock', id: effect.id, op: 'delete' };
  const rule = effect.data as AvailabilityRule;
  return { entity: 'scheduleBlock', id: effect.id, op: 'put', data: blockFromWeeklyRule(rule, zoneOf(rule.resourceId), at) };
}
