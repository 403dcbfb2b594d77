import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { syncDbPath, syncServerPort } from './e2e/pages/sync-server';

/**
 * `npx playwright install` cannot download browsers here, so tests use the
 * system Chromium: CHROMIUM_PATH wins, then Debian's /usr/bin/chromium, and
 * otherwise Playwright's own browser where one is installed.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const webPort = Number(process.env.TIMEDESK_E2E_PORT ?? 5174);
const idbHarnessPort = Number(process.env.TIMEDESK_IDB_HARNESS_PORT ?? 5175);
const e2eBuild = new URL('./dist/e2e-renderer', import.meta.url).pathname;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two workers: the suite (42 specs) ran clean in parallel on the 2-core CI machine, and one worker no longer fits its 15 minutes.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  webServer: [
    // The renderer's production build in a browser (`vite preview`) on the e2e port; each test gets a fresh
    // context, so a fresh IndexedDB. Built once per run: a page loads a few chunks instead of the dev server's
    // hundreds of modules, which halved each test's time on the 2-core CI machine (the suite had grown past
    // 15 minutes there), and it is the code that ships, under the same zod/CSP set-up as the desktop app.
    {
      command: `npx vite build --config renderer/vite.config.ts --outDir "${e2eBuild}" --emptyOutDir --logLevel warn && npx vite preview --config renderer/vite.config.ts --outDir "${e2eBuild}" --port ${webPort}`,
      url: `http://127.0.0.1:${webPort}`,
      // No file watching or hot reload while tests run (see renderer/vite.config.ts).
      env: { TIMEDESK_E2E: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    // A bare page running core/db + core/commands on real IndexedDB (e2e/indexeddb.spec.ts).
    {
      command: `npx vite --config e2e/indexeddb-harness/vite.config.ts --port ${idbHarnessPort}`,
      url: `http://127.0.0.1:${idbHarnessPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    // The sync server (e2e/sync.spec.ts) on its own port with a fresh SQLite file in the temp folder, never server/data/.
    {
      command: `rm -f "${syncDbPath}" "${syncDbPath}-wal" "${syncDbPath}-shm" && npm run server`,
      url: `http://127.0.0.1:${syncServerPort}/v1/health`,
      env: { PORT: String(syncServerPort), TIMEDESK_DB_PATH: syncDbPath, LOG_LEVEL: 'warn' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'America/New_York',
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: systemChromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
