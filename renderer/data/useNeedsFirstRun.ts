import { needsFirstRun } from './first-run-setup';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * Whether this database still needs first run, live (so the sign-in screen
 * appears as soon as setup finishes); `undefined` while it is being read.
 *
 * @example if (useNeedsFirstRun()) return <FirstRun />;
 */
export function useNeedsFirstRun(): boolean | undefined {
  const data = useAppData();
  const result = useLiveQuery('needs-first-run', () => needsFirstRun(data));
  return result.status === 'ready' ? result.value : undefined;
}
