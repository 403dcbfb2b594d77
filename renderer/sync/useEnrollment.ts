import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import { readEnrollment } from './enrollment';
import type { Enrollment } from './enrollment';

/**
 * This desk's enrollment, live: `undefined` while loading, `null` when not
 * enrolled. Enrolling or disconnecting anywhere updates it.
 *
 * @example const enrollment = useEnrollment(); if (enrollment) enrollment.serverUrl;
 */
export function useEnrollment(): Enrollment | null | undefined {
  const { db } = useAppData();
  const result = useLiveQuery('sync-enrollment', () => readEnrollment(db));
  return result.status === 'ready' ? result.value : undefined;
}
