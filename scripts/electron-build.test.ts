import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from './electron-build';
import type { ElectronBuildResult } from './electron-build';

/** Every `require("…")` left in a bundle: what the runtime must provide. */
function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1] ?? ''))].sort();
}

describe('electron bundles', () => {
  let outDir: string;
  let result: ElectronBuildResult;
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'td-electron-build-'));
    result = await buildElectron({ outDir });
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes main.cjs and preload.cjs', () => {
    expect(result.mainPath).toBe(path.join(outDir, 'main.cjs'));
    expect(result.preloadPath).toBe(path.join(outDir, 'preload.cjs'));
  });

  it('leaves the sandboxed preload requiring nothing but electron (zod and our modules are inlined or absent)', () => {
    const preload = readFileSync(result.preloadPath, 'utf8');
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).toContain('timedesk:save-file');
    expect(preload).not.toMatch(/\bimport\s+[{*\w]/);
    // The preload carries channel names only, not zod.
    expect(Object.keys(result.metafiles.preload.inputs).some((input) => input.includes('node_modules/zod'))).toBe(false);
  });

  it('leaves main requiring only electron and Node built-ins, so the app needs no node_modules at run time', () => {
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const main = readFileSync(result.mainPath, 'utf8');
    const outside = requiredModules(main).filter((name) => !allowed.has(name));
    expect(outside).toEqual([]);
    expect(requiredModules(main)).toContain('electron');
  });

  it('bundles no server-side package into main', () => {
    const inputs = Object.keys(result.metafiles.main.inputs);
    for (const serverPackage of ['fastify', 'better-sqlite3', 'pg', 'react', 'dexie']) {
      expect(inputs.filter((input) => input.includes(`node_modules/${serverPackage}/`)), serverPackage).toEqual([]);
    }
    expect(inputs.some((input) => input.endsWith('electron/main.ts'))).toBe(true);
  });
});
