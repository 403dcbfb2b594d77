import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from './electron-build';
import { packageUnpacked } from './package-dir';

/**
 * Packages the app with the real electron-builder.yml, offline, and inspects
 * resources/app.asar. Electron itself is a stand-in (electronDist pointing at
 * a folder with a dummy executable), so fuses are off for this run only; the
 * fuse table and the OS-specific targets are checked as configuration in
 * package-config.test.ts. ~4 s on the CI machine.
 *
 * The staging project has decoys next to dist/ (sources, tests, maps, .env)
 * and the repository's real node_modules, whose server packages (fastify, pg,
 * better-sqlite3) electron-builder would pack without our `files` exclusions.
 */
const repositoryRoot = path.resolve(import.meta.dirname, '..');
const realRenderer = path.join(repositoryRoot, 'dist', 'renderer');
const rendererSource = existsSync(path.join(realRenderer, 'index.html')) ? realRenderer : path.join(repositoryRoot, 'electron', 'fixtures', 'renderer');

describe.skipIf(process.platform !== 'linux')('packaged app contents (Linux dir target against a stand-in Electron)', () => {
  let staging: string;
  let files: string[];
  let unpacked: string;

  beforeAll(async () => {
    staging = mkdtempSync(path.join(tmpdir(), 'td-package-'));
    for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(path.join(repositoryRoot, file), path.join(staging, file));
    cpSync(path.join(repositoryRoot, 'build'), path.join(staging, 'build'), { recursive: true });
    symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
    await buildElectron({ outDir: path.join(staging, 'dist', 'electron') });
    cpSync(rendererSource, path.join(staging, 'dist', 'renderer'), { recursive: true });

    // Decoys that must not be packed.
    mkdirSync(path.join(staging, 'electron'), { recursive: true });
    cpSync(path.join(repositoryRoot, 'electron', 'main.ts'), path.join(staging, 'electron', 'main.ts'));
    cpSync(path.join(repositoryRoot, 'electron', 'main.ts'), path.join(staging, 'dist', 'electron', 'main.ts'));
    writeFileSync(path.join(staging, 'dist', 'electron', 'main.cjs.map'), '{}');
    writeFileSync(path.join(staging, 'dist', 'renderer', 'index.test.ts'), 'export {};');
    writeFileSync(path.join(staging, 'dist', 'renderer', 'app.js.map'), '{}');
    writeFileSync(path.join(staging, '.env'), 'SYNC_TOKEN=secret');
    writeFileSync(path.join(staging, 'dist', '.env.local'), 'SYNC_TOKEN=secret');

    const fakeElectron = path.join(staging, 'fake-electron');
    mkdirSync(path.join(fakeElectron, 'resources'), { recursive: true });
    writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
    chmodSync(path.join(fakeElectron, 'electron'), 0o755);
    writeFileSync(path.join(fakeElectron, 'LICENSE'), 'MIT');
    writeFileSync(path.join(fakeElectron, 'LICENSES.chromium.html'), '<html></html>');
    writeFileSync(path.join(fakeElectron, 'version'), '45.4.1');

    unpacked = await packageUnpacked({ projectDir: staging, electronDist: fakeElectron, outputDir: path.join(staging, 'release'), flipFuses: false });
    files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  }, 180_000);

  afterAll(() => {
    if (staging) rmSync(staging, { recursive: true, force: true });
  });

  it('packs main, preload, the renderer and package.json into app.asar', () => {
    expect(files).toEqual(expect.arrayContaining(['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json']));
  });

  it('packs no sources, tests, source maps or env files', () => {
    expect(files.filter((file) => /\.tsx?$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.test\./.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /(^|\/)\.env/.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('/electron/') || file.startsWith('/build/') || file.startsWith('/release/'))).toEqual([]);
  });

  it('packs no node_modules at all (the bundles need none), so no fastify, pg or better-sqlite3', () => {
    expect(files.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false);
  });

  it('names the executable after the product and ships the app as an asar only', () => {
    expect(existsSync(path.join(unpacked, 'timedesk'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources', 'app'))).toBe(false);
  });
});
