import type { Page } from '@playwright/test';
import type { AllowSyncServerResult, TimedeskBridge } from '../../electron/bridge-contract';

/**
 * A stand-in for the Electron shell's sync-server permission in a plain
 * browser page (the real shell needs the Electron binary, which this machine
 * cannot download; electron/main.test.ts covers main's side). It gives the
 * page a `window.timedesk.allowSyncServer` that answers as main does
 * (electron/sync-server-permission.ts), and makes the browser behave like the
 * shell's CSP: requests to the sync server fail unless its origin was allowed
 * when the current document loaded — so enrolling only works after the reload.
 *
 * @example const shell = await DesktopShellStandIn.install(page, 'http://127.0.0.1:8870'); shell.answer = 'declined';
 */
export class DesktopShellStandIn {
  /** What the person at the desk answers in the shell's dialog. */
  answer: 'allow' | 'declined' = 'allow';
  /** Origins the page asked to allow, in order. */
  readonly asked: string[] = [];
  /** Requests to the sync server blocked as the CSP would block them. */
  readonly blocked: string[] = [];
  /** The origin main would put in connect-src now, and the one the current document was served with. */
  private allowed: string | undefined;
  private documentAllowed: string | undefined;

  private constructor(
    readonly page: Page,
    readonly syncOrigin: string,
  ) {}

  /** Installs the stand-in before the page's first navigation. */
  static async install(page: Page, syncOrigin: string): Promise<DesktopShellStandIn> {
    const shell = new DesktopShellStandIn(page, syncOrigin);
    await page.exposeFunction('__timedeskShellAllowSyncServer', (origin: string) => shell.allow(origin));
    await page.addInitScript(() => {
      const allow = (window as unknown as { __timedeskShellAllowSyncServer(origin: string): Promise<AllowSyncServerResult> }).__timedeskShellAllowSyncServer;
      // Every method of the bridge, as the real preload exposes them all: the app calls
      // the ones it needs at start (automatic backups wait on awaitQuit), and a missing
      // one would stop it before the sign-in screen.
      const bridge: TimedeskBridge = {
        getAppInfo: async () => ({ name: 'Timedesk', version: 'stand-in', platform: 'linux' }),
        saveFile: async () => ({ outcome: 'cancelled' }),
        printDaySheet: async () => ({ outcome: 'cancelled' }),
        openExternal: async () => ({ outcome: 'declined' }),
        allowSyncServer: (origin: string) => allow(origin),
        // The stand-in has no disk: a backup it is asked for fails as a full disk would.
        backupFiles: async () => ({ outcome: 'failed', message: 'The stand-in shell has no folders to write to.' }),
        chooseBackupFolder: async () => ({ outcome: 'cancelled' }),
        // The stand-in never quits while the test runs.
        awaitQuit: () => new Promise(() => undefined),
        quitReady: async () => ({ outcome: 'done' }),
        // No chosen backup folder on the stand-in's missing disk.
        writeDowntimePack: async () => ({ outcome: 'no-folder' }),
      };
      Object.defineProperty(window, 'timedesk', { value: Object.freeze(bridge) });
    });
    // A document keeps the policy it was served with: note it on every main-frame navigation.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) shell.documentAllowed = shell.allowed;
    });
    await page.route(`${syncOrigin}/**`, async (route) => {
      if (shell.documentAllowed === syncOrigin) return route.continue();
      shell.blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    return shell;
  }

  private allow(origin: string): AllowSyncServerResult {
    this.asked.push(origin);
    if (this.allowed === origin) return { outcome: 'allowed', origin, reloadRequired: this.documentAllowed !== origin };
    if (this.answer === 'declined') return { outcome: 'declined' };
    this.allowed = origin;
    return { outcome: 'allowed', origin, reloadRequired: true };
  }
}
