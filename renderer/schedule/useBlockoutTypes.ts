import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * The blockout types the clinic already uses ("Staff meeting", "Emergencies
 * only"), sorted, live: the suggestions a new blockout's type field offers,
 * so the clinic's own list grows as it is used.
 *
 * @example const types = useBlockoutTypes(); // ['Emergencies only', 'Staff meeting']
 */
export function useBlockoutTypes(): string[] {
  const { db } = useAppData();
  const result = useLiveQuery('blockout-types', async () => {
    const types = new Set<string>();
    for (const block of await db.scheduleBlocks.toArray()) if (block.kind === 'blockout') types.add(block.blockoutType);
    return [...types].sort((left, right) => left.localeCompare(right));
  });
  return result.status === 'ready' ? result.value : [];
}
