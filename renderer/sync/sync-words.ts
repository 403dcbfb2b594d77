import type { SyncStatus } from '../../core/sync';
import { text } from '../i18n';

/**
 * The sync problem in words for the status bar: a sentence for each code the
 * client or server uses, otherwise the server's own message.
 *
 * @example syncErrorWords({ code: 'network-unreachable', message: 'No answer…' }) // 'Cannot reach the sync server — changes wait on this computer'
 */
export function syncErrorWords(error: { code: string; message: string }): string {
  return text.sync.errors[error.code] ?? text.sync.errorFallback(error.message);
}

/**
 * "just now", "2 minutes ago", "3 hours ago", "yesterday" in the clinic's
 * locale, for "Synced …".
 *
 * @example syncedAgo(Date.parse('2026-11-25T14:00:00Z'), Date.parse('2026-11-25T14:02:10Z'), 'en-US') // '2 minutes ago'
 */
export function syncedAgo(at: number, now: number, locale: string): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 60) return format.format(0, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/**
 * Whole minutes of clock skew worth a warning, or null when the client does
 * not warn (core/sync decides the threshold).
 *
 * @example clockSkewMinutes({ clockWarning: true, clockSkewMs: -420_000 }) // 7
 */
export function clockSkewMinutes(status: Pick<SyncStatus, 'clockWarning' | 'clockSkewMs'>): number | null {
  if (!status.clockWarning || status.clockSkewMs === null) return null;
  return Math.round(Math.abs(status.clockSkewMs) / 60_000);
}
