import type { MenuItemConstructorOptions } from 'electron';

/**
 * The standard File / Edit / View / Window / Help menu, built from Electron's
 * roles so shortcuts and platform conventions come for free. Pure data: main
 * passes it to `Menu.buildFromTemplate`.
 */

/** Inputs to {@link createApplicationMenuTemplate}. */
export interface ApplicationMenuInput {
  /** `process.platform`; macOS gets the app menu and its own Window menu. */
  platform: string;
  /** `app.isPackaged`: devtools and force-reload only in development. */
  isPackaged: boolean;
  /** Shown in the macOS app menu. */
  appName: string;
}

/**
 * The menu template. Packaged builds have no "Toggle Developer Tools" (and the
 * window has `devTools: false` as well, so the shortcut does nothing either).
 *
 * @example createApplicationMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Timedesk' }).map((menu) => menu.label) // ['File', 'Edit', 'View', 'Window', 'Help']
 */
export function createApplicationMenuTemplate(input: ApplicationMenuInput): MenuItemConstructorOptions[] {
  const isMac = input.platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = input.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: input.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...developerItems,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    { label: 'Help', role: 'help', submenu: isMac ? [] : [{ role: 'about' }] },
  );
  return template;
}
