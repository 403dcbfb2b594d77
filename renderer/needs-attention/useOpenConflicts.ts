import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { readOpenConflicts } from './open-conflicts';
import type { OpenConflict } from './open-conflicts';

/**
 * The open double bookings, live: a pull bringing a new conflict, or a
 * `conflict/resolve` on this or any other desk, updates the inbox by itself.
 *
 * @example const conflicts = useOpenConflicts(); if (conflicts.status === 'ready') conflicts.value.length;
 */
export function useOpenConflicts(): LiveResult<OpenConflict[]> {
  const { db, deviceId } = useAppData();
  return useLiveQuery('open-conflicts', () => readOpenConflicts(db, deviceId));
}
