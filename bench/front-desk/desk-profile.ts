import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import type { BrowserContext } from 'playwright';

/** A Chromium with its own on-disk profile, and how to close it and remove the profile. */
export interface DeskProfile {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium (or CHROMIUM_PATH) on a fresh persistent profile, so
 * IndexedDB lives on disk as in the desktop app (a plain context keeps it in
 * memory), at a laptop's 1280×800 on `timeZone`'s clock.
 *
 * @example const { context, close } = await openDeskProfile('first-run', 'America/New_York');
 */
export async function openDeskProfile(label: string, timeZone: string): Promise<DeskProfile> {
  const profile = mkdtempSync(join(tmpdir(), `timedesk-bench-${label}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    timezoneId: timeZone,
    locale: 'en-US',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
