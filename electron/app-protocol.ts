import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The renderer is served from `app://timedesk/…`, never from file://: a custom
 * standard scheme gives the page a real origin (IndexedDB, CSP 'self') and
 * lets main decide byte by byte what the page can load.
 */

/** Scheme registered with `protocol.registerSchemesAsPrivileged` before app ready. */
export const appScheme = 'app';
/** The one host the protocol answers; any other host is refused. */
export const appHost = 'timedesk';
/** Origin of the renderer, e.g. for sender and navigation checks. */
export const appOrigin = `${appScheme}://${appHost}`;
/** The URL the window loads at start. */
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Whether a URL belongs to the app. Compared by scheme and host, not
 * `url.origin`: Node's URL parser gives custom schemes an opaque origin
 * (`'null'`), while Chromium treats app: as a standard scheme.
 *
 * @example isAppUrl('app://timedesk/index.html') // true
 * @example isAppUrl('app://evil/index.html') // false
 */
export function isAppUrl(rawUrl: string | URL): boolean {
  let url: URL;
  try {
    url = typeof rawUrl === 'string' ? new URL(rawUrl) : rawUrl;
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '';
}

/** How the protocol handler should answer one request. */
export type AppAssetLookup =
  | { kind: 'file'; filePath: string; mimeType: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; reason: string };

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * The Content-Type for a served file; unknown extensions are sent as opaque
 * bytes (with `nosniff`, so the page cannot run them as script).
 *
 * @example mimeTypeFor('/r/assets/index-3f2a.js') // 'text/javascript; charset=utf-8'
 */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Turns an `app://timedesk/…` URL into a path inside `rootDir`, or refuses it.
 * Pure: no file system access (see {@link lookupAppAsset} for that).
 *
 * Refused: another scheme or host, a segment that decodes to `..`, `.`, a
 * slash, a backslash, NUL or a drive letter (`%2e%2e`, `..%2f`, `C:`), and
 * anything whose joined path leaves `rootDir`. `/` and directory URLs map to
 * `index.html`.
 *
 * @example resolveAppPath('app://timedesk/assets/app.js', '/opt/timedesk/renderer') // { ok: true, filePath: '/opt/timedesk/renderer/assets/app.js' }
 * @example resolveAppPath('app://timedesk/%2e%2e/%2e%2e/etc/passwd', '/r').ok // false
 */
export function resolveAppPath(requestUrl: string, rootDir: string): { ok: true; filePath: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${appScheme}:`) return { ok: false, reason: `scheme ${url.protocol} is not served` };
  if (url.host !== appHost) return { ok: false, reason: `host "${url.host}" is not served` };
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };

  // Look at the raw path too: the URL parser already folds plain `..`, but the
  // decoded segments below are what reaches the file system.
  const rawSegments = url.pathname.split('/').filter((segment) => segment !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding' };
    }
    if (segment === '..' || segment === '.') return { ok: false, reason: 'dot segment' };
    if (/[/\\\0]/.test(segment)) return { ok: false, reason: 'separator inside a segment' };
    if (/^[A-Za-z]:/.test(segment)) return { ok: false, reason: 'drive letter' };
    segments.push(segment);
  }
  if (segments.length === 0 || url.pathname.endsWith('/')) segments.push('index.html');

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, reason: 'outside the renderer folder' };
  }
  return { ok: true, filePath };
}

/**
 * Resolves a request against the files on disk: follows symlinks and refuses
 * any that point outside `rootDir`, answers `not-found` for missing files and
 * directories, and falls back to `index.html` for extension-less paths so a
 * history-API router can deep-link (`app://timedesk/day/2026-11-25`).
 *
 * @example await lookupAppAsset('app://timedesk/', '/opt/timedesk/renderer') // { kind: 'file', filePath: '/opt/timedesk/renderer/index.html', mimeType: 'text/html; charset=utf-8' }
 */
export async function lookupAppAsset(requestUrl: string, rootDir: string): Promise<AppAssetLookup> {
  const resolved = resolveAppPath(requestUrl, rootDir);
  if (!resolved.ok) return { kind: 'forbidden', reason: resolved.reason };

  let realRoot: string;
  try {
    realRoot = await realpath(path.resolve(rootDir));
  } catch {
    return { kind: 'not-found' };
  }
  const candidates = [resolved.filePath];
  if (path.extname(resolved.filePath) === '') candidates.push(path.join(path.resolve(rootDir), 'index.html'));

  for (const candidate of candidates) {
    let realFile: string;
    try {
      realFile = await realpath(candidate);
    } catch {
      continue;
    }
    const relative = path.relative(realRoot, realFile);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'forbidden', reason: 'symlink leaves the renderer folder' };
    const info = await stat(realFile);
    if (!info.isFile()) continue;
    return { kind: 'file', filePath: realFile, mimeType: mimeTypeFor(realFile) };
  }
  return { kind: 'not-found' };
}
