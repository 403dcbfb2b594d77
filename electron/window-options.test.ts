import { describe, expect, it } from 'vitest';
import { createWindowOptions, minimumWindowSize, windowBackgroundColor } from './window-options';

const input = { preloadPath: '/opt/Timedesk/resources/app.asar/dist/electron/preload.cjs', bounds: { width: 1280, height: 800 }, isPackaged: true };

describe('createWindowOptions', () => {
  it('locks down the renderer', () => {
    const { webPreferences } = createWindowOptions(input);
    expect(webPreferences).toMatchObject({
      preload: input.preloadPath,
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
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('sets no Blink features, partition, zoom or additional arguments that could loosen it', () => {
    const { webPreferences = {} } = createWindowOptions(input);
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'javascript', 'images', 'offscreen']) {
      expect(webPreferences, key).not.toHaveProperty(key);
    }
  });

  it('keeps devtools for unpackaged (development) runs only', () => {
    expect(createWindowOptions({ ...input, isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden on the UI background colour (no white flash)', () => {
    const options = createWindowOptions(input);
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(windowBackgroundColor);
    expect(windowBackgroundColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('applies remembered bounds, and a position only as a pair', () => {
    expect(createWindowOptions({ ...input, bounds: { x: 10, y: 20, width: 1000, height: 700 } })).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    const unpositioned = createWindowOptions({ ...input, bounds: { x: 10, width: 1000, height: 700 } });
    expect(unpositioned).not.toHaveProperty('x');
    expect(unpositioned).not.toHaveProperty('y');
    expect(unpositioned).toMatchObject({ minWidth: minimumWindowSize.width, minHeight: minimumWindowSize.height });
  });
});
