import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppUrl, lookupAppAsset, mimeTypeFor, resolveAppPath } from './app-protocol';

const root = path.resolve('/srv/timedesk/renderer');

describe('resolveAppPath maps app://timedesk URLs into the renderer folder', () => {
  it('serves index.html for the root and for directory URLs', () => {
    expect(resolveAppPath('app://timedesk/', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://timedesk', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://timedesk/assets/', root)).toEqual({ ok: true, filePath: path.join(root, 'assets', 'index.html') });
  });

  it('maps nested assets and decodes ordinary escapes', () => {
    expect(resolveAppPath('app://timedesk/assets/index-3f2a.js', root)).toEqual({ ok: true, filePath: path.join(root, 'assets', 'index-3f2a.js') });
    expect(resolveAppPath('app://timedesk/fonts/Open%20Sans.woff2?v=2#x', root)).toEqual({ ok: true, filePath: path.join(root, 'fonts', 'Open Sans.woff2') });
  });

  it.each([
    ['plain dots', 'app://timedesk/../../etc/passwd'],
    ['encoded dots', 'app://timedesk/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://timedesk/%2E%2E/%2e%2E/etc/passwd'],
  ])('folds %s at the root (the URL parser resolves them), so the path stays inside it', (_name, url) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: true, filePath: path.join(root, 'etc', 'passwd') });
  });

  it.each([
    ['an encoded slash inside a segment', 'app://timedesk/assets/..%2f..%2f..%2fetc%2fpasswd', 'separator inside a segment'],
    ['an encoded backslash inside a segment', 'app://timedesk/..%5c..%5cwindows%5cwin.ini', 'separator inside a segment'],
    ['an encoded NUL', 'app://timedesk/index.html%00.png', 'separator inside a segment'],
    ['a drive letter', 'app://timedesk/C:/Windows/win.ini', 'drive letter'],
    ['malformed escapes', 'app://timedesk/%E0%A4%A', 'malformed percent-encoding'],
  ])('refuses %s', (_name, url, reason) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: false, reason });
  });

  it('decodes only once: double-encoded dots stay a literal (harmless) file name inside the root', () => {
    expect(resolveAppPath('app://timedesk/%252e%252e/x', root)).toEqual({ ok: true, filePath: path.join(root, '%2e%2e', 'x') });
  });

  it('refuses other hosts, schemes and credentials', () => {
    expect(resolveAppPath('app://elsewhere/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('app://timedesk.evil.example/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('app://user:pw@timedesk/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('https://timedesk/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppPath('/etc/passwd', root)).toMatchObject({ ok: false, reason: 'not a URL' });
  });

  it('treats an absolute path in the URL as relative to the root', () => {
    expect(resolveAppPath('app://timedesk//etc/passwd', root)).toEqual({ ok: true, filePath: path.join(root, 'etc', 'passwd') });
  });
});

describe('lookupAppAsset reads the disk safely', () => {
  let base: string;
  let rendererRoot: string;
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'td-app-protocol-'));
    rendererRoot = path.join(base, 'renderer');
    mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    symlinkSync(path.join(base, 'secret.txt'), path.join(rendererRoot, 'assets', 'leak.txt'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('returns existing files with their MIME type', async () => {
    expect(await lookupAppAsset('app://timedesk/assets/app.js', rendererRoot)).toMatchObject({ kind: 'file', mimeType: 'text/javascript; charset=utf-8' });
    expect(await lookupAppAsset('app://timedesk/', rendererRoot)).toMatchObject({ kind: 'file', mimeType: 'text/html; charset=utf-8' });
  });

  it('refuses a symlink that points outside the renderer folder', async () => {
    expect(await lookupAppAsset('app://timedesk/assets/leak.txt', rendererRoot)).toMatchObject({ kind: 'forbidden' });
  });

  it('answers not-found for missing files, and index.html for extension-less deep links', async () => {
    expect(await lookupAppAsset('app://timedesk/assets/missing.js', rendererRoot)).toEqual({ kind: 'not-found' });
    expect(await lookupAppAsset('app://timedesk/day/2026-11-25', rendererRoot)).toMatchObject({ kind: 'file', filePath: expect.stringMatching(/index\.html$/) });
    expect(await lookupAppAsset('app://timedesk/', path.join(base, 'no-such-renderer'))).toEqual({ kind: 'not-found' });
  });

  it('forbids traversal before touching the disk', async () => {
    expect(await lookupAppAsset('app://timedesk/assets/..%2f..%2fsecret.txt', rendererRoot)).toMatchObject({ kind: 'forbidden' });
  });
});

describe('isAppUrl and mimeTypeFor', () => {
  it('compares scheme and host, not Node’s opaque origin', () => {
    expect(new URL('app://timedesk/').origin).toBe('null');
    expect(isAppUrl('app://timedesk/index.html')).toBe(true);
    expect(isAppUrl('app://timedesk')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://timedesk:8080/')).toBe(false);
    expect(isAppUrl('http://timedesk/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('sends unknown types as opaque bytes', () => {
    expect(mimeTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/b.exe')).toBe('application/octet-stream');
  });
});
