import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { build } from 'vite';
import { bridgeMethodNames } from '../electron/bridge-channels';
import { windowStateFileName } from '../electron/window-state';
import { buildElectron } from '../scripts/electron-build';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * The desktop shell, end to end: launch, check the window and the bridge,
 * quit, relaunch with the same --user-data-dir, check what was remembered;
 * then the front desk's journey in the shell itself (issue 5): first run,
 * sign in, book an appointment, quit, relaunch with the same
 * --user-data-dir, and find the appointment still there (IndexedDB under
 * userData, app:// origin). The journey uses the same page models as the
 * browser specs, over a fresh production build of the renderer.
 *
 * Skipped (reported as skipped, not passed) where no Electron binary exists:
 * electron@45 downloads it lazily on first start, and `require('electron')`
 * would try that download, so the binary is looked up without requiring it.
 */
const repositoryRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };

function findElectronBinary(): { executablePath?: string; reason: string } {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const defaultName = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultName;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, executable) : path.join(packageDir, 'dist', executable);
  if (!existsSync(candidate)) {
    return {
      reason: `Electron binary not available here: ${candidate} does not exist (electron@45 fetches it on first start; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45).`,
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'Electron binary found, but no display: run under xvfb-run (DISPLAY is unset).' };
  }
  return { executablePath: candidate, reason: '' };
}

const binary = findElectronBinary();
// The list reporter shows a skip as "-" without its reason; say it once here.
if (!binary.executablePath) console.warn(`[e2e/electron.spec.ts] skipping the desktop shell tests. ${binary.reason}`);
const builtRenderer = path.join(repositoryRoot, 'dist', 'renderer');
const rendererDir = existsSync(path.join(builtRenderer, 'index.html')) ? builtRenderer : path.join(repositoryRoot, 'electron', 'fixtures', 'renderer');

/** Launches the shell on `userData` serving `rendererDir`, and waits for its window. */
async function launchShell(userData: string, rendererDirectory: string): Promise<{ app: ElectronApplication; page: Page }> {
  const args = [repositoryRoot, `--user-data-dir=${userData}`];
  // Chromium's sandbox cannot start as root without user namespaces (CI containers).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({
    executablePath: binary.executablePath,
    args,
    env: { ...process.env, TIMEDESK_RENDERER_DIR: rendererDirectory },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test.describe('desktop shell', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!binary.executablePath, binary.reason);

  let userData: string;

  test.beforeAll(async () => {
    await buildElectron();
    userData = mkdtempSync(path.join(tmpdir(), 'td-e2e-electron-'));
  });

  test.afterAll(() => {
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  const launch = () => launchShell(userData, rendererDir);

  test('loads the renderer over app://, exposes only the named bridge and no Node', async () => {
    const { app, page } = await launch();
    try {
      expect(page.url()).toBe('app://timedesk/index.html');
      expect(await page.evaluate(() => Object.keys((window as unknown as { timedesk: object }).timedesk))).toEqual(bridgeMethodNames);
      expect(
        await page.evaluate(() => ({
          require: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          module: typeof (globalThis as { module?: unknown }).module,
          ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
        })),
      ).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });

      const info = await page.evaluate(() => (window as unknown as { timedesk: { getAppInfo(): Promise<unknown> } }).timedesk.getAppInfo());
      expect(info).toEqual({ name: expect.any(String), version, platform: process.platform });

      const headers = await page.evaluate(async () => {
        const response = await fetch('/index.html');
        return { csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options') };
      });
      expect(headers.csp).toContain("script-src 'self'");
      expect(headers.nosniff).toBe('nosniff');

      // Hostile: an injected inline script must not run under the CSP.
      const inlineRan = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.head.append(script);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(inlineRan).toBe(false);

      // Hostile: navigation to file: and new windows are refused.
      await page.evaluate(() => {
        window.location.href = 'file:///etc/passwd';
      });
      expect(await page.evaluate(() => window.open('app://timedesk/index.html'))).toBeNull();
      await page.waitForTimeout(300);
      expect(page.url()).toBe('app://timedesk/index.html');
      expect(app.windows()).toHaveLength(1);

      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 120, y: 90, width: 1111, height: 777 }));
    } finally {
      await app.close();
    }
    expect(existsSync(path.join(userData, windowStateFileName))).toBe(true);
  });

  test('remembers the window size across a relaunch with the same --user-data-dir', async () => {
    const { app } = await launch();
    try {
      const bounds = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
      expect(bounds).toMatchObject({ width: 1111, height: 777 });
      expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(userData);
    } finally {
      await app.close();
    }
  });
});

test.describe('front desk in the desktop shell', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  test.skip(!binary.executablePath, binary.reason);

  let userData = '';
  let rendererBuild = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await buildElectron();
    // Always the current renderer, never a stale dist/renderer or the shell's fixture page.
    rendererBuild = mkdtempSync(path.join(tmpdir(), 'td-e2e-electron-renderer-'));
    await build({ configFile: path.join(repositoryRoot, 'renderer/vite.config.ts'), logLevel: 'warn', build: { outDir: rendererBuild, emptyOutDir: true } });
    userData = mkdtempSync(path.join(tmpdir(), 'td-e2e-electron-desk-'));
  });

  test.afterAll(() => {
    for (const directory of [userData, rendererBuild]) if (directory) rmSync(directory, { recursive: true, force: true });
  });

  test('first run, book an appointment, quit, relaunch with the same --user-data-dir: the appointment is still there', async () => {
    const patient = { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10', phone: '555 010 2233' };
    // The shell runs on the real clock: the booking is today at 10:00 (inside the grid on any weekday; hours only warn).
    const first = await launchShell(userData, rendererBuild);
    let today = '';
    try {
      const { page } = first;
      expect(page.url()).toBe('app://timedesk/index.html');
      await new FirstRunPage(page).createClinic(sampleSetup);
      const signIn = new SignInPage(page);
      await expect(signIn.heading()).toHaveText('Sign in');
      await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
      await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');

      const day = new DayViewPage(page);
      await expect(day.columnNames()).toHaveText(['Dr Adams', 'Dr Brown']);
      today = (await day.title().textContent()) ?? '';
      await day.bookNewPatient('Dr Adams', '10:00', patient);
      await expect(new AppointmentDialogPage(page).root()).toBeHidden();
      await expect(day.notice()).toContainText('Booked Ada Lovelace at 10:00');
      await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(1);
    } finally {
      await first.app.close();
    }

    // A new process on the same profile: first run is over, the clinic and the booking were kept.
    const second = await launchShell(userData, rendererBuild);
    try {
      const { page } = second;
      expect(await second.app.evaluate(({ app }) => app.getPath('userData'))).toBe(userData);
      const signIn = new SignInPage(page);
      await expect(signIn.heading()).toHaveText('Sign in');
      await expect(new FirstRunPage(page).heading()).toHaveCount(0);
      await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
      await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');
      const day = new DayViewPage(page);
      await expect(day.title()).toHaveText(today);
      const ada = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
      await expect(ada).toHaveCount(1);
      await expect(ada).toHaveAttribute('data-status', 'booked');
    } finally {
      await second.app.close();
    }
  });
});
