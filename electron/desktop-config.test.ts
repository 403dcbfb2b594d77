import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopConfigFileName, loadDesktopConfig, parseDesktopConfig, saveDesktopConfig } from './desktop-config';

describe('parseDesktopConfig', () => {
  it('keeps only the origin of the sync endpoint', () => {
    expect(parseDesktopConfig('{"syncEndpoint":"https://sync.clinic.example/v1/"}')).toEqual({ config: { syncEndpoint: 'https://sync.clinic.example' }, warnings: [] });
  });

  it('runs without sync, silently, when there is no file or no endpoint', () => {
    expect(parseDesktopConfig(undefined)).toEqual({ config: {}, warnings: [] });
    expect(parseDesktopConfig('{}')).toEqual({ config: {}, warnings: [] });
  });

  it.each([
    ['bad JSON', '{', 'not valid JSON'],
    ['a wrong type', '{"syncEndpoint":42}', 'wrong shape'],
    ['a javascript: endpoint', '{"syncEndpoint":"javascript:alert(1)"}', 'syncEndpoint refused'],
    ['plain http to a remote host', '{"syncEndpoint":"http://sync.clinic.example"}', 'syncEndpoint refused'],
  ])('turns sync off with a warning for %s', (_name, text, warning) => {
    const { config, warnings } = parseDesktopConfig(text);
    expect(config).toEqual({});
    expect(warnings).toEqual([expect.stringContaining(warning)]);
  });

  it('loads from the userData folder', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'td-config-'));
    try {
      expect(await loadDesktopConfig(userData)).toEqual({ config: {}, warnings: [] });
      writeFileSync(path.join(userData, desktopConfigFileName), '{"syncEndpoint":"http://127.0.0.1:8787/sync"}');
      expect(await loadDesktopConfig(userData)).toEqual({ config: { syncEndpoint: 'http://127.0.0.1:8787' }, warnings: [] });
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });

  it('saves what it loads back, atomically, leaving no temp file', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'td-config-'));
    try {
      await saveDesktopConfig(userData, { syncEndpoint: 'https://sync.clinic.example:8443' });
      expect(await loadDesktopConfig(userData)).toEqual({ config: { syncEndpoint: 'https://sync.clinic.example:8443' }, warnings: [] });
      await saveDesktopConfig(userData, {});
      expect(JSON.parse(readFileSync(path.join(userData, desktopConfigFileName), 'utf8'))).toEqual({});
      expect(readdirSync(userData)).toEqual([desktopConfigFileName]);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
