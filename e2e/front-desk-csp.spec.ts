import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { buildContentSecurityPolicy } from '../electron/content-security-policy';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * The production build of the renderer under the desktop shell's
 * Content-Security-Policy (no inline scripts or styles, no eval): built into
 * a temporary folder, served with exactly the header Electron's main sends,
 * and driven through first run, sign-in and a booking. Any CSP violation or
 * page error fails the test, so a build that only works on the dev server
 * cannot slip through.
 */
const repositoryRoot = path.resolve(import.meta.dirname, '..');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };

let outDir = '';
let server: Server;
let origin = '';

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'timedesk-renderer-'));
  await build({ configFile: path.join(repositoryRoot, 'renderer/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const policy = buildContentSecurityPolicy();
  server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(outDir, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(outDir)) return void response.writeHead(403).end();
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': policy }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('the built app runs under the desktop CSP: first run, sign in, book', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.clock.setFixedTime(new Date('2026-11-25T14:00:00Z'));
  await page.goto(`${origin}/`);

  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await day.clickSlot('Dr Brown', '14:00');
  const dialog = new AppointmentDialogPage(page);
  await dialog.registerPatient({ givenName: 'Mary', familyName: 'Somerville', dateOfBirth: '1980-12-26' });
  await dialog.book();
  await expect(await day.appointmentIn('Dr Brown', 'Mary Somerville')).toHaveCount(1);
  expect(problems).toEqual([]);
});
