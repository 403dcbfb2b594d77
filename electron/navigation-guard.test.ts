import { describe, expect, it, vi } from 'vitest';
import { externalLinkDecision, navigationDecision, openExternallyAfterConfirmation, windowOpenDecision } from './navigation-guard';

describe('navigationDecision (will-navigate, will-redirect)', () => {
  it('stays in the app only for app://timedesk', () => {
    expect(navigationDecision('app://timedesk/index.html')).toEqual({ action: 'allow-in-app' });
    expect(navigationDecision('app://timedesk/day/2026-11-25#top')).toEqual({ action: 'allow-in-app' });
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(document.domain)'],
    ['file:///etc/passwd', 'file:///etc/passwd'],
    ['another app:// host', 'app://evil/index.html'],
    ['app:// with credentials', 'app://user:pw@timedesk/index.html'],
    ['an http:// link', 'http://example.org/'],
    ['http://localhost (a dev server)', 'http://localhost:5173/'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(navigationDecision(url)).toMatchObject({ action: 'refuse' });
  });

  it('turns navigation to another https origin into a question, never an in-app load', () => {
    expect(navigationDecision('https://evil.example/phish')).toEqual({ action: 'ask-to-open-externally', url: 'https://evil.example/phish' });
  });
});

describe('windowOpenDecision (setWindowOpenHandler)', () => {
  it('never opens an Electron window, even for the app itself', () => {
    expect(windowOpenDecision('app://timedesk/index.html')).toMatchObject({ action: 'refuse' });
    expect(windowOpenDecision('about:blank')).toMatchObject({ action: 'refuse' });
    expect(windowOpenDecision('javascript:void(0)')).toMatchObject({ action: 'refuse' });
  });

  it('offers https links to the system browser', () => {
    expect(windowOpenDecision('https://example.org/help')).toEqual({ action: 'ask-to-open-externally', url: 'https://example.org/help' });
  });
});

describe('externalLinkDecision', () => {
  it('hands on the parser’s serialisation, not the raw string', () => {
    expect(externalLinkDecision('HTTPS://Example.ORG/a b')).toEqual({ action: 'ask-to-open-externally', url: 'https://example.org/a%20b' });
  });

  it('refuses https URLs carrying credentials', () => {
    expect(externalLinkDecision('https://admin:secret@example.org/')).toMatchObject({ action: 'refuse' });
  });
});

describe('openExternallyAfterConfirmation', () => {
  it('does not open https://evil.example without the user’s yes', async () => {
    const openExternal = vi.fn(async () => {});
    const confirm = vi.fn(async () => false);
    expect(await openExternallyAfterConfirmation('https://evil.example/', { confirm, openExternal })).toBe('declined');
    expect(confirm).toHaveBeenCalledWith('https://evil.example/');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens after a yes', async () => {
    const openExternal = vi.fn(async () => {});
    expect(await openExternallyAfterConfirmation('https://example.org/help', { confirm: async () => true, openExternal })).toBe('opened');
    expect(openExternal).toHaveBeenCalledWith('https://example.org/help');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://example.org/', 'smb://host/share', 'app://timedesk/'])(
    'never asks about, nor opens, %s',
    async (url) => {
      const openExternal = vi.fn(async () => {});
      const confirm = vi.fn(async () => true);
      expect(await openExternallyAfterConfirmation(url, { confirm, openExternal })).toBe('refused');
      expect(confirm).not.toHaveBeenCalled();
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
});
