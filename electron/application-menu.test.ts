import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createApplicationMenuTemplate } from './application-menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('createApplicationMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux']) {
      expect(createApplicationMenuTemplate({ platform, isPackaged: true, appName: 'Timedesk' }).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    }
  });

  it('puts the app menu first on macOS', () => {
    const template = createApplicationMenuTemplate({ platform: 'darwin', isPackaged: true, appName: 'Timedesk' });
    expect(template.map((menu) => menu.label)).toEqual(['Timedesk', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template)).toContain('quit');
  });

  it('offers devtools only in unpackaged builds', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      expect(roles(createApplicationMenuTemplate({ platform, isPackaged: true, appName: 'Timedesk' }))).not.toContain('toggleDevTools');
      expect(roles(createApplicationMenuTemplate({ platform, isPackaged: false, appName: 'Timedesk' }))).toContain('toggleDevTools');
    }
  });

  it('keeps the editing roles the receptionist’s shortcuts rely on', () => {
    expect(roles(createApplicationMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Timedesk' }))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'resetZoom', 'quit']),
    );
  });
});
