import type { Resource } from '../../core/model';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * The clinic's active resources by kind then name, live; empty while loading.
 *
 * @example const providers = useResources().filter((resource) => resource.kind === 'provider');
 */
export function useResources(): Resource[] {
  const { db } = useAppData();
  const result = useLiveQuery('resources', async () =>
    (await db.resources.toArray()).filter((resource) => resource.active).sort((left, right) => left.kind.localeCompare(right.kind) || left.name.localeCompare(right.name)),
  );
  return result.status === 'ready' ? result.value : [];
}
