/**
 * Electron main process: wiring only. Every decision (window options, CSP,
 * navigation, permissions, IPC checks, app:// paths, window state) lives in a
 * small module beside this file with its own Node tests; this file connects
 * them to Electron's APIs. No scheduling logic runs here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { appEntryUrl, appScheme, lookupAppAsset } from './app-protocol';
import { createApplicationMenuTemplate } from './application-menu';
import { bridgeChannels } from './bridge-contract';
import { BackupFileStore } from './backup-files';
import { createHtmlToPdf } from './pdf-print';
import { createBridgeDispatcher } from './bridge-handlers';
import type { BridgeHost } from './bridge-handlers';
import { userDataDirFromArgv } from './command-line';
import { buildContentSecurityPolicy } from './content-security-policy';
import { loadDesktopConfig, saveDesktopConfig } from './desktop-config';
import { QuitBackupCoordinator } from './quit-backup';
import type { DesktopConfig } from './desktop-config';
import type { SenderFrameFacts } from './ipc-validation';
import { navigationDecision, openExternallyAfterConfirmation, windowOpenDecision } from './navigation-guard';
import { isPermissionGranted } from './permission-handler';
import { createPdfWindowOptions, createWindowOptions } from './window-options';
import { loadWindowState, saveWindowState, saveWindowStateSync } from './window-state';
import type { WindowState } from './window-state';

// --- Before `ready`: paths, privileged scheme, sandbox, single instance. ---

// Tests and second profiles pass --user-data-dir; it must be set before
// anything reads userData (the single-instance lock is keyed on it).
const userDataOverride = userDataDirFromArgv(process.argv, process.cwd());
if (userDataOverride) app.setPath('userData', userDataOverride);

// Every renderer sandboxed, whatever a webPreferences object says.
app.enableSandbox();

// Standard + secure: the page gets the origin app://timedesk (IndexedDB, CSP
// 'self'); no bypassCSP, no corsEnabled, no extra privileges.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Bundled next to this file as dist/electron/{main,preload}.cjs. */
const preloadPath = path.join(__dirname, 'preload.cjs');
/**
 * The built renderer (dist/renderer). TIMEDESK_RENDERER_DIR lets end-to-end
 * tests serve a fixture, and is ignored in packaged builds so nothing outside
 * the asar can be loaded there.
 */
const rendererDir =
  !app.isPackaged && process.env.TIMEDESK_RENDERER_DIR ? path.resolve(process.env.TIMEDESK_RENDERER_DIR) : path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | undefined;
/** Backup files in `<userData>/backups` and the chosen folder (created on ready, once userData is final). */
let backupFiles: BackupFileStore | undefined;
/** The renderer's backup when the app quits (quit-backup.ts). */
const quitBackup = new QuitBackupCoordinator();

/** desktop-config.json as main runs with it; Settings → Sync may replace the sync endpoint (sync-server-permission.ts). */
let desktopConfig: DesktopConfig = {};
/** The sync origin in the CSP of the last HTML document served: the page's policy until it reloads. */
let documentSyncOrigin: string | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  // Once per quit: let the renderer back up first (it asked with awaitQuit), at most two minutes.
  app.on('before-quit', (event) => {
    if (quitBackup.quitRequested(() => app.quit())) event.preventDefault();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Timedesk failed to start', error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const { config, warnings } = await loadDesktopConfig(app.getPath('userData'));
  for (const warning of warnings) console.warn(warning);
  desktopConfig = config;
  backupFiles = new BackupFileStore(app.getPath('userData'));

  serveRenderer(session.defaultSession);
  guardSession(session.defaultSession);
  registerBridge();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(createApplicationMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.getName() })),
  );
  await createMainWindow();
}

/**
 * app:// answers only GET/HEAD for files inside the renderer folder, always
 * with the CSP, built per response from the current config so a sync server
 * allowed from Settings → Sync applies from the next document on.
 */
function serveRenderer(target: Session): void {
  target.protocol.handle(appScheme, async (request) => {
    const syncEndpoint = desktopConfig.syncEndpoint;
    const securityHeaders = {
      'content-security-policy': buildContentSecurityPolicy({ syncEndpoint }),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: securityHeaders });
    const asset = await lookupAppAsset(request.url, rendererDir);
    if (asset.kind === 'forbidden') return new Response('Forbidden', { status: 403, headers: securityHeaders });
    if (asset.kind === 'not-found') return new Response('Not found', { status: 404, headers: securityHeaders });
    if (request.method === 'GET' && asset.mimeType.startsWith('text/html')) documentSyncOrigin = syncEndpoint;
    const body = await readFile(asset.filePath);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...securityHeaders, 'content-type': asset.mimeType } });
  });
}

/** Deny-by-default permissions and devices for every page in the session. */
function guardSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
  target.setDevicePermissionHandler(() => false);
}

/** Navigation, redirects, new windows and <webview> for every web contents ever created. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const onNavigate = (event: { preventDefault(): void }, url: string): void => {
    const decision = navigationDecision(url);
    if (decision.action === 'allow-in-app') return;
    event.preventDefault();
    if (decision.action === 'ask-to-open-externally') void openAfterAsking(decision.url);
  };
  contents.on('will-navigate', (event) => onNavigate(event, event.url));
  contents.on('will-redirect', (event) => onNavigate(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.action === 'ask-to-open-externally') void openAfterAsking(decision.url);
    return { action: 'deny' };
  });
}

/**
 * A native yes/no question over the window (the page cannot answer or fake
 * it). Cancel is the default and what Escape gives; only `yes` is consent.
 */
async function askInNativeDialog(question: { message: string; detail: string; yes: string }): Promise<boolean> {
  const options = { type: 'question' as const, buttons: ['Cancel', question.yes], defaultId: 0, cancelId: 0, noLink: true, message: question.message, detail: question.detail };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return response === 1;
}

/** Asks in a native dialog; opens in the system browser only on an explicit yes. */
const confirmOpenExternal = (url: string): Promise<boolean> => askInNativeDialog({ message: 'Open this link in your web browser?', detail: url, yes: 'Open in browser' });

/** The only call to shell.openExternal; reached only through openExternallyAfterConfirmation. */
const openInBrowser = (url: string): Promise<void> => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: callers pass navigation-guard's https-only, user-confirmed URL (navigation-guard.test.ts)

async function openAfterAsking(url: string): Promise<void> {
  await openExternallyAfterConfirmation(url, { confirm: confirmOpenExternal, openExternal: openInBrowser });
}

function senderFacts(event: IpcMainInvokeEvent): SenderFrameFacts | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}

/** Asks before the page may connect to another sync server; the page cannot answer a native dialog. */
function confirmSyncServer(origin: string, replacing: string | undefined): Promise<boolean> {
  return askInNativeDialog({
    message: 'Let Timedesk connect to this sync server?',
    detail: `${origin}\n\nThis desk will send the clinic's schedule and patients there${replacing ? ` instead of ${replacing}` : ''}. Timedesk reloads to apply it; sign in again afterwards.`,
    yes: 'Allow and reload',
  });
}

/** Persist first, then apply: a config that could not be saved is not served either. */
async function allowSyncOrigin(origin: string): Promise<void> {
  const next: DesktopConfig = { ...desktopConfig, syncEndpoint: origin };
  await saveDesktopConfig(app.getPath('userData'), next);
  desktopConfig = next;
}

function hostFor(sender: WebContents): BridgeHost {
  const owner = BrowserWindow.fromWebContents(sender) ?? undefined;
  return {
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    showSaveDialog: (options) => (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options)),
    writeTextFile: (filePath, content) => writeFile(filePath, content, 'utf8'),
    print: () =>
      new Promise((resolve) => sender.print({ printBackground: true }, (success, failureReason) => resolve({ success, failureReason }))),
    confirmOpenExternal,
    openExternal: openInBrowser,
    syncServer: { currentOrigin: () => desktopConfig.syncEndpoint, documentOrigin: () => documentSyncOrigin, confirm: confirmSyncServer, allow: allowSyncOrigin },
    backups: {
      files: backupFiles ?? new BackupFileStore(app.getPath('userData')),
      showFolderDialog: () => {
        const options = { title: 'Backup folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
        return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
      },
      quit: quitBackup,
      quitNow: () => app.quit(),
    },
    downtime: { files: backupFiles ?? new BackupFileStore(app.getPath('userData')), htmlToPdf: downtimePdf },
  };
}

/** Each downtime day sheet printed to PDF in a hidden window of its own (electron/pdf-print.ts). */
const downtimePdf = createHtmlToPdf(() => {
  const window = new BrowserWindow(createPdfWindowOptions()); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  return {
    loadURL: (url) => window.webContents.loadURL(url),
    printToPDF: async (options) => new Uint8Array(await window.webContents.printToPDF(options)),
    close: () => window.destroy(),
  };
});

/** One handler per contract channel; each checks the sender frame, then the arguments. */
function registerBridge(): void {
  for (const channel of Object.values(bridgeChannels)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => createBridgeDispatcher(hostFor(event.sender))(channel, senderFacts(event), args));
  }
}

async function createMainWindow(): Promise<void> {
  const userData = app.getPath('userData');
  const state = await loadWindowState(
    userData,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const options = createWindowOptions({ preloadPath, bounds: state, isPackaged: app.isPackaged });
  // The scanner cannot follow options built in another module; it checks them as literals in the generated file instead (scripts/electron-security-scan.ts).
  const window = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  mainWindow = window;
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberWindowState(window, userData);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  await window.loadURL(appEntryUrl);
}

/** Saves bounds half a second after the last move/resize, and once more on close. */
function rememberWindowState(window: BrowserWindow, userData: string): void {
  const current = (): WindowState => ({ ...window.getNormalBounds(), isMaximized: window.isMaximized() });
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) saveWindowState(userData, current()).catch((error: unknown) => console.warn('Could not save window state', error));
    }, 500);
  };
  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => {
    clearTimeout(timer);
    try {
      saveWindowStateSync(userData, current());
    } catch (error) {
      console.warn('Could not save window state', error);
    }
  });
}
