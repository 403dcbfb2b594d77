import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { readOpenEdits } from './open-edits';
import type { OpenEdit } from './open-edits';

/**
 * The open concurrent edits, live: a pull bringing one, or its resolution on
 * any desk, updates the inbox by itself.
 *
 * @example const edits = useOpenEdits(); if (edits.status === 'ready') edits.value.length;
 */
export function useOpenEdits(): LiveResult<OpenEdit[]> {
  const { db, deviceId } = useAppData();
  return useLiveQuery('open-edits', () => readOpenEdits(db, deviceId));
}
