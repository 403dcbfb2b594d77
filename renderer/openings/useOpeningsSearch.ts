import { findOpenings, whyNoOpenings } from '../../core/openings';
import type { NoOpeningReason, Opening, OpeningQuery } from '../../core/openings';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';

/** What a search found: the openings, or (when none) why, per provider and room. */
export interface OpeningsFound {
  openings: Opening[];
  reasons: NoOpeningReason[];
}

/**
 * Runs a checked query through core/openings, live: a booking saved on this
 * desk or pulled by sync re-runs it, so a taken time leaves the list. An
 * empty result asks `whyNoOpenings`. `null` reads nothing (no search yet).
 *
 * @example const found = useOpeningsSearch(checked.ok ? checked.query : null);
 */
export function useOpeningsSearch(query: OpeningQuery | null): LiveResult<OpeningsFound | null> {
  const { db } = useAppData();
  return useLiveQuery(`openings:${query === null ? 'none' : JSON.stringify(query)}`, async () => {
    if (query === null) return null;
    const openings = await findOpenings(db, query);
    return { openings, reasons: openings.length > 0 ? [] : await whyNoOpenings(db, query) };
  });
}
