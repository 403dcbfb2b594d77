import { useCallback, useEffect, useState } from 'react';
import { checkDraft } from '../../core/queries';
import type { BookingDraft, DraftCheck } from '../../core/queries';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/** Where the dry run stands for the dialog's current input. */
export type DraftCheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ready'; check: DraftCheck }
  /** The engine refused the input; the form shows that problem on save, beside its field. */
  | { status: 'invalid'; problem: ValidationProblem }
  | { status: 'failed' };

/** How long the input must stay still before it is checked: typing a time never queues a check per key. */
export const draftCheckDelayMs = 150;

/**
 * Runs core/queries' `checkDraft` on the dialog's input once it has been
 * still for {@link draftCheckDelayMs}, as a live query: a booking saved
 * meanwhile (here, in another tab, by sync) re-runs it. A changed input
 * drops the old answer and its subscription at once, so a result never
 * shows under input it was not computed for. Nothing runs while the dialog
 * opens (the first check waits the delay), and `null` input checks nothing.
 * `checkNow()` answers for the current input on Save: the live answer when
 * it is for exactly this input, else a check run at once.
 *
 * @example const { state, checkNow } = useDraftCheck(draftCheckInput(fields));
 */
export function useDraftCheck(input: BookingDraft | null, delayMs = draftCheckDelayMs): { state: DraftCheckState; checkNow(): Promise<DraftCheck | null> } {
  const { db } = useAppData();
  const key = input === null ? '' : JSON.stringify(input);
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  // The settled key is the whole input, so the query never closes over newer (unchecked) input.
  const result = useLiveQuery(`draft-check:${settled}`, () => (settled === '' ? Promise.resolve(null) : checkDraft(db, JSON.parse(settled) as BookingDraft, { now: Date.now() })));

  // The live answer for exactly this input is current (a live query re-reads when bookings change):
  // Save reuses it rather than reading a year of visits again.
  const current = settled === key && result.status === 'ready' ? result.value : null;
  const checkNow = useCallback(async () => {
    if (input === null) return null;
    if (current !== null) return current;
    try {
      return await checkDraft(db, input, { now: Date.now() });
    } catch {
      return null; // the command names the problem on save
    }
  }, [db, input, current]);

  let state: DraftCheckState;
  if (key === '') state = { status: 'idle' };
  else if (settled !== key || result.status === 'loading') state = { status: 'checking' };
  else if (result.status === 'failed') state = result.error instanceof ValidationError ? { status: 'invalid', problem: result.error.toJSON() } : { status: 'failed' };
  else state = result.value === null ? { status: 'idle' } : { status: 'ready', check: result.value };
  return { state, checkNow };
}
