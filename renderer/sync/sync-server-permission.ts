import type { TimedeskBridge } from '../../electron/bridge-contract';
import { desktopBridge } from '../desktop/desktop-bridge';

/**
 * In the desktop app the page may only connect to the sync server named in
 * its Content-Security-Policy (electron/README.md, "Sync server from
 * Settings"). Before enrolling with a server, Settings → Sync asks the shell
 * to allow that server's origin; the person confirms in a native dialog, and
 * when the policy changed the page reloads to run under it. In a plain
 * browser (`npm run web`) there is no bridge and nothing to ask.
 */

/** What enrolling has to do about the desktop shell's policy. */
export type SyncServerPermission =
  /** No desktop shell (or an older one without the method): connect right away. */
  | { kind: 'not-needed' }
  /** The current page may already connect to it. */
  | { kind: 'allowed' }
  /** Allowed from now on; this page still runs under the old policy and must reload first. */
  | { kind: 'reload-required' }
  /** The person at the desk said no in the shell's dialog. */
  | { kind: 'declined' }
  /** The shell refused the address (its message says why). */
  | { kind: 'refused'; message: string };

/**
 * Asks the desktop shell to let the page connect to `serverUrl`'s origin.
 *
 * @example await allowSyncServerInShell('https://sync.clinic.example/timedesk') // { kind: 'reload-required' } after the person allowed it
 */
export async function allowSyncServerInShell(serverUrl: string, bridge: TimedeskBridge | undefined = desktopBridge()): Promise<SyncServerPermission> {
  if (!bridge || typeof bridge.allowSyncServer !== 'function') return { kind: 'not-needed' };
  const result = await bridge.allowSyncServer(new URL(serverUrl).origin);
  if (result.outcome === 'declined') return { kind: 'declined' };
  if (result.outcome === 'refused') return { kind: 'refused', message: result.problem.message };
  return result.reloadRequired ? { kind: 'reload-required' } : { kind: 'allowed' };
}
