/**
 * The renderer as users get it: a production build (React's production
 * bundle, minified, as Electron loads it), served by `vite preview`. Built
 * into a temporary folder each run, never into dist/, which other builds
 * and tests use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

/** A running preview server and how to stop it. */
export interface RendererServer {
  url: string;
  buildSeconds: number;
  close(): Promise<void>;
}

/**
 * A TCP port nobody on 127.0.0.1 listens on right now (the system picks it),
 * so benchmarks of several engineers on one machine never collide.
 *
 * @example const port = Number(process.env.TIMEDESK_BENCH_PORT ?? (await freePort()));
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The port a benchmark serves on: TIMEDESK_BENCH_PORT when set, otherwise a free one.
 *
 * @example const port = await benchPort();
 */
export async function benchPort(): Promise<number> {
  return process.env.TIMEDESK_BENCH_PORT ? Number(process.env.TIMEDESK_BENCH_PORT) : freePort();
}

/**
 * Builds the renderer into a temporary folder and serves it on
 * 127.0.0.1:`port`; `close()` stops the server and removes the folder.
 * `minify: false` keeps function names readable in a CPU profile.
 *
 * @example const server = await serveRendererBuild(await benchPort()); … await server.close();
 */
export async function serveRendererBuild(port: number, options: { minify?: boolean } = {}): Promise<RendererServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'timedesk-bench-renderer-'));
  const started = performance.now();
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(options.minify === false ? { minify: false } : {}) } });
  const buildSeconds = (performance.now() - started) / 1000;
  const server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return {
    url: `http://127.0.0.1:${port}/`,
    buildSeconds,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * An in-page entry (bench/front-desk/in-page.ts unless named) and the core/
 * code it imports as one classic script, to add to each page before the
 * app's own scripts.
 *
 * @example await context.addInitScript({ content: await inPageScript() });
 */
export async function inPageScript(entry = new URL('./in-page.ts', import.meta.url)): Promise<string> {
  const result = await bundle({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote nothing for in-page.ts');
  return output.text;
}
