import { z } from 'zod';
import { addCodedIssue } from './zod-to-validation';

const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;

/**
 * Reads an ISO 8601 UTC instant (`2025-03-09T14:00:00.000Z`, the `Z` is
 * required) as epoch ms, or `undefined` when it is malformed or not on the
 * calendar (rolled-over dates like Feb 30 are refused).
 *
 * @example instantToMs('2025-03-09T07:30:00Z') // 1741505400000
 */
export function instantToMs(text: string): number | undefined {
  const match = instantPattern.exec(text);
  if (!match) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2025-02-30 over to March; the round trip catches it.
  return new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19) ? ms : undefined;
}

/**
 * Formats epoch ms as the canonical instant string (always with milliseconds
 * and `Z`), so instants compare correctly as strings.
 *
 * @example msToInstant(1741505400000) // '2025-03-09T07:30:00.000Z'
 */
export function msToInstant(ms: number): Instant {
  return new Date(ms).toISOString();
}

/**
 * A UTC instant at the edge: ISO 8601 with `Z`, normalised to
 * `YYYY-MM-DDTHH:mm:ss.sssZ`. Offsets other than `Z` are refused so the stored
 * form never depends on where it was typed.
 *
 * @example instantSchema.parse('2025-03-09T07:30:00Z') // '2025-03-09T07:30:00.000Z'
 */
export const instantSchema = z
  .string()
  .superRefine((text, context) => {
    if (instantToMs(text) === undefined) {
      addCodedIssue(context, 'invalid-format', `"${text}" is not a UTC time like 2025-03-09T14:00:00.000Z.`);
    }
  })
  .overwrite((text) => {
    const ms = instantToMs(text);
    return ms === undefined ? text : msToInstant(ms);
  });

/** A canonical UTC instant string; see {@link instantSchema}. */
export type Instant = string;
