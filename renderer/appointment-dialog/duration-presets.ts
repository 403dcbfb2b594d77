/**
 * The lengths offered as one-click choices, in minutes; any other length
 * from 5 minutes to 24 hours can be typed.
 *
 * @example durationPresets.includes(30) // true
 */
export const durationPresets = [10, 15, 20, 30, 45, 60, 90] as const;
