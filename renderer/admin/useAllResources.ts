import type { Resource } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * Every resource, switched off ones too (administration shows and can
 * re-activate them), by kind then name, live; `undefined` while loading.
 *
 * @example const resources = useAllResources() ?? [];
 */
export function useAllResources(): Resource[] | undefined {
  const { db } = useAppData();
  const result = useLiveQuery('admin-resources', async () =>
    (await db.resources.toArray()).sort((left, right) => left.kind.localeCompare(right.kind) || left.name.localeCompare(right.name)),
  );
  return result.status === 'ready' ? result.value : undefined;
}
