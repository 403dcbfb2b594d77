import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one BrowserWindow's options. Security settings are spelled out even
 * where they equal Electron's defaults, so a reader (and Electronegativity)
 * sees them, and a future default change cannot silently loosen them.
 */

/** Background painted before the first frame; matches the renderer's page background. */
export const windowBackgroundColor = '#f7f8fa';

/** Smallest usable size for the day view (two resource columns and the side list). */
export const minimumWindowSize = { width: 900, height: 600 } as const;

/** Inputs to {@link createWindowOptions}. */
export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Remembered or default bounds; x/y absent means "let the OS centre it". */
  bounds: { x?: number | undefined; y?: number | undefined; width: number; height: number };
  /** `app.isPackaged`: packaged builds get no devtools. */
  isPackaged: boolean;
  /** Path of the window icon on Linux (Windows and macOS take it from the bundle). */
  iconPath?: string | undefined;
}

/**
 * Electron's security checklist as web preferences, shared by every window
 * the shell opens (the desk and the hidden PDF window), so a window cannot
 * be added with one of them forgotten.
 */
const lockedDownPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Middle-click opens links via auxclick; new windows are denied anyway,
  // but without the feature the event never reaches the handler at all.
  disableBlinkFeatures: 'Auxclick',
  spellcheck: false,
} as const satisfies NonNullable<BrowserWindowConstructorOptions['webPreferences']>;

/**
 * Options for `new BrowserWindow(…)`: hidden until `ready-to-show` and painted
 * in the UI's background colour (no white flash); context isolation, sandbox
 * and web security on; Node integration, insecure content, experimental and
 * Blink features, `<webview>` and (in packaged builds) devtools off.
 *
 * @example createWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', bounds: { width: 1280, height: 800 }, isPackaged: true }).webPreferences?.sandbox // true
 */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { x, y, width, height } = input.bounds;
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    backgroundColor: windowBackgroundColor,
    title: 'Timedesk',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      ...lockedDownPreferences,
      safeDialogs: true,
      devTools: !input.isPackaged,
    },
  };
}

/**
 * The hidden window a downtime day sheet is printed to PDF in
 * (electron/pdf-print.ts): never shown, no preload and no bridge, scripts
 * off (the sheet has none), its own in-memory session, the main window's
 * other security preferences.
 *
 * @example createPdfWindowOptions().webPreferences?.javascript // false
 */
export function createPdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      partition: 'timedesk-downtime-pdf',
      javascript: false,
      ...lockedDownPreferences,
      devTools: false,
    },
  };
}
