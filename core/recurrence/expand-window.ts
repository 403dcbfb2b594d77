import { ValidationError } from '../validation';

/** The part of the timeline a caller wants occurrences for: `[from, to)` on each occurrence's start instant. */
export interface ExpandWindow {
  /** ISO instant with `Z` or an offset, inclusive. */
  from?: string;
  /** ISO instant with `Z` or an offset, exclusive. */
  to?: string;
  /** At most this many occurrences (the earliest ones in the window). */
  limit?: number;
}

/** A checked window in epoch ms; absent bounds are ±Infinity. */
export interface CheckedWindow {
  from: number;
  to: number;
  limit: number;
  hasEnd: boolean;
}

// An offset or Z is required: `Date.parse` reads a bare date-time in the host's zone.
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function instant(text: unknown, field: string): number {
  const value = typeof text === 'string' && instantPattern.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(value)) {
    throw new ValidationError('invalid-format', field, `"${String(text)}" is not an instant like 2025-03-09T07:30:00Z (a Z or offset is required).`);
  }
  return value;
}

/**
 * Checks an expansion window. `to` before `from` is refused; `to` equal to
 * `from` is an empty window (half-open).
 *
 * @example checkWindow({ from: '2025-01-01T00:00:00Z', limit: 5 }) // { from: 1735689600000, to: Infinity, limit: 5, hasEnd: true }
 */
export function checkWindow(window: ExpandWindow | undefined): CheckedWindow {
  if (window === undefined) return { from: -Infinity, to: Infinity, limit: Infinity, hasEnd: false };
  if (typeof window !== 'object' || window === null) throw new ValidationError('invalid-format', 'window', 'The window must be an object like { from, to, limit }.');
  const from = window.from === undefined ? -Infinity : instant(window.from, 'window.from');
  const to = window.to === undefined ? Infinity : instant(window.to, 'window.to');
  if (to < from) throw new ValidationError('end-not-after-start', 'window.to', `The window ends (${String(window.to)}) before it starts (${String(window.from)}).`);
  let limit = Infinity;
  if (window.limit !== undefined) {
    if (typeof window.limit !== 'number' || !Number.isInteger(window.limit) || window.limit < 0) {
      throw new ValidationError('invalid-count', 'window.limit', `window.limit must be a whole number of occurrences (0 or more), not ${String(window.limit)}.`);
    }
    limit = window.limit;
  }
  return { from, to, limit, hasEnd: window.to !== undefined || window.limit !== undefined };
}
