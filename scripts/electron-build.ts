/**
 * Bundles the Electron main process and preload into CommonJS files:
 * dist/electron/main.cjs and dist/electron/preload.cjs.
 *
 * Why bundle: a sandboxed preload cannot `require` our modules or zod (only a
 * handful of Electron modules), and a bundled main needs no runtime
 * node_modules, so the packaged app ships none. Run with `npm run build:electron`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BuildOptions, Metafile } from 'esbuild';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 runs Node 22 in main and Chromium 140 in the preload. */
const shared: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/** Where the two bundles were written, plus esbuild's metafiles for inspection. */
export interface ElectronBuildResult {
  mainPath: string;
  preloadPath: string;
  metafiles: { main: Metafile; preload: Metafile };
}

/**
 * Builds both bundles into `outDir` (default dist/electron).
 *
 * @example await buildElectron({ outDir: '/tmp/td-electron' }) // { mainPath: '/tmp/td-electron/main.cjs', … }
 */
export async function buildElectron(options: { outDir?: string } = {}): Promise<ElectronBuildResult> {
  const outDir = options.outDir ?? path.join(repositoryRoot, 'dist', 'electron');
  const mainPath = path.join(outDir, 'main.cjs');
  const preloadPath = path.join(outDir, 'preload.cjs');
  const [main, preload] = await Promise.all([
    build({ ...shared, entryPoints: [path.join(repositoryRoot, 'electron', 'main.ts')], outfile: mainPath }),
    build({ ...shared, entryPoints: [path.join(repositoryRoot, 'electron', 'preload.ts')], outfile: preloadPath }),
  ]);
  if (!main.metafile || !preload.metafile) throw new Error('esbuild returned no metafile');
  return { mainPath, preloadPath, metafiles: { main: main.metafile, preload: preload.metafile } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const result = await buildElectron();
  console.log(`electron bundles: ${path.relative(repositoryRoot, result.mainPath)}, ${path.relative(repositoryRoot, result.preloadPath)} (${Math.round(performance.now() - started)} ms)`);
}
