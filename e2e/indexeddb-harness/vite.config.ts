import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * A bare page that loads core/db and core/commands in Chromium, so
 * e2e/indexeddb.spec.ts can run the store on real IndexedDB.
 *
 * @example npx vite --config e2e/indexeddb-harness/vite.config.ts
 */
export const harnessPort = Number(process.env.TIMEDESK_IDB_HARNESS_PORT ?? 5175);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Not the renderer's cache: both servers start together under Playwright (see renderer/vite.config.ts).
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/indexeddb-harness', import.meta.url)),
  server: {
    host: '127.0.0.1',
    port: harnessPort,
    strictPort: true,
    // The page imports core/ from two folders up.
    fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] },
  },
});
