import { readDevice } from '../../core/db';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * When this database first opened on this desk (UTC instant), or null while loading.
 *
 * @example useDeviceFirstRun() // '2026-12-01T08:00:00.000Z'
 */
export function useDeviceFirstRun(): string | null {
  const { db } = useAppData();
  const result = useLiveQuery('device-first-run', async () => (await readDevice(db)).firstRunAt);
  return result.status === 'ready' ? result.value : null;
}
