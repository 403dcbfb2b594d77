/**
 * The Content-Security-Policy main sends with every app:// response. Scripts
 * and styles come only from the app itself (no inline script, no eval); the
 * only network peer is the configured sync server's origin.
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Dot-separated labels of letters, digits and inner hyphens (IDNA output, IPv4), or an IPv6 literal in brackets. */
const hostPattern = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * Longest origin accepted: a DNS name is at most 253 characters, plus the
 * scheme and a port. Anything longer is not a server a desk can reach.
 */
export const maxOriginLength = 300;

/**
 * Reduces a configured sync endpoint to the origin CSP may name, or refuses it.
 * https is required, except plain http on a loopback host (a sync server
 * running on the same machine for development and tests). Paths, queries and
 * fragments are dropped because CSP source expressions are per origin here;
 * credentials in the URL, other schemes (`javascript:`, `file:`, `data:`) and
 * anything the URL parser rejects are refused with a reason.
 *
 * @example syncEndpointOrigin('https://sync.clinic.example/api/v1?x=1') // { ok: true, origin: 'https://sync.clinic.example' }
 * @example syncEndpointOrigin('javascript:alert(1)').ok // false
 */
export function syncEndpointOrigin(endpoint: string): { ok: true; origin: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL' };
  const isLoopbackHttp = url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !isLoopbackHttp) {
    return { ok: false, reason: `scheme ${url.protocol} is not allowed (https, or http on localhost)` };
  }
  // The URL parser keeps `*`, `;`, `'` and `,` in a host (`https://*.example`
  // parses), which in a CSP source would be a wildcard or a second directive:
  // only DNS names (after IDNA), IPv4 and bracketed IPv6 get through.
  if (!hostPattern.test(url.hostname)) return { ok: false, reason: `host ${url.hostname} is not a plain host name or IP address` };
  if (url.origin.length > maxOriginLength) return { ok: false, reason: `origin longer than ${maxOriginLength} characters` };
  return { ok: true, origin: url.origin };
}

/** Options for {@link buildContentSecurityPolicy}. */
export interface ContentSecurityPolicyOptions {
  /** The sync server URL from the desktop config; undefined when sync is off. */
  syncEndpoint?: string | undefined;
}

/**
 * The policy as an ordered list of [directive, sources]. `connect-src` lists
 * 'self' plus the sync origin when one is configured and valid; an invalid
 * endpoint adds nothing (sync then fails closed, visibly, instead of the
 * policy opening up).
 *
 * @example contentSecurityPolicyDirectives({ syncEndpoint: 'https://sync.example' }).get('connect-src') // ["'self'", 'https://sync.example']
 */
export function contentSecurityPolicyDirectives(options: ContentSecurityPolicyOptions = {}): Map<string, string[]> {
  const connectSources = ["'self'"];
  if (options.syncEndpoint !== undefined) {
    const sync = syncEndpointOrigin(options.syncEndpoint);
    if (sync.ok) connectSources.push(sync.origin);
  }
  return new Map<string, string[]>([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', connectSources],
    ['worker-src', ["'self'"]],
    ['media-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ]);
}

/**
 * The header value, e.g. `default-src 'self'; script-src 'self'; … form-action 'none'`.
 *
 * @example buildContentSecurityPolicy().includes("script-src 'self';") // true
 */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  return [...contentSecurityPolicyDirectives(options)].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Splits a policy header back into directives (lower-cased names), for tests
 * and for checking a policy someone else built.
 *
 * @example parseContentSecurityPolicy("default-src 'self'; object-src 'none'").get('object-src') // ["'none'"]
 */
export function parseContentSecurityPolicy(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    // Per CSP3 the first occurrence of a directive wins; later ones are ignored.
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}
