import { isAppUrl } from './app-protocol';

/**
 * Decisions for `will-navigate`, `will-redirect`, `setWindowOpenHandler` and
 * the `openExternal` bridge call. The window only ever shows app://timedesk;
 * everything else is refused, and only https links may leave for the system
 * browser, and only after the user says yes.
 */

/** What to do with a URL the page tried to reach. */
export type NavigationDecision =
  | { action: 'allow-in-app' }
  | { action: 'ask-to-open-externally'; url: string }
  | { action: 'refuse'; reason: string };

/**
 * Whether a URL may be opened in the system browser, once the user confirms:
 * https with a host and no embedded credentials. `javascript:`, `file:`,
 * `http:`, `data:`, custom schemes and unparsable strings never are.
 *
 * @example externalLinkDecision('https://example.org/help') // { action: 'ask-to-open-externally', url: 'https://example.org/help' }
 * @example externalLinkDecision('file:///etc/passwd').action // 'refuse'
 */
export function externalLinkDecision(rawUrl: string): NavigationDecision {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { action: 'refuse', reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') return { action: 'refuse', reason: `scheme ${url.protocol} is never opened` };
  if (url.hostname === '') return { action: 'refuse', reason: 'no host' };
  if (url.username || url.password) return { action: 'refuse', reason: 'credentials in the URL' };
  // Hand the browser the parser's serialisation, not the page's raw string.
  return { action: 'ask-to-open-externally', url: url.href };
}

/**
 * For `will-navigate` / `will-redirect`: stay in the app only for the app's own
 * origin (a reload or an in-app full navigation); an https link becomes a
 * question to the user; anything else is refused. The caller always calls
 * `event.preventDefault()` unless the action is `allow-in-app`.
 *
 * @example navigationDecision('app://timedesk/index.html') // { action: 'allow-in-app' }
 * @example navigationDecision('app://elsewhere/index.html').action // 'refuse'
 */
export function navigationDecision(rawUrl: string): NavigationDecision {
  if (isAppUrl(rawUrl)) return { action: 'allow-in-app' };
  return externalLinkDecision(rawUrl);
}

/**
 * For `setWindowOpenHandler`: a new Electron window is never created; https
 * links may go to the system browser after confirmation.
 *
 * @example windowOpenDecision('app://timedesk/print.html').action // 'refuse'
 */
export function windowOpenDecision(rawUrl: string): NavigationDecision {
  return externalLinkDecision(rawUrl);
}

/** The two side effects of leaving for the browser, injected so tests need no Electron. */
export interface ExternalOpener {
  /** Shows the question to the user; resolves true only on an explicit yes. */
  confirm(url: string): Promise<boolean>;
  /** `shell.openExternal` in the app. */
  openExternal(url: string): Promise<void>;
}

/**
 * Runs a decision to its end: refuse, or ask and open only on yes.
 *
 * @example await openExternallyAfterConfirmation('https://example.org', { confirm: async () => false, openExternal }) // 'declined'
 */
export async function openExternallyAfterConfirmation(rawUrl: string, opener: ExternalOpener): Promise<'opened' | 'declined' | 'refused'> {
  const decision = externalLinkDecision(rawUrl);
  if (decision.action !== 'ask-to-open-externally') return 'refused';
  if (!(await opener.confirm(decision.url))) return 'declined';
  await opener.openExternal(decision.url); // eng-disable OPEN_EXTERNAL_JS_CHECK: this is the guard: https-only (externalLinkDecision) and only after confirm() said yes
  return 'opened';
}
