import { describe, expect, it } from 'vitest';
import { allowedPermissions, isPermissionGranted } from './permission-handler';

// Every permission name Electron 45 documents for setPermissionRequestHandler /
// setPermissionCheckHandler, plus a made-up future one.
const electronPermissions = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'deprecated-sync-clipboard-read',
  'persistent-storage',
  'background-sync',
  'some-permission-added-in-electron-99',
];

describe('isPermissionGranted', () => {
  it('denies every permission except sanitized clipboard writes, even for the app itself', () => {
    const granted = electronPermissions.filter((permission) => isPermissionGranted(permission, 'app://timedesk/index.html'));
    expect(granted).toEqual(['clipboard-sanitized-write']);
    expect([...allowedPermissions]).toEqual(['clipboard-sanitized-write']);
  });

  it('accepts the bare origin Electron passes to the check handler', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://timedesk')).toBe(true);
  });

  it.each(['https://evil.example/', 'http://localhost:5173/', 'file:///tmp/x.html', 'app://other/', 'null', '', undefined])(
    'denies even the allowed permission to %j',
    (requestingUrl) => {
      expect(isPermissionGranted('clipboard-sanitized-write', requestingUrl)).toBe(false);
    },
  );
});
