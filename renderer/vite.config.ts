import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The front-desk app. `root` is this folder so index.html sits beside the
 * code; the build goes to dist/renderer with relative asset paths because
 * Electron loads it from app://, not from a web root. Vite puts the entry in
 * an external module script, so the build honours the desktop CSP
 * (`script-src 'self'`, no inline scripts).
 *
 * @example npx vite --config renderer/vite.config.ts --port 5174
 */
/**
 * Under e2e (TIMEDESK_E2E=1) the server neither watches files nor pushes
 * updates: engineers edit the tree while tests run, and a hot reload would
 * drop the signed-in session in the middle of a journey.
 */
const frozen = process.env['TIMEDESK_E2E'] === '1';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Its own pre-bundle cache: the e2e IndexedDB harness's server starts at the same moment from the
  // same package, and with the shared default (node_modules/.vite) each overwrote the other's
  // bundles, so the app's React answered 504 "Outdated Optimize Dep" and the page stayed blank.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Every `import … from 'zod'` (core/ too) goes through app/zod-jitless.ts, which turns off zod's eval
  // before any schema is built, whichever chunk holds it (see that module).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./app/zod-jitless.ts', import.meta.url)) }] },
  // Audit entries name the app version that wrote them.
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline data: URLs either; the CSP's img-src/font-src are 'self'.
    assetsInlineLimit: 0,
    // The libraries every screen needs in chunks of their own (they change less often than our code), so
    // no chunk goes past Vite's 500 kB warning; the reports' uPlot stays in the lazily loaded reports chunk.
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]/ },
            { name: 'engine-libraries', test: /node_modules[\\/](dexie|luxon|rrule|zod|canonicalize|@noble)[\\/]/ },
            // The Spanish and French words (every desk carries all three languages, switched at sign-in).
            { name: 'translations', test: /renderer[\\/]i18n[\\/](es|fr)[\\/]/ },
          ],
        },
      },
    },
  },
  // Pre-bundle every dependency the app reaches (through core/ too) when the
  // server starts, so the first page load never triggers a mid-test re-bundle and reload.
  optimizeDeps: {
    include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', 'zustand', 'dexie', 'zod', 'luxon', 'rrule', 'canonicalize', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    ...(frozen ? { watch: null, hmr: false } : {}),
  },
  preview: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
  },
});
