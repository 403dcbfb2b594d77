import { isAppUrl } from './app-protocol';

/**
 * Chromium asks main before a page may use the camera, notifications,
 * geolocation, MIDI, HID and so on. A front-desk scheduler needs none of them;
 * the only grant is writing plain text to the clipboard ("copy appointment
 * details"), and only for the app's own page.
 */

/**
 * Permissions the app's own page may use. `clipboard-sanitized-write` covers
 * `navigator.clipboard.writeText` (sanitised text only, no reading).
 *
 * @example allowedPermissions.has('media') // false
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Whether a permission request or check is granted: only an allowed permission,
 * only from the app origin. Anything else, including permissions Electron adds
 * in a future version, is denied by default.
 *
 * @example isPermissionGranted('clipboard-sanitized-write', 'app://timedesk/index.html') // true
 * @example isPermissionGranted('notifications', 'app://timedesk/index.html') // false
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  if (!allowedPermissions.has(permission)) return false;
  if (requestingUrl === undefined) return false;
  return isAppUrl(requestingUrl);
}
