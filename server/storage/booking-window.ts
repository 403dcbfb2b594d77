import { durationLimits } from '../../core';

/**
 * The longest an appointment can last, in ms (core/model's duration limit).
 * Overlap queries look back this far from a candidate's start, which bounds
 * the index range scan on (key, start) instead of reading every earlier slot.
 *
 * @example maxBookingMs // 86_400_000 (1440 minutes)
 */
export const maxBookingMs = durationLimits.max * 60_000;
