import { syncEndpointOrigin } from './content-security-policy';

/**
 * Letting the page connect to the sync server a manager typed in Settings →
 * Sync. The CSP's connect-src names one sync origin (desktop-config.json);
 * enrolling with another server asks main, through the bridge, to put exactly
 * that origin there instead. Main asks the person at the desk first (a native
 * dialog the page cannot click), persists the choice and serves it in the CSP
 * of every later response; the page reloads to get a document under the new
 * policy. A page can therefore never widen its own policy silently, and the
 * policy never holds more than one remote origin.
 */

/** Result of {@link exactSyncServerOrigin}. */
export type SyncServerOriginCheck = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * Accepts only a bare origin as `URL.origin` spells it: `https://host[:port]`,
 * or `http://` on a loopback host, a plain host name or IP address (no
 * wildcard, no credentials), and nothing after it — no path, query, fragment,
 * trailing slash, default port, spaces or upper case. What comes in is then
 * exactly what goes into connect-src.
 *
 * @example exactSyncServerOrigin('https://sync.clinic.example:8443') // { ok: true, origin: 'https://sync.clinic.example:8443' }
 * @example exactSyncServerOrigin('https://sync.clinic.example/v1').ok // false
 */
export function exactSyncServerOrigin(input: string): SyncServerOriginCheck {
  const checked = syncEndpointOrigin(input);
  if (!checked.ok) return checked;
  if (checked.origin !== input) return { ok: false, reason: `not a bare origin (did you mean ${checked.origin}?)` };
  return checked;
}

/** What {@link allowSyncServerOrigin} needs from main. */
export interface SyncServerPermissionHost {
  /** The sync origin the CSP allows now; undefined when connect-src is only 'self'. */
  currentOrigin(): string | undefined;
  /** The sync origin in the CSP the page's current document was served with (main notes it per HTML response). */
  documentOrigin(): string | undefined;
  /** Asks the person at the desk in a native dialog; true only for an explicit yes. */
  confirm(origin: string, replacing: string | undefined): Promise<boolean>;
  /** Persists `origin` as the sync endpoint and serves it in the CSP from the next response on. Throws if it could not be saved. */
  allow(origin: string): Promise<void>;
}

/** How a request to allow a sync server ended. */
export type AllowSyncServerOutcome =
  | { outcome: 'allowed'; origin: string; reloadRequired: boolean }
  | { outcome: 'declined' }
  | { outcome: 'invalid-origin'; reason: string };

/**
 * Allows exactly one sync origin, replacing the previous one. Already allowed:
 * nothing is asked or written, and a reload is needed only if the page's
 * document predates it (an earlier call whose reload never happened). Otherwise the person
 * confirms, main persists and applies it, and `reloadRequired` tells the page
 * its current document still runs under the old policy (CSP is fixed when a
 * document loads; it cannot be loosened in place).
 *
 * @example await allowSyncServerOrigin('https://sync.clinic.example', host) // { outcome: 'allowed', origin: 'https://sync.clinic.example', reloadRequired: true }
 * @example await allowSyncServerOrigin('https://*.example', host) // { outcome: 'invalid-origin', reason: 'host *.example is not a plain host name or IP address' }
 */
export async function allowSyncServerOrigin(input: string, host: SyncServerPermissionHost): Promise<AllowSyncServerOutcome> {
  const checked = exactSyncServerOrigin(input);
  if (!checked.ok) return { outcome: 'invalid-origin', reason: checked.reason };
  const current = host.currentOrigin();
  if (current === checked.origin) return { outcome: 'allowed', origin: checked.origin, reloadRequired: host.documentOrigin() !== checked.origin };
  if (!(await host.confirm(checked.origin, current))) return { outcome: 'declined' };
  await host.allow(checked.origin);
  return { outcome: 'allowed', origin: checked.origin, reloadRequired: true };
}
