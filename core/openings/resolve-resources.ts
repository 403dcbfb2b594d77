import type { TimedeskDb } from '../db';
import type { Resource } from '../model';
import { ValidationError } from '../validation';
import type { AnyOfKind } from './opening-query';

/**
 * The resources a query names, in the order named — or every active one of
 * the kind, by name. A named id that is not a resource of that kind is
 * `unknown-entity`, an inactive one `inactive-resource`, both naming the
 * field (`providers.1`, `rooms.0`).
 *
 * @example await resolveResources(db, ['dr-chen'], 'provider', 'providers') // [{ id: 'dr-chen', kind: 'provider', … }]
 */
export async function resolveResources(db: TimedeskDb, wanted: readonly string[] | AnyOfKind<'provider' | 'room'>, kind: 'provider' | 'room', field: string): Promise<Resource[]> {
  if (!Array.isArray(wanted)) {
    const all = await db.resources.toArray();
    return all.filter((resource) => resource.kind === kind && resource.active).sort((left, right) => left.name.localeCompare(right.name) || (left.id < right.id ? -1 : 1));
  }
  const ids = wanted as readonly string[];
  const rows = await db.resources.bulkGet([...ids]);
  return rows.map((row, index) => {
    const id = ids[index] as string;
    if (row === undefined || row.kind !== kind) throw new ValidationError('unknown-entity', `${field}.${index}`, `There is no ${kind} "${id}".`);
    if (!row.active) throw new ValidationError('inactive-resource', `${field}.${index}`, `${row.name} is no longer in use.`);
    return row;
  });
}
