import { oldestSyncableDeskSchema } from '../../core/sync/desk-schema';
import { ApiError } from '../http/api-error';
import type { Mutation } from './wire-schemas';

const updateThisDesk =
  'This desk runs an older Timedesk than the clinic: schedules are now kept as blocks (working hours, blockouts, leave). Update Timedesk on this desk and it syncs again; nothing on the desk is lost.';

/**
 * Refuses a push from a desk whose data schema predates schedule blocks
 * (core/sync/desk-schema.ts): 426 `desk-outdated`, naming the first old
 * mutation. Checked before anything is applied, so the desk keeps every
 * queued mutation and sends it again once updated (its Dexie upgrade turns
 * queued weekday rules into blocks).
 *
 * @example refuseOutdatedMutations([{ …, schemaVersion: 3 }]) // throws ApiError 426 desk-outdated, field mutations.0.schemaVersion
 */
export function refuseOutdatedMutations(mutations: readonly Pick<Mutation, 'schemaVersion'>[]): void {
  const index = mutations.findIndex((mutation) => mutation.schemaVersion < oldestSyncableDeskSchema);
  if (index >= 0) throw new ApiError(426, 'desk-outdated', updateThisDesk, { field: `mutations.${index}.schemaVersion`, details: { oldestSchema: oldestSyncableDeskSchema } });
}

/**
 * Refuses a pull from a desk that does not name a data schema at least as
 * new as schedule blocks (the `schema` query parameter; desks before v4 send
 * none): 426 `desk-outdated`, so an old desk shows "update this desk"
 * instead of storing records it cannot read. Checked by the HTTP route,
 * before `readChanges` (in-process callers are this release's code).
 *
 * @example refuseOutdatedPull({ after: '0' }) // throws ApiError 426 desk-outdated, field schema
 */
export function refuseOutdatedPull(query: unknown): void {
  const raw = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)['schema'] : undefined;
  const schema = typeof raw === 'string' && /^[0-9]{1,4}$/.test(raw) ? Number(raw) : undefined;
  if (schema === undefined || schema < oldestSyncableDeskSchema) {
    throw new ApiError(426, 'desk-outdated', updateThisDesk, { field: 'schema', details: { oldestSchema: oldestSyncableDeskSchema } });
  }
}
