import { previewScheduleChange } from '../../core/queries';
import type { ScheduleChange, ScheduleChangePreview } from '../../core/queries';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import { useSettled } from './useSettled';

/** Where the dry run of a schedule change stands. */
export type SchedulePreviewState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ready'; preview: ScheduleChangePreview }
  /** The engine refused the change; Save shows the same problem beside its field. */
  | { status: 'invalid'; problem: ValidationProblem }
  | { status: 'failed' };

/**
 * core/queries' `previewScheduleChange` for a change being edited, once the
 * input has been still for a moment, as a live query (a booking made
 * meanwhile updates the list): the block Save would store, the booked visits
 * it would leave outside the hours, days where leave wins over an override,
 * and the next four weeks of hours from `today`. `null` checks nothing.
 *
 * @example const state = useSchedulePreview({ kind: 'save', block: draft }, '2026-12-01');
 */
export function useSchedulePreview(change: ScheduleChange | null, today: string): SchedulePreviewState {
  const { db } = useAppData();
  const key = change === null ? '' : JSON.stringify({ change, today });
  const settled = useSettled(key);
  const result = useLiveQuery(`schedule-preview:${settled}`, () => {
    if (settled === '') return Promise.resolve(null);
    const parsed = JSON.parse(settled) as { change: ScheduleChange; today: string };
    return previewScheduleChange(db, parsed.change, { now: Date.now(), today: parsed.today });
  });
  if (key === '') return { status: 'idle' };
  if (settled !== key || result.status === 'loading') return { status: 'checking' };
  if (result.status === 'failed') return result.error instanceof ValidationError ? { status: 'invalid', problem: result.error.toJSON() } : { status: 'failed' };
  return result.value === null ? { status: 'idle' } : { status: 'ready', preview: result.value };
}
