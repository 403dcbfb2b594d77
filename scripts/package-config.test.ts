import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The release settings the packaging test cannot exercise against a stand-in
 * Electron (fuses are patched into the real binary; dmg/NSIS need their OS),
 * checked as configuration. js-yaml is the parser electron-builder itself uses.
 */
const require = createRequire(import.meta.url);
const yaml = createRequire(require.resolve('app-builder-lib'))('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.resolve(import.meta.dirname, '..', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(config).toMatchObject({ appId: 'app.timedesk.desktop', productName: 'Timedesk', asar: true, publish: null });
  });

  it('flips every release fuse the security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs dist/ and package.json only, never node_modules, and does not rebuild native server modules', () => {
    const files = config.files as string[];
    expect(files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['!node_modules/**', '!**/*.map', '!**/*.ts', '!**/*.test.*', '!**/.env*']));
    expect(config).toMatchObject({ npmRebuild: false, nodeGypRebuild: false });
  });

  it('targets AppImage + deb, a per-machine NSIS installer with a folder choice, and x64 + arm64 hardened dmg', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], icon: 'build/icon.png' });
    expect(config.win).toMatchObject({ target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icon.ico' });
    expect(config.nsis).toEqual({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true });
    expect(config.mac).toMatchObject({ target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], hardenedRuntime: true });
  });
});
