import { defaultClinicSettings, readClinicSettings } from '../../core/db';
import type { ClinicSettings } from '../../core/db';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * The clinic's settings (name, zone, locale), live; the defaults until they load.
 *
 * @example const { timeZone, locale } = useClinic();
 */
export function useClinic(): ClinicSettings {
  const { db } = useAppData();
  const result = useLiveQuery('clinic', () => readClinicSettings(db));
  return result.status === 'ready' ? result.value : defaultClinicSettings;
}
