/**
 * The start a new appointment gets when opened from the keyboard or the
 * toolbar: on today, the next quarter hour from now; on another day, 09:00.
 * Either way inside the shown hours, leaving room for a 15-minute visit.
 *
 * @example defaultDraftMinute(601, 420, 1140) // 615 (10:15)
 * @example defaultDraftMinute(null, 420, 1140) // 540 (09:00)
 */
export function defaultDraftMinute(nowMinute: number | null, dayStartMinute: number, dayEndMinute: number): number {
  const wanted = nowMinute === null ? 540 : Math.ceil(nowMinute / 15) * 15;
  return Math.min(Math.max(wanted, dayStartMinute), Math.max(dayStartMinute, dayEndMinute - 15));
}
