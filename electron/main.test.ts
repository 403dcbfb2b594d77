import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseContentSecurityPolicy } from './content-security-policy';

/**
 * main.ts is wiring; this checks the wiring without the Electron binary by
 * loading it against a recording stand-in for the `electron` module: what is
 * registered before `ready`, which window is created, and that the protocol,
 * IPC, navigation and permission hooks main installs call the tested modules.
 */

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  calls: [] as string[],
  userDataDir: '',
  appListeners: new Map<string, Listener>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: undefined as Listener | undefined,
  permissionCheckHandler: undefined as Listener | undefined,
  devicePermissionHandler: undefined as Listener | undefined,
  windows: [] as { options: Record<string, unknown>; loadedUrl?: string; listeners: Map<string, Listener> }[],
  openExternal: vi.fn(async () => {}),
  showMessageBox: vi.fn(async () => ({ response: 0 })),
  readyResolved: undefined as Promise<void> | undefined,
}));

vi.mock('electron', () => {
  let resolveStarted: () => void = () => {};
  recorded.readyResolved = new Promise<void>((resolve) => {
    resolveStarted = resolve;
  });
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = (): BrowserWindow[] => BrowserWindow.all;
    static fromWebContents = (): BrowserWindow | undefined => BrowserWindow.all[0];
    readonly record: (typeof recorded.windows)[number];
    readonly webContents = { print: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.record = { options, listeners: new Map() };
      recorded.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    once(event: string, listener: Listener): void {
      this.record.listeners.set(`once:${event}`, listener);
    }
    on(event: string, listener: Listener): void {
      this.record.listeners.set(event, listener);
    }
    async loadURL(url: string): Promise<void> {
      this.record.loadedUrl = url;
      resolveStarted();
    }
    maximize(): void {}
    isMaximized = (): boolean => false;
    isMinimized = (): boolean => false;
    isDestroyed = (): boolean => false;
    getNormalBounds = (): object => ({ x: 10, y: 10, width: 1000, height: 700 });
    show(): void {}
    focus(): void {}
    restore(): void {}
  }
  return {
    app: {
      setPath: (name: string, value: string) => {
        recorded.calls.push(`setPath:${name}`);
        recorded.userDataDir = value;
      },
      getPath: () => recorded.userDataDir,
      enableSandbox: () => recorded.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        recorded.calls.push('requestSingleInstanceLock');
        return true;
      },
      on: (event: string, listener: Listener) => recorded.appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      quit: vi.fn(),
      exit: vi.fn(),
      isPackaged: false,
      getName: () => 'timedesk',
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        recorded.calls.push('registerSchemesAsPrivileged');
        recorded.privilegedSchemes.push(...schemes);
      },
    },
    session: {
      defaultSession: {
        protocol: { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler) },
        setPermissionRequestHandler: (handler: Listener) => (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (recorded.permissionCheckHandler = handler),
        setDevicePermissionHandler: (handler: Listener) => (recorded.devicePermissionHandler = handler),
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => recorded.ipcHandlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => recorded.calls.push('setApplicationMenu') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: { showMessageBox: recorded.showMessageBox, showSaveDialog: vi.fn() },
    shell: { openExternal: recorded.openExternal },
    BrowserWindow,
  };
});

const fixtureRenderer = path.resolve(import.meta.dirname, 'fixtures', 'renderer');
let userData: string;
const originalArgv = process.argv;

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'td-main-'));
  process.argv = [...originalArgv, `--user-data-dir=${userData}`];
  vi.stubEnv('TIMEDESK_RENDERER_DIR', fixtureRenderer);
  await import('./main');
  await recorded.readyResolved;
});

afterAll(() => {
  process.argv = originalArgv;
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

describe('before ready', () => {
  it('sets userData from --user-data-dir before taking the single-instance lock, and sandboxes every renderer', () => {
    expect(recorded.userDataDir).toBe(userData);
    expect(recorded.calls.indexOf('setPath:userData')).toBeLessThan(recorded.calls.indexOf('requestSingleInstanceLock'));
    expect(recorded.calls).toContain('enableSandbox');
  });

  it('registers app: as a standard, secure scheme without CSP bypass', () => {
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('focuses the first window when a second instance starts', () => {
    expect(recorded.appListeners.has('second-instance')).toBe(true);
  });
});

describe('after ready', () => {
  it('creates one hidden, sandboxed window loading app://timedesk', () => {
    expect(recorded.windows).toHaveLength(1);
    const [window] = recorded.windows;
    expect(window?.loadedUrl).toBe('app://timedesk/index.html');
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window?.listeners.has('once:ready-to-show')).toBe(true);
    expect(window?.listeners.has('close')).toBe(true);
    expect(recorded.calls).toContain('setApplicationMenu');
  });

  it('serves the renderer over app:// with the CSP, and refuses traversal and writes', async () => {
    const handler = recorded.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const page = await handler!(new Request('app://timedesk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Shell fixture');
    expect((await handler!(new Request('app://timedesk/assets/..%2f..%2f..%2fmain.ts'))).status).toBe(403);
    expect((await handler!(new Request('app://timedesk/missing.js'))).status).toBe(404);
    expect((await handler!(new Request('app://timedesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers exactly the contract channels, each checking the sender', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([
      'timedesk:allow-sync-server',
      'timedesk:await-quit',
      'timedesk:backup-files',
      'timedesk:choose-backup-folder',
      'timedesk:get-app-info',
      'timedesk:open-external',
      'timedesk:print-day-sheet',
      'timedesk:quit-ready',
      'timedesk:save-file',
      'timedesk:write-downtime-pack',
    ]);
    const getAppInfo = recorded.ipcHandlers.get('timedesk:get-app-info')!;
    const fromApp = { sender: {}, senderFrame: { url: 'app://timedesk/index.html', parent: null } };
    const fromSubframe = { sender: {}, senderFrame: { url: 'app://timedesk/index.html', parent: {} } };
    expect(await getAppInfo(fromApp)).toEqual({ name: 'timedesk', version: '0.1.0', platform: process.platform });
    await expect(Promise.resolve().then(() => getAppInfo(fromSubframe))).rejects.toThrow('Refused');
    await expect(Promise.resolve().then(() => getAppInfo({ sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } }))).rejects.toThrow('Refused');
  });

  it('allows a sync server from Settings only after the person confirms: persisted, and in the CSP of the next response', async () => {
    const allow = recorded.ipcHandlers.get('timedesk:allow-sync-server')!;
    const fromApp = { sender: {}, senderFrame: { url: 'app://timedesk/index.html', parent: null } };
    const handler = recorded.protocolHandlers.get('app')!;
    const connectSrc = async () => parseContentSecurityPolicy((await handler(new Request('app://timedesk/index.html'))).headers.get('content-security-policy') ?? '').get('connect-src');
    expect(await connectSrc()).toEqual(["'self'"]);

    recorded.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await allow(fromApp, 'http://127.0.0.1:8790')).toEqual({ outcome: 'declined' });
    expect(await connectSrc()).toEqual(["'self'"]);
    expect(existsSync(path.join(userData, 'desktop-config.json'))).toBe(false);

    expect(await allow(fromApp, 'https://*.clinic.example')).toMatchObject({ outcome: 'refused', problem: { field: 'origin' } });
    await expect(Promise.resolve().then(() => allow({ sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } }, 'https://evil.example'))).rejects.toThrow('Refused');

    recorded.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await allow(fromApp, 'http://127.0.0.1:8790')).toEqual({ outcome: 'allowed', origin: 'http://127.0.0.1:8790', reloadRequired: true });
    expect(JSON.parse(readFileSync(path.join(userData, 'desktop-config.json'), 'utf8'))).toEqual({ syncEndpoint: 'http://127.0.0.1:8790' });
    // The reload: the next document carries the new origin, and asking again needs neither a dialog nor a reload.
    expect(await connectSrc()).toEqual(["'self'", 'http://127.0.0.1:8790']);
    const asked = recorded.showMessageBox.mock.calls.length;
    expect(await allow(fromApp, 'http://127.0.0.1:8790')).toEqual({ outcome: 'allowed', origin: 'http://127.0.0.1:8790', reloadRequired: false });
    expect(recorded.showMessageBox.mock.calls.length).toBe(asked);
  });

  it('denies permissions and devices through the permission module', () => {
    const callback = vi.fn();
    recorded.permissionRequestHandler?.({}, 'media', callback, { requestingUrl: 'app://timedesk/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheckHandler?.({}, 'geolocation', 'app://timedesk', {})).toBe(false);
    expect(recorded.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'app://timedesk', {})).toBe(true);
    expect(recorded.devicePermissionHandler?.({})).toBe(false);
  });
});

describe('every web contents', () => {
  function guardedContents(): { listeners: Map<string, Listener>; windowOpen: Listener } {
    const listeners = new Map<string, Listener>();
    let windowOpen: Listener = () => undefined;
    const contents = { on: (event: string, listener: Listener) => listeners.set(event, listener), setWindowOpenHandler: (handler: Listener) => (windowOpen = handler) };
    recorded.appListeners.get('web-contents-created')?.({}, contents);
    return { listeners, windowOpen };
  }

  it('blocks navigation away from app://, <webview> and new windows', () => {
    const { listeners, windowOpen } = guardedContents();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://localhost:5173/', 'app://evil/']) {
      const event = { url, preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event);
      expect(event.preventDefault, url).toHaveBeenCalled();
      const redirect = { url, preventDefault: vi.fn() };
      listeners.get('will-redirect')?.(redirect);
      expect(redirect.preventDefault, url).toHaveBeenCalled();
    }
    const inApp = { url: 'app://timedesk/index.html', preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(windowOpen({ url: 'app://timedesk/index.html' })).toEqual({ action: 'deny' });
    expect(recorded.openExternal).not.toHaveBeenCalled();
  });

  it('asks before sending an https link to the browser, and opens nothing on cancel', async () => {
    const { listeners } = guardedContents();
    const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(recorded.showMessageBox).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(recorded.openExternal).not.toHaveBeenCalled();
  });
});
