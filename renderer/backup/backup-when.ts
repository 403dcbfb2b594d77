import { text } from '../i18n';

function localDate(instant: number, timeZone: string): string {
  // en-CA formats a date as YYYY-MM-DD, whatever the clinic's own locale.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * When a backup was made, as the desk says it: "today 08:02", "yesterday
 * 17:30", or the date and time — on the clinic's clock and in its locale.
 *
 * @example backupWhen('2026-12-05T08:02:00.000Z', Date.parse('2026-12-05T12:00:00Z'), 'en-GB', 'Europe/London') // 'today 8:02'
 */
export function backupWhen(createdAt: string, now: number, locale: string, timeZone: string): string {
  const instant = Date.parse(createdAt);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(instant);
  const day = localDate(instant, timeZone);
  if (day === localDate(now, timeZone)) return text.backup.today(time);
  if (day === localDate(now - 86_400_000, timeZone)) return text.backup.yesterday(time);
  return text.backup.onDate(new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(instant), time);
}
